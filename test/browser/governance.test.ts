import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeFigma } from '../../preview/src/figma';
import { sampleKit } from '../../preview/src/figma/sample-document';
import { draftCommand } from '../../shared/src/cli/commands/draft';
import { main } from '../../shared/src/cli/main';
import { auditColumns, readAuditCsv, type AuditRecord } from '../../shared/src/governance';
import { openAddonSidebar, openPreview, screenshotPath } from './chromium';

// Each surface approves, rejects and reports an AI output in the preview, refuses someone the kit
// (or the team's settings) does not name, and exports its audit trail; the exports and the CLI's
// JSON lines then load into one table with the same columns.

let preview: Awaited<ReturnType<typeof openPreview>>;
const exported: Record<string, AuditRecord[]> = {};

beforeAll(async () => {
  preview = await openPreview();
});

afterAll(async () => {
  await preview?.close();
});

/** Clicks a download button and reads the file the browser saved. */
async function downloaded(click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = (await Promise.all([preview.page.waitForEvent('download'), click()])) as [Download, void];
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

function records(csv: string): AuditRecord[] {
  const read = readAuditCsv(csv);
  if ('error' in read) throw new Error(read.error);
  return read.records;
}

describe('governance in the Docs add-on', () => {
  it('refuses an unnamed approver, then approves, rejects and reports drafted pieces and exports the trail', async () => {
    const { page, server } = preview;
    const { sidebar } = await openAddonSidebar(page, server.url, 'Docs add-on');

    // The team names its approver in the settings (nobody is named yet, so anyone may).
    await sidebar.getByRole('tab', { name: 'Settings' }).click();
    await sidebar.getByLabel('Content approvers').fill('lead@example.com');
    await sidebar.getByRole('button', { name: 'Save approvers' }).click();
    await expect.poll(() => sidebar.getByRole('status', { name: 'Approvers saved' }).textContent()).toContain('Only lead@example.com may approve');

    await sidebar.getByRole('tab', { name: 'Draft' }).click();
    const fields: [string, string][] = [
      ['Campaign', 'Spring launch'],
      ['Product', 'Ledgerline Cards'],
      ['Audience', 'finance teams'],
      ['Key message', 'Close the books in days, not weeks'],
      ['Call to action', 'Book a demo'],
      ['Benefits (one a line)', 'Receipts match themselves'],
    ];
    for (const [label, value] of fields) await sidebar.getByLabel(label, { exact: true }).fill(value);
    await sidebar.getByRole('button', { name: 'Draft at cursor' }).click();
    await expect.poll(() => sidebar.getByRole('list', { name: 'Inserted pieces' }).getByRole('listitem').count(), { timeout: 10_000 }).toBe(5);

    await sidebar.getByRole('tab', { name: /Review/ }).click();
    await sidebar.getByRole('button', { name: 'Approve Article' }).click();
    await expect.poll(() => sidebar.getByRole('status').first().textContent()).toContain('maya@example.com is not named to approve AI content');
    await page.screenshot({ path: screenshotPath('governance-docs-refused') });

    server.environments.docs.session.setActiveUser('lead@example.com');
    await sidebar.getByRole('button', { name: 'Approve Article' }).click();
    await expect.poll(() => sidebar.getByRole('status').first().textContent()).toBe('Approved “Article”.');

    await sidebar.getByRole('button', { name: 'Reject Social post' }).click();
    await sidebar.getByRole('form', { name: 'Reject Social post' }).getByLabel('Reason').fill('Off-message');
    await sidebar.getByRole('button', { name: 'Reject and remove' }).click();
    await expect.poll(() => sidebar.getByRole('status').first().textContent()).toContain('Rejected “Social post”');

    await sidebar.getByRole('button', { name: 'Report a problem with Email' }).click();
    const report = sidebar.getByRole('form', { name: 'Report a problem with Email' });
    await report.getByLabel('What is wrong').selectOption('legal risk');
    await report.getByLabel('Note').fill('Promises a refund');
    await report.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => sidebar.getByLabel('Escalation').textContent()).toContain('names nobody to escalate to');
    await expect.poll(() => sidebar.getByRole('table', { name: 'Audit log' }).getByRole('row').count()).toBeGreaterThan(5);
    await page.screenshot({ path: screenshotPath('governance-docs-reviewed') });

    const csv = await downloaded(() => sidebar.getByRole('button', { name: 'Download CSV' }).click());
    const json = await downloaded(() => sidebar.getByRole('button', { name: 'Download JSON' }).click());
    expect([csv.name, json.name]).toEqual(['onbrand-audit-log.csv', 'onbrand-audit-log.json']);
    exported.docs = records(csv.text);
    expect(JSON.parse(json.text)).toEqual(exported.docs);
    expect(exported.docs.filter((r) => r.action !== 'generated').map((r) => [r.action, r.who])).toEqual([
      ['edited', 'maya@example.com'],
      ['approved', 'lead@example.com'],
      ['rejected', 'lead@example.com'],
      ['reported', 'lead@example.com'],
    ]);
    server.environments.docs.session.setActiveUser('maya@example.com');
  });
});

