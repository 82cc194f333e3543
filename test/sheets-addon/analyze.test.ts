import { describe, expect, it } from 'vitest';
import { analyzeResultsTable, durationDays, resultColumns, sampleSizePerArm } from '../../shared/src/experiments';
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
    const size = sampleSizePerArm({ baseline: 0.045, mde: 0.2 });
    if (!size.ok) throw new Error('size');
    expect(rows[0]).toMatchObject({ 'Sample per arm': size.value.perVariant, Days: durationDays(size.value.perVariant, 3, 6000), Status: 'OK' });
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
});
