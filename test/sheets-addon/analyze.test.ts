import { describe, expect, it } from 'vitest';
import { analyzeResultsTable, durationDays, planArms, resultColumns, twoProportionTest } from '../../shared/src/experiments';
import { openTracker } from './harness';

const results = [
  ['Experiment', 'Arm', 'Period', 'Segment', 'Visitors', 'Conversions'],
  ['Subject lines', 'control', 'week 1', 'all', 12000, 552],
  ['Subject lines', 'B', 'week 1', 'all', 12000, 673],
  ['Subject lines', 'C', 'week 1', 'all', 12000, 560],
  ['Strict test', 'control', 'week 1', 'all', 5000, 250],
  ['Strict test', 'B', 'week 1', 'all', 5000, 300],
];
const experiments = [
  ['Experiment', 'Baseline rate', 'MDE', 'Alpha', 'Daily traffic', 'Arms', 'End date'],
  ['Subject lines', 0.045, 0.2, '', 6000, 3, '2026-12-20'],
  ['Strict test', 0.05, 0.15, 0.01, '', '', ''],
];

function tracker(extraResults: unknown[][] = []) {
  const t = openTracker({ Results: [...results, ...extraResults].map((row) => [...row]), Experiments: experiments.map((row) => [...row]) } as never);
  t.call('setupTracker');
  return t;
}