describe('governance in the Sheets add-on', () => {
  it('refuses an unnamed approver, then approves, dismisses and reports insights and exports the trail', async () => {
    const { page, server } = preview;
    const { sidebar } = await openAddonSidebar(page, server.url, 'Sheets add-on');
    const status = sidebar.getByTestId('report');
    await sidebar.getByRole('button', { name: 'Set up tracker' }).click();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/Created|complete/);
    // The team names its approver in the Settings sheet.
    const settings = server.environments.sheets.spreadsheet.sheets.find((sheet) => sheet.snapshotName() === 'Settings')!;
    const row = settings.snapshot().findIndex((cells) => cells[0] === 'Content approvers');
    settings.getRange(row + 1, 2).setValue('lead@example.com');
    await sidebar.getByRole('button', { name: 'Write insights' }).click();
    await expect.poll(() => status.textContent()).toMatch(/Wrote \d+ new insights/);
    const items = sidebar.getByRole('list', { name: 'Insights' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBeGreaterThan(2);
    const open = async (index: number) => {
      const item = items.nth(index);
      if (!(await item.locator('details').getAttribute('open'))) await item.locator('summary').click();
      return item;
    };

    const first = await open(0);
    await first.getByRole('button', { name: /^Approve: / }).click();
    await expect.poll(() => sidebar.getByRole('alert').first().textContent()).toContain('maya@example.com is not named to approve AI content');
    await page.screenshot({ path: screenshotPath('governance-sheets-refused') });
    server.environments.sheets.session.setActiveUser('lead@example.com');
    await first.getByRole('button', { name: /^Approve: / }).click();
    await expect.poll(() => first.textContent()).toContain('approved');

    const second = await open(1);
    await second.getByRole('button', { name: /^Dismiss: / }).click();
    await expect.poll(() => second.textContent()).toContain('dismissed');

    const third = await open(2);
    await third.getByRole('button', { name: /^Report a problem: / }).click();
    await third.getByLabel('What is wrong').selectOption('wrong');
    await third.getByLabel('Note').fill('The lift is for the wrong arm');
    await third.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => sidebar.getByLabel('Escalation').textContent()).toContain('escalate');
    await page.screenshot({ path: screenshotPath('governance-sheets-reviewed') });

    await sidebar.getByRole('button', { name: 'Prepare export' }).click();
    await expect.poll(() => sidebar.getByLabel('Audit records').textContent()).toBe('3 records');
    const csv = await downloaded(() => sidebar.getByRole('button', { name: 'Download CSV' }).click());
    exported.sheets = records(csv.text);
    expect(exported.sheets.map((r) => [r.action, r.who])).toEqual([
      ['approved', 'lead@example.com'],
      ['rejected', 'lead@example.com'],
      ['reported', 'lead@example.com'],
    ]);
    server.environments.sheets.session.setActiveUser('maya@example.com');
  });
});

