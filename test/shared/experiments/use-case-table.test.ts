import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { scoreUseCaseTable, useCaseColumns } from '../../../shared/src/experiments/use-case-table';
import { qualificationScore } from '../../../shared/src/experiments/scoring';

const header = ['Name', 'Owner', 'Impact', 'Feasibility', 'Risk', 'Data readiness', 'Stage', 'Reach', 'Confidence', 'Effort'];
const column = (name: (typeof useCaseColumns)[number]) => useCaseColumns.indexOf(name);

describe('use case table', () => {
  it('scores, ranks with stable ties and recommends the next stage', () => {
    const result = scoreUseCaseTable(header, [
      ['Subject lines', 'Ana', 4, 4, 2, 4, 'ideate', 5000, 0.8, 2],
      ['Churn model', 'Bo', 5, 2, 3, 2, 'qualified', '', '', ''],
      ['Subject lines v2', 'Cy', 4, 4, 2, 4, '', '', '', ''],
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const expected = qualificationScore({ impact: 4, feasibility: 4, risk: 2, readiness: 4 });
    expect(result.value.cells[0][column('Score')]).toBe(expected);
    expect(result.value.cells[0][column('RICE')]).toBe(5000 * 4 * 0.8 / 2);
    expect(result.value.cells.map((row) => row[column('Rank')])).toEqual([1, 3, 2]);
    expect(result.value.cells[0][column('Next stage')]).toBe('qualified');
    expect(result.value.ranked.map((row) => row.name)).toEqual(['Subject lines', 'Subject lines v2', 'Churn model']);
  });

  it('recommends stages against the thresholds the team chose', () => {
    const rows = [['Middling', 'Ana', 3, 3, 3, 3, 'ideate']];
    const strict = scoreUseCaseTable(header, rows);
    const lenient = scoreUseCaseTable(header, rows, { thresholds: { qualifyAt: 50, parkBelow: 20, maxRisk: 4 } });
    if (!strict.ok || !lenient.ok) throw new Error('header should be fine');
    expect(strict.value.cells[0][column('Next stage')]).toBe('ideate');
    expect(lenient.value.cells[0][column('Next stage')]).toBe('qualified');
    expect(lenient.value.ranked[0].next.reason).toBe('Score 50.0 reaches 50: qualify it.');
  });

  it('flags bad rows with the reason and leaves them unranked', () => {
    const result = scoreUseCaseTable(header, [
      ['Good', 'A', 3, 3, 3, 3],
      ['Words', 'A', 'high', 3, 3, 3],
      ['Too big', 'A', 3, 7, 3, 3],
      ['', 'A', 3, 3, 3, 3],
      ['Odd stage', 'A', 3, 3, 3, 3, 'shipped'],
      ['Bad RICE', 'A', 3, 3, 3, 3, '', 100, 0.5, 0],
    ]);
    if (!result.ok) throw new Error('header should be fine');
    expect(result.value.statuses.map((s) => s.status)).toEqual([
      'OK',
      'impact is text ("high"), not a number',
      'feasibility must be from 1 to 5, got 7',
      'name is blank',
      'stage "shipped" is not one of ideate, qualified, designed, running, measured, decided',
      'effort is 0',
    ]);
    expect(result.value.cells[1][column('Rank')]).toBe('');
  });

  it('names every required column the header lacks', () => {
    expect(scoreUseCaseTable(['Name', 'Impact', 'Feasibility'], [])).toEqual({
      ok: false,
      issues: [
        { path: 'column risk', message: 'the header has no "risk" column' },
        { path: 'column readiness', message: 'the header has no "readiness" column' },
      ],
    });
  });

  it('never throws on garbage cells', () => {
    const cell = fc.oneof(fc.string(), fc.integer({ min: -2, max: 8 }), fc.double(), fc.boolean(), fc.constant(null));
    fc.assert(fc.property(fc.array(fc.array(cell, { maxLength: 11 }), { maxLength: 20 }), (rows) => {
      const result = scoreUseCaseTable(header, rows);
      expect(result.ok && result.value.cells.length).toBe(rows.length);
    }));
  });
});
