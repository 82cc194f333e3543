import { describe, expect, it } from 'vitest';
import { sha256 } from '../../shared/src/hash/sha256';
import { openTracker } from './harness';

// One use case from idea to decision through the server, as the sidebar drives it: each gate's
// criteria, a named approver, the plan frozen on the way to running, looks in the peeking ledger.

function tracker(approvers = 'lead@example.com') {
  const t = openTracker({
    'Use cases': [['Name', 'Stage'], ['Send-time model', 'ideate']],
    Scoring: [['Use case', 'Impact', 'Feasibility', 'Risk', 'Data readiness'], ['Send-time model', 4, 4, 2, 4]],
    Results: [['Experiment', 'Arm', 'Period', 'Segment', 'Visitors', 'Conversions']],
    Settings: [['Setting', 'Value', 'Notes'], ['Stage gate approvers', approvers, '']],
  } as never);
  t.call('setupTracker');
  t.env.session.activeUserEmail = 'lead@example.com';
  return t;
}

const move = (t: ReturnType<typeof tracker>, reason = 'Agreed in the weekly review.', decision?: string) => t.call<{ moved: boolean; message: string }>('moveStage', { useCase: 'Send-time model', reason, ...(decision ? { decision } : {}) });
const stage = (t: ReturnType<typeof tracker>) => t.records('Use cases')[0]!.Stage;

function addResults(t: ReturnType<typeof tracker>, week: string, control: [number, number], variant: [number, number]) {
  const sheet = t.sheet('Results');
  const row = sheet.snapshotLastRow() + 1;
  sheet.write(row, 1, [['Send time', 'control', week, 'all', ...control], ['Send time', 'B', week, 'all', ...variant]]);
}

