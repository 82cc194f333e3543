import { describe, expect, it } from 'vitest';
import { normalizeWeights, qualificationScore, recommendStage } from '../../shared/src/experiments';
import { openTracker } from './harness';

const header = ['Use case', 'Impact', 'Feasibility', 'Risk', 'Data readiness', 'Reach', 'RICE impact', 'Confidence', 'Effort'];

function portfolio(extra: Record<string, unknown[][]> = {}) {
  const tracker = openTracker({
    'Use cases': [['Name', 'Stage'], ['Copy bot', 'ideate'], ['Churn model', 'qualified'], ['Risky idea', 'ideate']],
    Scoring: [header, ['Copy bot', 4, 5, 2, 4, 2000, 2, 0.8, 4], ['Churn model', 5, 3, 3, 2, '', '', '', ''], ['Risky idea', 5, 5, 5, 5, '', '', '', '']],
    ...extra,
  } as never);
  tracker.call('setupTracker');
  return tracker;
}

describe('scoring use cases', () => {
  it('scores, ranks and recommends the next stage with the weights in Settings', () => {
    const tracker = portfolio();
    const settings = tracker.sheet('Settings');
    const row = settings.snapshot().findIndex((cells) => cells[0] === 'Impact weight') + 1;
    settings.write(row, 2, [[0.7]]);
    const { value: report } = tracker.measured('scoreUseCases');
    expect(report).toMatchObject({ status: 'done', processed: 3, flagged: 0 });
    const weights = normalizeWeights({ impact: 0.7, feasibility: 0.25, readiness: 0.2, risk: 0.15 });
    if (!weights.ok) throw new Error('weights');
    const rows = tracker.records('Scoring');
    const copyBot = qualificationScore({ impact: 4, feasibility: 5, risk: 2, readiness: 4 }, weights.value);
    expect(rows[0]!.Score).toBeCloseTo(copyBot, 12);
    expect(rows[0]!.RICE).toBe((2000 * 2 * 0.8) / 4);
    const scores = [copyBot, qualificationScore({ impact: 5, feasibility: 3, risk: 3, readiness: 2 }, weights.value), qualificationScore({ impact: 5, feasibility: 5, risk: 5, readiness: 5 }, weights.value)];
    expect(rows.map((r) => r.Rank)).toEqual(scores.map((score) => 1 + scores.filter((other) => other > score).length));
    expect(rows.map((r) => r.Rank)).toEqual([2, 3, 1]);
    expect(rows[0]!['Next stage']).toBe(recommendStage('ideate', copyBot, 2).stage);
    expect(rows[1]!['Next stage']).toBe('designed');
    // Risk 5 never passes a gate on its score alone.
    expect(rows[2]).toMatchObject({ 'Next stage': 'ideate', Status: 'OK' });
    expect(String(rows[2]!.Why)).toMatch(/review it with legal/);
  });

  it('reads each range once and writes once: at most 10 spreadsheet calls', () => {
    const tracker = portfolio();
    const { calls, byName } = tracker.measured('scoreUseCases');
    expect(calls).toBeLessThanOrEqual(10);
    expect(byName['Range.getValues']).toBe(3);
    expect(byName['Range.setValues']).toBe(1);
    expect(byName['Lock.waitLock']).toBe(1);
  });

  it('flags bad rows in Status with the reason, scores the rest and leaves the inputs as typed', () => {
    const tracker = portfolio();
    const scoring = tracker.sheet('Scoring');
    scoring.write(5, 1, [['Text score', 'high', 3, 3, 3, '', '', '', '']]);
    scoring.write(6, 1, [['Too big', 7, 3, 3, 3, '', '', '', '']]);
    scoring.write(7, 1, [['', 3, 3, 3, 3, '', '', '', '']]);
    scoring.write(8, 1, [['Zero effort', 3, 3, 3, 3, 10, 1, 1, 0]]);
    const inputs = scoring.snapshot().map((row) => row.slice(0, 9));
    const { value: report } = tracker.measured('scoreUseCases');
    expect(report).toMatchObject({ processed: 3, flagged: 4 });
    const rows = tracker.records('Scoring');
    expect(rows[3]).toMatchObject({ Score: '', Rank: '', Status: 'impact is text ("high"), not a number' });
    expect(rows[4]!.Status).toBe('impact must be from 1 to 5, got 7');
    expect(rows[5]!.Status).toBe('name is blank');
    expect(rows[6]!.Status).toBe('effort is 0');
    expect(scoring.snapshot().map((row) => row.slice(0, 9))).toEqual(inputs);
  });

  it('keeps a column the user moved between the computed ones, formulas included', () => {
    const tracker = portfolio();
    const scoring = tracker.sheet('Scoring');
    // Put a note column between Score and RICE by inserting one there, as a person would.
    const scoreColumn = scoring.snapshot()[0]!.indexOf('Score') + 1;
    scoring.insertColumnsAfter(scoreColumn, 1);
    scoring.write(1, scoreColumn + 1, [['Notes']]);
    scoring.seedFormula(2, scoreColumn + 1, '=B2*2', 8);
    scoring.write(3, scoreColumn + 1, [['keep me']]);
    tracker.call('scoreUseCases');
    const rows = tracker.records('Scoring');
    expect(rows.map((row) => row.Notes)).toEqual([8, 'keep me', '']);
    expect(scoring.formulaAt(2, scoreColumn + 1)).toBe('=B2*2');
    expect(rows[0]!.Score).toBeGreaterThan(0);
  });

  it('puts back a computed column someone deleted, once, and keeps reading it', () => {
    const tracker = portfolio();
    const scoring = tracker.sheet('Scoring');
    const status = scoring.snapshot()[0]!.indexOf('Status') + 1;
    scoring.rangeAt(1, status, 10, 1).clearContent();
    tracker.call('scoreUseCases');
    tracker.call('scoreUseCases');
    const header = scoring.snapshot()[0]!;
    expect(header.filter((name) => name === 'Status')).toHaveLength(1);
    expect(tracker.records('Scoring').slice(0, 3).map((row) => row.Status)).toEqual(['OK', 'OK', 'OK']);
    expect(tracker.env.spreadsheet.getNamedRanges().filter((named) => named.name === 'OnbrandScoring')).toHaveLength(1);
  });

  it('widens the sheet first when a computed column must go past its last column', () => {
    const tracker = portfolio();
    const scoring = tracker.sheet('Scoring');
    const header = scoring.snapshot()[0]!;
    // Someone deleted the last column, Status, and with it the grid's last column.
    scoring.resize(scoring.maxRows(), header.indexOf('Status'));
    expect(tracker.call('scoreUseCases')).toMatchObject({ status: 'done', processed: 3 });
    expect(scoring.snapshot()[0]).toEqual(header);
    expect(tracker.records('Scoring').slice(0, 3).map((row) => row.Status)).toEqual(['OK', 'OK', 'OK']);
  });

  it('uses the thresholds from Settings for the stage gate', () => {
    const tracker = portfolio();
    const settings = tracker.sheet('Settings');
    const row = settings.snapshot().findIndex((cells) => cells[0] === 'Qualify at score') + 1;
    settings.write(row, 2, [[95]]);
    tracker.call('scoreUseCases');
    expect(tracker.records('Scoring')[0]!['Next stage']).toBe('ideate');
    expect(String(tracker.records('Scoring')[0]!.Why)).toMatch(/under 95/);
  });

  it('asks to fix a bad weight in Settings rather than scoring with it', () => {
    const tracker = portfolio();
    const settings = tracker.sheet('Settings');
    const row = settings.snapshot().findIndex((cells) => cells[0] === 'Risk weight') + 1;
    settings.write(row, 2, [['lots']]);
    const report = tracker.call('scoreUseCases');
    expect(report.status).toBe('needs-fix');
    expect(report.message).toContain('Risk weight is text ("lots"), not a number');
    expect(tracker.records('Scoring')[0]!.Score).toBe('');
  });

  it('asks for set up when there is no Scoring sheet', () => {
    const tracker = openTracker({ Plan: [['a']] });
    expect(tracker.call('scoreUseCases')).toMatchObject({ status: 'needs-setup', message: expect.stringContaining('Set up tracker') });
  });
});
