import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeFigma } from '../../preview/src/figma';
import { openPreview, screenshotPath } from './chromium';

let preview: Awaited<ReturnType<typeof openPreview>>;

beforeAll(async () => {
  preview = await openPreview();
});

afterAll(async () => {
  await preview?.close();
});

describe('the preview of the Figma plugin', () => {
  it('runs the built plugin against the simulated canvas and lists the selected master', async () => {
    const { page, server } = preview;
    await page.goto(`${server.url}#figma`);
    const plugin = page.frameLocator('iframe[title="Onbrand plugin"]');
    await plugin.getByRole('button', { name: 'Use selection' }).waitFor();

    await page.click('[data-layer-name="Spring Sale — Master"]');
    await page.click('[data-layer-name="Note: check legal line"]', { modifiers: ['Shift'] });
    await expect.poll(() => plugin.getByRole('status').textContent()).toContain('2 layer(s) selected');

    await plugin.getByRole('button', { name: 'Use selection' }).click();
    const item = plugin.getByRole('list', { name: 'Selected frames' }).getByRole('listitem');
    await expect.poll(() => item.allTextContents()).toEqual(['Spring Sale — Master1080×1080 · 5 layer(s)']);
    await expect.poll(() => plugin.getByText('1 selected layer(s) are not frames').count()).toBe(1);

    const calls = await page.evaluate(() => (window as unknown as { __preview: { figma: FakeFigma } }).__preview.figma.calls.byName());
    expect(calls['showUI']).toBe(1);
    expect(calls['selection.get']).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: screenshotPath('figma-selection') });
  });

  it('reaches the plugin from the keyboard alone', async () => {
    const { page } = preview;
    const plugin = page.frameLocator('iframe[title="Onbrand plugin"]');
    await plugin.getByRole('button', { name: 'Use selection' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => plugin.getByRole('list', { name: 'Selected frames' }).count()).toBe(1);
  });
});

describe.each([
  { addon: 'sheets' as const, tab: 'Sheets add-on', expected: ['AI use-case portfolio', 'Use cases', '4 rows × 5 columns'], endpoint: 'Range.getDisplayValues' },
  { addon: 'docs' as const, tab: 'Docs add-on', expected: ['Spring launch — draft', '13', '69'], endpoint: 'Body.getText' },
])('the preview of the $addon add-on', ({ addon, tab, expected, endpoint }) => {
  it('opens the sidebar from the Extensions menu, and the sidebar reads the file through the real Code.js', async () => {
    const { page, server } = preview;
    await page.goto(server.url);
    await page.getByRole('tab', { name: tab }).click();
    const panel = page.getByRole('tabpanel', { name: tab });
    await panel.getByRole('button', { name: 'Extensions' }).click();
    await panel.getByRole('menuitem', { name: 'Open Onbrand' }).click();

    const sidebar = panel.frameLocator('iframe[title="Onbrand sidebar"]');
    const facts = sidebar.locator('dl.facts dd');
    await expect.poll(() => facts.allTextContents(), { timeout: 10_000 }).toEqual(expected);

    const environment = server.environments[addon];
    expect(environment.ui.sidebar?.fileName).toBe('Sidebar');
    expect(environment.calls.count(endpoint)).toBe(1);
    await page.screenshot({ path: screenshotPath(`${addon}-sidebar`) });
  });

  it('refreshes from the sidebar after the file changes', async () => {
    const { page, server } = preview;
    const environment = server.environments[addon];
    if (environment.kind === 'sheets') environment.spreadsheet.activeSheetSnapshot().write(6, 1, [['Late idea', 'Sam', 'Paid', 'speed of insight', 'ideate']]);
    else environment.document.body.paragraphs.push('One more line here.');
    const sidebar = page.getByRole('tabpanel', { name: tab }).frameLocator('iframe[title="Onbrand sidebar"]');
    await sidebar.getByRole('button', { name: 'Refresh' }).click();
    const changed = environment.kind === 'sheets' ? '6 rows × 5 columns' : '14';
    await expect.poll(() => sidebar.locator('dl.facts dd').allTextContents()).toContain(changed);
  });
});
