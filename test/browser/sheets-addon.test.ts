import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAddonSidebar, openPreview, screenshotPath } from './chromium';

let preview: Awaited<ReturnType<typeof openPreview>>;

beforeAll(async () => {
  preview = await openPreview();
});

afterAll(async () => {
  await preview?.close();
});

describe('the Sheets add-on in the preview', () => {
  it('sets up the tracker, scores, analyzes and writes insights from the sidebar', async () => {
    const { page, server } = preview;
    const { panel, sidebar } = await openAddonSidebar(page, server.url, 'Sheets add-on');
    const report = sidebar.getByTestId('report');

    await sidebar.getByRole('button', { name: 'Set up tracker' }).click();
    await expect.poll(() => report.textContent(), { timeout: 10_000 }).toMatch(/Created 6 sheets/);
    const sheets = server.environments.sheets.spreadsheet;
    expect(sheets.sheets.map((sheet) => sheet.snapshotName())).toEqual(['Use cases', 'Scoring', 'Experiments', 'Results', 'Email subjects', 'Settings', 'Learning log', 'Audit log', 'Metrics', 'Insights', 'Plans', 'Peeking ledger']);
    // The grid draws the new state: frozen header, dropdown markers on Stage.
    await expect.poll(() => panel.getByRole('grid', { name: 'Sheet Use cases' }).getByRole('gridcell').filter({ hasText: '▾' }).count()).toBeGreaterThan(0);

    // From the keyboard: focus the button and press Enter.
    await sidebar.getByRole('button', { name: 'Score use cases' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => report.textContent()).toMatch(/Scored 3 use cases; Subject-line generator ranks first at 81\.3/);
    const top = sidebar.getByRole('list', { name: 'Top use cases by score' }).getByRole('listitem');
    await expect.poll(() => top.allTextContents()).toEqual(['Subject-line generator 81.3', 'Weekly insight digest 73.8', 'Churn-risk audiences 65.0']);
    await expect.poll(() => sidebar.getByRole('img', { name: /^Subject-line generator: impact 4, feasibility 5, score 81\.3, rank 1/ }).count()).toBe(1);

    await sidebar.getByRole('button', { name: 'Analyze experiments' }).click();
    await expect.poll(() => report.textContent()).toMatch(/Analyzed 12 result rows in 3 experiment runs \(1 scale, 1 iterate, 1 keep-running\)/);
    const results = sheets.sheets.find((sheet) => sheet.snapshotName() === 'Results')!.snapshot();
    expect(results[0]).toContain('P(beat control)');
    expect(results[0]).toContain('Lift to date');
    expect(results.slice(1).every((row) => row[row.length - 1] === 'OK')).toBe(true);

    await sidebar.getByRole('button', { name: 'Write insights' }).click();
    await expect.poll(() => report.textContent()).toMatch(/Wrote \d+ new insights/);
    const insights = sidebar.getByRole('list', { name: 'Insights' }).getByRole('listitem');
    await expect.poll(() => insights.count()).toBeGreaterThan(3);
    const srm = insights.filter({ hasText: 'Churn audiences: the traffic split for all visitors does not match the plan' });
    await srm.locator('summary').click();
    await expect.poll(() => srm.textContent()).toContain('(Source: rows 10 and 11.)');
    await page.screenshot({ path: screenshotPath('sheets-tracker-insights') });
  });

  it('shows the selected experiment’s stats card', async () => {
    const { page } = preview;
    const sidebar = page.getByRole('tabpanel', { name: 'Sheets add-on' }).frameLocator('iframe[title="Onbrand sidebar"]');
    await sidebar.getByRole('combobox', { name: 'Experiment', exact: true }).selectOption('Subject lines');
    const card = sidebar.getByTestId('stats-card');
    await expect.poll(() => card.textContent()).toContain('All of week 1 to week 4 (4 periods) · all');
    await expect.poll(() => sidebar.getByTestId('decision').textContent()).toBe('scale');
    // The arms over the whole run: 2,518 of 48,000 for B.
    const rows = card.getByRole('table', { name: 'Arms of Subject lines' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => rows.nth(2).textContent()).toMatch(/^B5\.25%\+22\.0%< 0\.001> 99\.9%$/);
    // Beside it, week by week.
    const trend = card.getByRole('table', { name: 'Week by week' }).getByRole('row');
    await expect.poll(() => trend.allTextContents()).toEqual(['PeriodB liftB P(beat)', 'week 1+21.9%> 99.9%', 'week 2+22.0%> 99.9%', 'week 3+22.0%> 99.9%', 'week 4+22.1%> 99.9%']);
    await card.screenshot({ path: screenshotPath('sheets-stats-trend') });
    await sidebar.getByRole('button', { name: 'Add to learning log' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toMatch(/^Added Subject lines to the Learning log/);
    const log = preview.server.environments.sheets.spreadsheet.sheets.find((sheet) => sheet.snapshotName() === 'Learning log')!.snapshot();
    expect(log[1]!.slice(2, 4)).toEqual(['Subject lines', 'scale']);
    await sidebar.getByRole('combobox', { name: 'Experiment', exact: true }).selectOption('Churn audiences');
    await expect.poll(() => card.textContent()).toContain('Sample ratio mismatch');
    await card.screenshot({ path: screenshotPath('sheets-stats-card') });
  });

  it('brand-checks the selected column from the menu and the sidebar, with the findings on a sheet of their own', async () => {
    const { page, server } = preview;
    const panel = page.getByRole('tabpanel', { name: 'Sheets add-on' });
    const spreadsheet = server.environments.sheets.spreadsheet;
    const emails = spreadsheet.sheets.find((sheet) => sheet.snapshotName() === 'Email subjects')!;
    const before = emails.snapshot();
    // The person clicks into the column of subject lines.
    spreadsheet.select(emails.rangeAt(2, 1, 1, 1));
    await panel.getByRole('button', { name: 'Extensions' }).click();
    await panel.getByRole('menuitem', { name: 'Brand-check selected column' }).click();
    await expect.poll(() => panel.getByTestId('toast').textContent()).toMatch(/^Checked 4 cells in Subject line against Ledgerline.* on the Brand check sheet\.$/);
    // Their sheet is only read: no column moved or added.
    expect(emails.snapshot()).toEqual(before);
    const results = () => spreadsheet.sheets.find((sheet) => sheet.snapshotName() === 'Brand check')!.snapshot();
    expect(results()[0]).toEqual(['Cell', 'Text', 'Brand score', 'Findings', 'Checked at']);
    expect(results()[2]!.slice(0, 2)).toEqual(['Email subjects!A3', before[2]![0]]);
    expect(String(results()[2]![3])).toMatch(/Avoid “Cheap”/);
    expect(String(results()[4]![3])).toMatch(/master account/);
    expect(results()[1]![2]).toBeGreaterThan(results()[4]![2] as number);
    await panel.getByRole('tab', { name: 'Brand check' }).click();
    await expect.poll(() => panel.getByRole('grid', { name: 'Sheet Brand check' }).textContent()).toContain('Email subjects!A3');

    // Opening the Brand check tab made it the active sheet, as in Sheets; the person goes back to the subject lines.
    await panel.getByRole('tab', { name: 'Email subjects' }).click();
    await panel.getByRole('grid', { name: 'Sheet Email subjects' }).locator('#cell-2-1').click();
    await expect.poll(() => spreadsheet.selection()?.getA1Notation()).toBe('A2');
    const sidebar = panel.frameLocator('iframe[title="Onbrand sidebar"]');
    await sidebar.getByRole('button', { name: 'Brand-check selected column' }).click();
    await expect.poll(() => sidebar.getByTestId('report').textContent()).toMatch(/Checked 4 cells in Subject line/);
    expect(emails.snapshot()).toEqual(before);
    expect(results().filter((row) => row[0] !== '')).toHaveLength(5);
    await page.screenshot({ path: screenshotPath('sheets-brand-check') });
  });

  it('saves a team model server from the settings, keeping the key out of the sheet', async () => {
    const { page, server } = preview;
    const sidebar = page.getByRole('tabpanel', { name: 'Sheets add-on' }).frameLocator('iframe[title="Onbrand sidebar"]');
    await sidebar.getByRole('heading', { name: 'Settings' }).click();
    await sidebar.getByRole('combobox', { name: 'Provider' }).selectOption('openai-compatible');
    await sidebar.getByRole('textbox', { name: 'Server URL' }).fill('https://models.example.com/v1');
    await sidebar.getByLabel('API key').fill('team-server-key-4321');
    await sidebar.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => sidebar.getByText('Settings saved.').count()).toBe(1);
    const settingsSheet = server.environments.sheets.spreadsheet.sheets.find((sheet) => sheet.snapshotName() === 'Settings')!.snapshot();
    const value = (label: string) => settingsSheet.find((row) => row[0] === label)?.[1];
    expect([value('Insight writer'), value('Model server URL')]).toEqual(['openai-compatible', 'https://models.example.com/v1']);
    expect(JSON.stringify(settingsSheet)).not.toContain('team-server-key');
    await expect.poll(() => sidebar.getByLabel('API key').getAttribute('placeholder')).toBe('saved ••••4321');
  });
});
