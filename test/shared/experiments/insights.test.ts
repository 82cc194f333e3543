import { describe, it, expect } from 'vitest';
import { analyzeResultsTable } from '../../../shared/src/experiments/results-table';
import { findInsights } from '../../../shared/src/experiments/insights';
import { comparePeriods } from '../../../shared/src/experiments/periods';
import { rowsText } from '../../../shared/src/experiments/narrative';

const now = '2026-11-23T12:00:00Z';

describe('insights', () => {
  it('finds a variant beating control by at least the threshold with significance', () => {
    const analysis = analyzeResultsTable([
      ['Email', 'control', '', '', 10000, 500],
      ['Email', 'B', '', '', 10000, 600],
      ['Email', 'C', '', '', 10000, 520],
    ]);
    const insights = findInsights(analysis, { now });
    expect(insights).toEqual([expect.objectContaining({ kind: 'winner', variant: 'B', rows: [2, 3] })]);
    expect(findInsights(analysis, { now, minLift: 0.25 })).toEqual([]);
  });

  it('judges a winner at the α its group was analyzed at, unless told another', () => {
    const strict = analyzeResultsTable([
      ['Email', 'control', '', '', 10000, 500],
      ['Email', 'B', '', '', 10000, 600],
    ], { alpha: 0.001 });
    expect(strict.groups[0]!.alpha).toBe(0.001);
    expect(findInsights(strict, { now })).toEqual([]);
    expect(findInsights(strict, { now, alpha: 0.05 })).toEqual([expect.objectContaining({ kind: 'winner', variant: 'B' })]);
  });

  it('finds a segment whose rate fell three periods in a row, in natural period order', () => {
    const analysis = analyzeResultsTable([
      ['Ads', 'control', 'week 10', 'mobile', 1000, 20],
      ['Ads', 'control', 'week 2', 'mobile', 1000, 50],
      ['Ads', 'control', 'week 1', 'mobile', 1000, 60],
      ['Ads', 'control', 'week 3', 'mobile', 1000, 30],
      ['Ads', 'control', 'week 1', 'desktop', 1000, 60],
      ['Ads', 'control', 'week 2', 'desktop', 1000, 50],
      ['Ads', 'control', 'week 3', 'desktop', 1000, 55],
      ['Ads', 'control', 'week 10', 'desktop', 1000, 40],
    ]);
    const falling = findInsights(analysis, { now }).filter((i) => i.kind === 'falling-segment');
    expect(falling).toEqual([expect.objectContaining({ segment: 'mobile', periods: ['week 1', 'week 2', 'week 3', 'week 10'], rows: [4, 3, 5, 2] })]);
  });

  it('does not call two falls a trend', () => {
    const analysis = analyzeResultsTable([
      ['Ads', 'control', 1, '', 1000, 60], ['Ads', 'control', 2, '', 1000, 50], ['Ads', 'control', 3, '', 1000, 40],
    ]);
    expect(findInsights(analysis, { now })).toEqual([]);
  });

  it('raises SRM and an experiment overdue for a decision, given now', () => {
    const analysis = analyzeResultsTable([['Hero', 'control', '', '', 5000, 100], ['Hero', 'B', '', '', 6000, 120]]);
    const plans = { Hero: { endDate: '2026-11-01' }, Done: { endDate: '2026-01-01', decided: true } };
    const kinds = findInsights(analysis, { now, plans }).map((i) => [i.kind, i.rows]);
    expect(kinds).toEqual([['srm', [2, 3]], ['overdue', [2, 3]]]);
    expect(findInsights(analysis, { now: '2026-11-05T00:00:00Z', plans }).map((i) => i.kind)).toEqual(['srm']);
  });

  it('orders periods as numbers, then as text with numbers inside', () => {
    expect(['10', '9', '2026-W10', '2026-W9'].sort(comparePeriods)).toEqual(['9', '10', '2026-W9', '2026-W10']);
  });
});

describe('narratives', () => {
  it('lists rows plainly', () => {
    expect(rowsText([4])).toBe('row 4');
    expect(rowsText([4, 5, 9])).toBe('rows 4, 5 and 9');
  });
});