describe('analyzing experiments', () => {
  it('writes the sample per arm and the days each design needs', () => {
    const t = tracker();
    t.call('analyzeExperiments');
    const rows = t.records('Experiments');
    // Three arms: each comparison is sized for Holm, at α/2.
    const size = planArms({ baseline: 0.045, mde: 0.2, arms: 3 });
    if (!size.ok) throw new Error('size');
    expect(rows[0]).toMatchObject({ 'Sample per arm': size.value.perArm, Days: durationDays(size.value.perArm, 3, 6000), 'Alpha per comparison': 0.025, 'Last arm costs': size.value.lastArmCost, Status: 'OK' });
    // Without daily traffic there is no duration: the row says so and is left uncomputed.
    expect(rows[1]).toMatchObject({ 'Sample per arm': '', Days: '', Status: 'daily traffic is blank' });
  });

  it('computes every Results column as the core does, each experiment at its own α', () => {
    const t = tracker();
    const report = t.call('analyzeExperiments');
    expect(report).toMatchObject({ status: 'done', processed: 5, flagged: 1 });
    const loose = analyzeResultsTable(results.slice(1, 4), { alpha: 0.05 });
    const strict = analyzeResultsTable(results.slice(4), { alpha: 0.01, firstRow: 5 });
    const sheet = t.sheet('Results').snapshot();
    const at = (name: string) => sheet[0]!.indexOf(name);
    const computed = sheet.slice(1).map((row) => resultColumns.map((name) => row[at(name)]));
    // Planned samples (peeking) come from the Experiments sheet, so compare the statistics only.
    const stats = (cells: unknown[][]) => cells.map((row) => row.slice(0, 8));
    expect(stats(computed)).toEqual(stats([...loose.cells, ...strict.cells]));
    expect(sheet[2]![at('Holm p')]).toBeCloseTo(loose.groups[0]!.variants[0]!.pValueAdjusted, 15);
    // Significant at 0.05 but judged at the experiment's own α of 0.01.
    expect(analyzeResultsTable(results.slice(4), { alpha: 0.05 }).groups[0]!.decision.decision).toBe('scale');
    expect(sheet[5]![at('Decision')]).toBe('iterate');
    expect(String(sheet[5]![at('Reasons')])).toContain('α = 0.01');
    // The Subject lines plan needs fewer than the 12,000 visitors per arm it has: B is scaled.
    expect(sheet[1]![at('Decision')]).toBe('scale');
    expect(String(sheet[1]![at('Reasons')])).toMatch(/^B shows a lift/);
  });

  it('makes at most 10 spreadsheet calls, one setValues per sheet', () => {
    const t = tracker();
    const { calls, byName } = t.measured('analyzeExperiments');
    expect(calls).toBeLessThanOrEqual(10);
    expect(byName['Range.getValues']).toBe(2);
    expect(byName['Range.setValues']).toBe(2);
  });

  it('flags text in numbers, conversions above visitors and blanks, and still analyzes the rest', () => {
    const t = tracker([
      ['Broken', 'control', 'week 1', 'all', 'lots', 10],
      ['Broken', 'B', 'week 1', 'all', 100, 120],
      ['Broken', '', 'week 1', 'all', 100, 10],
      ['Broken', 'C', 'week 1', 'all', '', 10],
    ]);
    const typed = t.sheet('Results').snapshot().map((row) => row.slice(0, 6));
    const report = t.call('analyzeExperiments');
    expect(report).toMatchObject({ processed: 5, flagged: 5 });
    const rows = t.records('Results');
    expect(rows[5]!.Status).toBe('visitors is text ("lots"), not a number');
    expect(rows[6]!.Status).toBe('conversions (120) exceed visitors (100)');
    expect(rows[7]!.Status).toBe('arm is blank');
    expect(rows[8]!.Status).toBe('visitors is blank');
    expect(rows[5]!.Rate).toBe('');
    expect(rows.slice(0, 5).every((row) => row.Status === 'OK' && typeof row.Rate === 'number')).toBe(true);
    expect(t.sheet('Results').snapshot().map((row) => row.slice(0, 6))).toEqual(typed);
  });

  it('says which column is missing when Results lacks one', () => {
    const t = openTracker({ Results: [['Experiment', 'Arm', 'Users'], ['A', 'control', 10]] });
    const report = t.call('analyzeExperiments');
    expect(report.status).toBe('needs-fix');
    expect(report.message).toMatch(/"visitors"/);
  });

  it('refuses to write while another action holds the document lock', () => {
    const t = tracker();
    const before = t.sheet('Results').snapshot();
    t.env.lock.documentLock.contended = true;
    const result = t.script.run('analyzeExperiments', [{}]) as { ok: boolean; error: { code: string; message: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(result.error.message).toMatch(/Another Onbrand action is still running/);
    expect(t.sheet('Results').snapshot()).toEqual(before);
  });

  // Four weeks where B is ahead every week but never clearly in any one week: pooled, it is.
  const weekly = [
    ['Experiment', 'Arm', 'Period', 'Segment', 'Visitors', 'Conversions'],
    ...['week 1', 'week 2', 'week 3', 'week 4'].flatMap((week, i) => [
      ['Steady', 'control', week, 'all', 2000, 100 + i],
      ['Steady', 'B', week, 'all', 2000, 118 + i],
    ]),
  ];

  it('judges an experiment on its whole run, all weeks pooled per arm, and keeps each week as the trend', () => {
    const t = openTracker({ Results: weekly.map((row) => [...row]) });
    t.call('setupTracker');
    const report = t.call('analyzeExperiments');
    // One decision for the run, not one per week.
    expect(report.message).toMatch(/in 1 experiment run \(1 scale\)/);
    const rows = t.records('Results');
    const pooled = twoProportionTest({ visitors: 8000, conversions: 406 }, { visitors: 8000, conversions: 478 });
    const week4 = twoProportionTest({ visitors: 2000, conversions: 103 }, { visitors: 2000, conversions: 121 });
    expect(week4.pValue).toBeGreaterThan(0.05);
    expect(pooled.pValue).toBeLessThan(0.05);
    // Each row keeps its own week's figures…
    expect(rows[7]!.Lift).toBeCloseTo(week4.lift!, 12);
    expect(rows[7]!['p-value']).toBeCloseTo(week4.pValue, 12);
    // …beside its arm's figures over the whole run, and the run's decision on every row.
    for (const row of rows.filter((r) => r.Arm === 'B')) {
      expect(row['Lift to date']).toBeCloseTo(pooled.lift!, 12);
      expect(row['Holm p to date']).toBeCloseTo(pooled.pValue, 12);
    }
    expect(rows.every((row) => row.Decision === 'scale')).toBe(true);
    expect(String(rows[0]!.Reasons)).toMatch(/^B shows a lift of \+17\.7%/);
    expect(rows.filter((row) => row.Arm === 'control').every((row) => row['Lift to date'] === '')).toBe(true);

    const card = t.call('getStatsCard', { experiment: 'Steady' }).card;
    expect(card).toMatchObject({ periods: ['week 1', 'week 2', 'week 3', 'week 4'], decision: 'scale' });
    expect(card.arms.map((arm: { arm: string; visitors: number; conversions: number; rows: number[] }) => [arm.arm, arm.visitors, arm.conversions, arm.rows])).toEqual([
      ['control', 8000, 406, [2, 4, 6, 8]],
      ['B', 8000, 478, [3, 5, 7, 9]],
    ]);
    expect(card.arms[1].pValue).toBeCloseTo(pooled.pValue, 12);
    expect(card.trend.map((period: { period: string; arms: { lift: number | null }[] }) => [period.period, period.arms[1]!.lift])).toEqual(
      [0, 1, 2, 3].map((i) => [`week ${i + 1}`, twoProportionTest({ visitors: 2000, conversions: 100 + i }, { visitors: 2000, conversions: 118 + i }).lift]),
    );
  });

  it('orders the trend by period and pools rows typed out of order, per segment', () => {
    const shuffled = [weekly[0]!, ...weekly.slice(1).reverse(), ['Steady', 'control', 'week 1', 'mobile', 500, 20], ['Steady', 'B', 'week 1', 'mobile', 500, 30]];
    const t = openTracker({ Results: shuffled.map((row) => [...row]) });
    t.call('setupTracker');
    t.call('analyzeExperiments');
    const card = t.call('getStatsCard', { experiment: 'Steady' }).card;
    expect(card.segment).toBe('all');
    expect(card.trend.map((period: { period: string }) => period.period)).toEqual(['week 1', 'week 2', 'week 3', 'week 4']);
    expect(card.arms[0]).toMatchObject({ visitors: 8000, conversions: 406 });
    t.env.spreadsheet.select(t.sheet('Results').rangeAt(10, 1, 1, 1));
    expect(t.call('getStatsCard').card).toMatchObject({ segment: 'mobile', periods: ['week 1'], arms: [{ visitors: 500 }, { visitors: 500 }] });
  });
});
