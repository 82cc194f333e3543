import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSheet } from '../../preview/src/apps-script/fake-spreadsheet';
import { openPreview, screenshotPath } from './chromium';

let preview: Awaited<ReturnType<typeof openPreview>>;

beforeAll(async () => {
  preview = await openPreview();
});

afterAll(async () => {
  await preview?.close();
});

// One experiment from idea to decision in the preview, as a team lead walks it: every stage move
// needs its gate met and a named approver; the plan freezes when it starts running; two early
// looks go into the peeking ledger with always-valid intervals; the decision is approved by the
// named lead after a colleague who is not named is refused; the learning is logged.
describe('a use case from ideate to decided in the Sheets preview', () => {
  it('walks the gates with a named approver, a frozen plan and two logged looks', async () => {
    const { page, server } = preview;
    await page.goto(server.url);
    await page.getByRole('tab', { name: 'Sheets add-on' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Sheets add-on' });
    await panel.getByRole('button', { name: 'Extensions' }).click();
    await panel.getByRole('menuitem', { name: 'Open Onbrand' }).click();
    const sidebar = panel.frameLocator('iframe[title="Onbrand sidebar"]');
    const report = sidebar.getByTestId('report');
    await sidebar.getByRole('button', { name: 'Set up tracker' }).click();
    await expect.poll(() => report.textContent(), { timeout: 10_000 }).toMatch(/Created 6 sheets/);

    // The person types a new idea, its ratings, and names the lead who passes gates.
    const env = server.environments.sheets;
    const sheet = (name: string) => env.spreadsheet.sheets.find((candidate) => candidate.snapshotName() === name) as FakeSheet;
    const type = (name: string, values: Record<string, unknown>, row?: number) => {
      const target = sheet(name);
      const [header] = target.snapshot();
      const at = row ?? target.snapshotLastRow() + 1;
      for (const [column, value] of Object.entries(values)) target.write(at, header!.indexOf(column) + 1, [[value as never]]);
    };
    type('Use cases', { Name: 'Send-time model', Owner: 'Maya Chen', Stage: 'ideate' });
    type('Scoring', { 'Use case': 'Send-time model', Impact: 4, Feasibility: 4, Risk: 2, 'Data readiness': 4 });
    const settingsRow = sheet('Settings').snapshot().findIndex((row) => row[0] === 'Stage gate approvers') + 1;
    type('Settings', { Value: 'maya@example.com' }, settingsRow);
    await sidebar.getByRole('button', { name: 'Refresh' }).click();

    const gate = sidebar.getByTestId('gate');
    const message = sidebar.getByTestId('gate-message');
    await sidebar.getByRole('combobox', { name: 'Use case' }).selectOption('Send-time model');
    await expect.poll(() => sidebar.getByTestId('approvers').textContent()).toBe('Approvers (Settings): maya@example.com · You: maya@example.com');
    const moveTo = async (stage: string, reason: string) => {
      await gate.getByRole('textbox', { name: 'Reason for the move' }).fill(reason);
      await gate.getByRole('button', { name: `Move to ${stage}` }).click();
    };

    // A colleague who is not named is refused; the named lead qualifies it.
    env.session.activeUserEmail = 'omar@example.com';
    await moveTo('qualified', 'Scores 72.5.');
    await expect.poll(() => message.textContent()).toMatch(/^omar@example\.com is not named to pass a stage gate/);
    env.session.activeUserEmail = 'maya@example.com';
    await moveTo('qualified', 'Scores 72.5.');
    await expect.poll(() => message.textContent()).toBe('Moved Send-time model from ideate to qualified, approved by maya@example.com.');

    // The experiment from its template, then the team's baseline, traffic and end date.
    await gate.getByRole('combobox', { name: 'Experiment template' }).selectOption('send-time');
    await gate.getByRole('button', { name: 'Add experiment from template' }).click();
    await expect.poll(() => message.textContent()).toMatch(/^Added Send-time model: AI send time to the Experiments sheet/);
    const experiment = 'Send-time model: AI send time';
    const experimentRow = sheet('Experiments').snapshot().findIndex((row) => row[0] === experiment) + 1;
    type('Experiments', { 'Baseline rate': 0.04, 'Daily traffic': 4000, 'End date': '2026-12-31' }, experimentRow);
    await sidebar.getByRole('button', { name: 'Analyze experiments' }).click();
    await expect.poll(() => report.textContent()).toMatch(/^Analyzed/);
    await moveTo('designed', 'Design reviewed.');
    await expect.poll(() => message.textContent()).toMatch(/from qualified to designed/);
    await moveTo('running', 'Plan signed off.');
    await expect.poll(() => message.textContent()).toMatch(/from designed to running, approved by maya@example\.com\. Froze the analysis plan of Send-time model: AI send time on the Plans sheet\./);
    const plans = sheet('Plans').snapshot();
    expect(plans[1]!.slice(0, 2)).toEqual([experiment, 1]);

    // Two early looks, each logged with the data it saw.
    const results = (week: string, control: [number, number], variant: [number, number]) => {
      type('Results', { Experiment: experiment, Arm: 'control', Period: week, Segment: 'all', Visitors: control[0], Conversions: control[1] });
      type('Results', { Experiment: experiment, Arm: 'B', Period: week, Segment: 'all', Visitors: variant[0], Conversions: variant[1] });
    };
    results('week 1', [8000, 320], [8000, 400]);
    await sidebar.getByRole('button', { name: 'Analyze experiments' }).click();
    await expect.poll(() => report.textContent()).toMatch(/Logged look 1 of Send-time model: AI send time in the peeking ledger\./);
    results('week 2', [8000, 330], [8000, 420]);
    await sidebar.getByRole('button', { name: 'Analyze experiments' }).click();
    await expect.poll(() => report.textContent()).toMatch(/Logged look 2 of Send-time model: AI send time/);
    expect(sheet('Peeking ledger').snapshot().slice(1).map((row) => row[3])).toEqual([1, 2]);

    // The stats card shows the plan it is judged against and the always-valid intervals.
    await sidebar.getByRole('combobox', { name: 'Experiment', exact: true }).selectOption(experiment);
    const card = sidebar.getByTestId('stats-card');
    await expect.poll(() => sidebar.getByTestId('plan').textContent()).toMatch(/Frozen \d{4}-\d{2}-\d{2} by maya@example\.com \([0-9a-f]{12}\): click rate; guardrails unsubscribe rate, emails sent per person/);
    const sequential = card.getByRole('table', { name: 'Always-valid intervals after 2 looks' }).getByRole('row');
    await expect.poll(() => sequential.nth(1).textContent()).toMatch(/^B\+1\.06 pp\+0\.\d\d pp to \+1\.\d\d pp0\.0\d\d$/);
    await expect.poll(() => card.getByRole('list', { name: 'Peeking ledger' }).getByRole('listitem').count()).toBe(2);
    await card.screenshot({ path: screenshotPath('sheets-lifecycle-sequential') });

    // Measured on its always-valid result; the decision refused for a colleague, approved by the lead.
    await moveTo('measured', 'The always-valid interval excludes zero.');
    await expect.poll(() => message.textContent()).toMatch(/from running to measured/);
    await gate.getByRole('combobox', { name: 'Decision' }).selectOption('scale');
    env.session.activeUserEmail = 'omar@example.com';
    await moveTo('decided', 'B lifts clicks by a point; guardrails hold.');
    await expect.poll(() => message.textContent()).toMatch(/^omar@example\.com is not named to pass a stage gate\. The Settings sheet names maya@example\.com/);
    await page.screenshot({ path: screenshotPath('sheets-lifecycle-refused') });
    env.session.activeUserEmail = 'maya@example.com';
    await moveTo('decided', 'B lifts clicks by a point; guardrails hold.');
    await expect.poll(() => message.textContent()).toBe('Moved Send-time model from measured to decided, approved by maya@example.com.');
    const audit = sheet('Audit log').snapshot();
    expect(audit.filter((row) => row.includes('stage moved'))).toHaveLength(5);
    expect(audit.some((row) => row.includes('Send-time model: measured → decided (scale). B lifts clicks by a point; guardrails hold.') && row.includes('maya@example.com'))).toBe(true);

    // The learning, then the programme's measures with their chart.
    await sidebar.getByRole('button', { name: 'Add to learning log' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toMatch(/^Added Send-time model: AI send time to the Learning log/);
    await sidebar.getByRole('button', { name: 'Build program sheet' }).click();
    await expect.poll(() => sidebar.getByTestId('program-message').textContent()).toMatch(/^Built the Program sheet/);
    expect(sheet('Program').getCharts()).toHaveLength(1);
    await page.screenshot({ path: screenshotPath('sheets-lifecycle-decided') });
  });
});