describe('stage gates with a named approver', () => {
  it('refuses a person the settings do not name, and one Apps Script cannot identify, changing nothing', () => {
    const t = tracker();
    t.env.session.activeUserEmail = 'intern@example.com';
    expect(move(t)).toEqual({ moved: false, message: 'intern@example.com is not named to pass a stage gate. The Settings sheet names lead@example.com; ask one of them, or ask the sheet\'s owner to add you.' });
    t.env.session.activeUserEmail = '';
    expect(move(t).message).toMatch(/^Only the people the Settings sheet names may pass a stage gate \(lead@example\.com\), and Onbrand cannot tell who you are here/);
    expect(stage(t)).toBe('ideate');
    expect(t.records('Audit log')).toEqual([]);
  });

  it('needs a reason and the gate met; the move, approver and reason go to the Audit log', () => {
    const t = tracker();
    expect(move(t, '  ')).toEqual({ moved: false, message: 'Give a reason for moving Send-time model to qualified: it goes into the Audit log.' });
    expect(move(t)).toEqual({ moved: true, message: 'Moved Send-time model from ideate to qualified, approved by lead@example.com.' });
    expect(stage(t)).toBe('qualified');
    expect(t.records('Audit log')[0]).toMatchObject({ who: 'lead@example.com', action: 'stage moved', detail: 'Send-time model: ideate → qualified. Agreed in the weekly review.', subject: 'Send-time model' });
    // No experiment yet: the designed gate says what is missing.
    expect(move(t)).toEqual({ moved: false, message: 'Send-time model cannot move to designed yet. Send-time model has no experiment on the Experiments sheet.' });
  });

  it('walks ideate to decided: template, frozen plan, looks with always-valid intervals, decision', () => {
    const t = tracker();
    move(t);
    expect(t.call('addExperimentFromTemplate', { templateId: 'send-time', useCase: 'Send-time model', experiment: 'Send time' }).added).toBe(true);
    const row = t.records('Experiments')[0]!;
    expect(row).toMatchObject({ Experiment: 'Send time', 'Primary metric': 'click rate', 'Guardrail metrics': 'unsubscribe rate, emails sent per person', Hypothesis: expect.stringMatching(/^Sending each email/) });
    expect(move(t).message).toMatch(/No sample size for Send time/);
    // The team fills in its baseline, traffic and end date.
    const experiments = t.sheet('Experiments');
    const [header] = experiments.snapshot();
    const set = (name: string, value: unknown) => experiments.write(2, header!.indexOf(name) + 1, [[value as never]]);
    set('Baseline rate', 0.04);
    set('Daily traffic', 4000);
    t.call('analyzeExperiments');
    expect(move(t).moved).toBe(true);
    set('End date', '2026-12-31');
    const running = move(t, 'Design signed off.');
    expect(running.message).toBe('Moved Send-time model from designed to running, approved by lead@example.com. Froze the analysis plan of Send time on the Plans sheet.');
    const plan = t.records('Plans')[0]!;
    expect(plan).toMatchObject({ Experiment: 'Send time', Version: 1, 'Frozen by': 'lead@example.com' });
    expect(plan.Hash).toBe(sha256(String(plan.Plan)));
    expect(t.records('Audit log').map((r) => r.action)).toEqual(['stage moved', 'stage moved', 'plan frozen', 'stage moved']);

    // Two early looks: each analysis of new data is logged with what it saw.
    addResults(t, 'week 1', [8000, 320], [8000, 400]);
    expect(t.call('analyzeExperiments').message).toMatch(/Logged look 1 of Send time in the peeking ledger\./);
    expect(t.call('analyzeExperiments').message).not.toMatch(/Logged look/);
    addResults(t, 'week 2', [8000, 330], [8000, 420]);
    expect(t.call('analyzeExperiments').message).toMatch(/Logged look 2 of Send time/);
    const looks = t.records('Peeking ledger');
    expect(looks.map((look) => [look.Look, look['Data seen'], look.By])).toEqual([[1, 'control 320/8000; B 400/8000', 'lead@example.com'], [2, 'control 650/16000; B 820/16000', 'lead@example.com']]);
    expect(looks[1]!['Always-valid p']).toBeLessThan(0.05);
    const card = t.call('getStatsCard', { experiment: 'Send time' }).card;
    expect(card.plan.summary).toMatch(/^Frozen .* by lead@example\.com \([0-9a-f]{12}\): click rate; guardrails unsubscribe rate, emails sent per person; 2 arms, α 0\.05/);
    expect(card.sequential.looks).toHaveLength(2);
    expect(card.sequential.arms[0]).toMatchObject({ arm: 'B', difference: expect.closeTo(820 / 16000 - 650 / 16000, 12) });
    expect(card.sequential.arms[0].low).toBeGreaterThan(0);

    // An edit to the frozen plan is named, logged once, and the result stays judged by the freeze.
    set('MDE', 0.02);
    expect(t.call('analyzeExperiments').message).toMatch(/1 frozen plan changed since freezing/);
    expect(t.records('Experiments')[0]!.Plan).toMatch(/^changed since frozen v1 · [0-9a-f]{12}: MDE, Sample per arm$/);
    t.call('analyzeExperiments');
    expect(t.records('Audit log').filter((r) => r.action === 'plan deviation')).toHaveLength(1);
    expect(t.call('getStatsCard', { experiment: 'Send time' }).card.plan.deviations[0]).toBe('MDE changed from 5.0% to 2.0% after the plan was frozen.');

    // The always-valid result lets it be measured before the planned sample.
    expect(move(t, 'Always-valid interval excludes zero.').moved).toBe(true);
    expect(move(t, 'Ship it.').message).toMatch(/^Send-time model cannot move to decided yet\. Record a decision/);
    t.env.session.activeUserEmail = 'intern@example.com';
    expect(move(t, 'Ship it.', 'scale').moved).toBe(false);
    t.env.session.activeUserEmail = 'lead@example.com';
    expect(move(t, 'Ship it.', 'scale')).toEqual({ moved: true, message: 'Moved Send-time model from measured to decided, approved by lead@example.com.' });
    expect(t.records('Experiments')[0]!.Decision).toBe('scale');
    expect(stage(t)).toBe('decided');
    expect(t.call('logLearning', { experiment: 'Send time' }).logged).toBe(true);

    const program = t.call('buildProgram', {});
    expect(program).toMatchObject({ built: true, months: 1 });
    expect(program.message).toMatch(/100\.0% of 1 use case reached decide/);
    const sheet = t.sheet('Program');
    expect(sheet.snapshot()[0]).toEqual(['Month', 'AI pieces generated', 'Approved', 'Rejected', 'Median hours to approval', 'Findings per piece before review', 'Findings per piece after review', 'Experiments documented', 'Stage moves', 'Use cases reaching decide']);
    expect(sheet.snapshot()[1]!.slice(7)).toEqual([1, 5, 1]);
    expect(sheet.getCharts()).toHaveLength(1);
    // Rebuilding replaces the chart rather than stacking another.
    t.call('buildProgram', {});
    expect(sheet.getCharts()).toHaveLength(1);
  });
});