describe('governance in the Figma plugin', () => {
  it('keeps AI copy marked until a named approver approves it, rejects and reports versions, and exports the trail', async () => {
    const { page, server } = preview;
    await page.goto('about:blank');
    await page.goto(`${server.url}#figma`);
    const plugin: FrameLocator = page.frameLocator('iframe[title="Onbrand plugin"]');
    await plugin.getByRole('button', { name: 'Use selection' }).waitFor();
    await plugin.getByRole('tab', { name: 'Kit & settings' }).click();
    const kit = { ...sampleKit, governance: { approvers: { content: ['figma:42'] }, escalationContact: 'brand-legal@example.com' } };
    await plugin.getByLabel('Import kit file (JSON)').setInputFiles({ name: 'kit.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(kit)) });
    await expect.poll(() => plugin.getByLabel('Current kit').textContent()).toContain('Ledgerline 2.1.0');
    await page.click('[data-layer-name="Spring Sale — Master"]');
    await plugin.getByRole('tab', { name: 'Create' }).click();
    await plugin.getByRole('radio', { name: 'Write variants' }).check();
    await plugin.getByLabel('Variants per size').fill('2');
    for (const size of ['1080×1920', '728×90']) await plugin.getByRole('checkbox', { name: size }).uncheck();
    await plugin.getByRole('button', { name: 'Generate versions' }).click();
    await expect.poll(() => plugin.getByRole('list', { name: 'Generated versions' }).getByRole('listitem').count(), { timeout: 15_000 }).toBe(2);

    await plugin.getByRole('tab', { name: 'Versions' }).click();
    const versions = plugin.getByRole('list', { name: 'Versions' }).getByRole('listitem');
    await expect.poll(() => versions.count()).toBeGreaterThan(1);
    const names = await plugin.locator('.version .name').allTextContents();
    const [first, second] = names as [string, string];
    await plugin.getByRole('button', { name: `Approve ${first}` }).click();
    await expect.poll(() => plugin.getByRole('alert').first().textContent()).toContain('Maya Ortiz is not named to approve AI content');
    expect(await plugin.locator('.badge.ai').count()).toBe(names.length);
    await page.screenshot({ path: screenshotPath('governance-figma-refused') });

    await page.evaluate(() => {
      (window as unknown as { __preview: { figma: FakeFigma } }).__preview.figma.user = { id: '42', name: 'Lena Brandt', photoUrl: null, color: '#0b1f3a', sessionId: 2 };
    });
    await plugin.getByRole('button', { name: `Approve ${first}` }).click();
    await expect.poll(() => plugin.locator('.badge.ai').count()).toBe(names.length - 1);
    await plugin.getByRole('button', { name: `Reject ${second}` }).click();
    await plugin.getByRole('form', { name: `Reject ${second}` }).getByLabel('Reason').fill('Too casual');
    await plugin.getByRole('form', { name: `Reject ${second}` }).getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => plugin.getByText('AI draft · rejected').count()).toBe(1);
    await plugin.getByRole('button', { name: `Report a problem with ${second}` }).click();
    const report = plugin.getByRole('form', { name: `Report a problem with ${second}` });
    await report.getByLabel('What is wrong').selectOption('biased');
    await report.getByLabel('Note').fill('Assumes a male CFO');
    await report.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => plugin.getByLabel('Escalation').textContent()).toContain('brand-legal@example.com');
    await page.screenshot({ path: screenshotPath('governance-figma-reviewed') });

    const csv = await downloaded(() => plugin.getByRole('button', { name: 'Download audit CSV' }).click());
    const json = await downloaded(() => plugin.getByRole('button', { name: 'Download audit JSON' }).click());
    exported.figma = records(csv.text);
    expect(JSON.parse(json.text)).toEqual(exported.figma);
    expect(exported.figma.filter((r) => r.action !== 'generated').map((r) => [r.action, r.who])).toEqual([
      ['approved', 'Lena Brandt (figma:42)'],
      ['rejected', 'Lena Brandt (figma:42)'],
      ['reported', 'Lena Brandt (figma:42)'],
    ]);
  });
});

describe('one audit table', () => {
  it('loads the three surfaces’ exports and the CLI’s JSON lines into one table with the same columns', async () => {
    const files: Record<string, string> = {};
    const io = {
      stdout: () => {},
      stderr: () => {},
      readFile: (path: string) => Promise.resolve(readFileSync(path, 'utf8')),
      readStdin: () => Promise.resolve(''),
      appendFile: (path: string, text: string) => Promise.resolve(void (files[path] = (files[path] ?? '') + text)),
      env: {},
    };
    const examples = join(import.meta.dirname, '../../examples');
    expect(await main(['draft', '--brief', join(examples, 'briefs/ledgerline-launch.json'), '--kit', join(examples, 'kits/ledgerline.json'), '--audit', 'audit.jsonl'], io, [draftCommand])).toBe(0);
    const cli = files['audit.jsonl']!.trim().split('\n').map((line) => JSON.parse(line) as AuditRecord);
    const table = [...exported.docs!, ...exported.sheets!, ...exported.figma!, ...cli];
    for (const record of table) expect(Object.keys(record)).toEqual([...auditColumns]);
    expect(new Set(table.map((r) => r.surface))).toEqual(new Set(['docs', 'sheets', 'figma', 'cli']));
    for (const surface of ['docs', 'sheets', 'figma']) expect(table.filter((r) => r.surface === surface).map((r) => r.action)).toEqual(expect.arrayContaining(['approved', 'rejected', 'reported']));
    expect(table.every((r) => r.textHash === '' || /^[0-9a-f]{64}$/.test(r.textHash))).toBe(true);
  });
});
