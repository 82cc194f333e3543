import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeParagraph } from '../../preview/src/apps-script/fake-document';
import { openAddonSidebar, openPreview, screenshotPath } from './chromium';

let preview: Awaited<ReturnType<typeof openPreview>>;

beforeAll(async () => {
  preview = await openPreview();
  await openAddonSidebar(preview.page, preview.server.url, 'Docs add-on');
});

afterAll(async () => {
  await preview?.close();
});

const panel = () => preview.page.getByRole('tabpanel', { name: 'Docs add-on' });
const sidebar = () => panel().frameLocator('iframe[title="Onbrand sidebar"]');
// Tabs once opened stay in the page, hidden; the Draft tab's own fields are looked up inside it.
const draftTab = () => sidebar().getByRole('tabpanel', { name: 'Draft' });
const doc = () => preview.server.environments.docs.document;
const bodyTexts = () => doc().body.snapshotParagraphs().map((p) => p.snapshotText());

describe('the Docs add-on in the preview', () => {
  it('checks the document and lists findings by severity with the brand-fit score', async () => {
    await sidebar().getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => sidebar().getByTestId('score').textContent(), { timeout: 10_000 }).toMatch(/^\d+$/);
    const errors = sidebar().getByRole('list', { name: 'Errors' }).getByRole('listitem');
    await expect.poll(() => errors.allTextContents()).toEqual([expect.stringContaining('whitelist')]);
    expect(await sidebar().getByRole('list', { name: 'Suggestions' }).getByRole('listitem').count()).toBeGreaterThan(0);
    await preview.page.screenshot({ path: screenshotPath('docs-check') });
  });

  it('selects a finding’s text in the document when it is clicked', async () => {
    await sidebar().getByRole('list', { name: 'Errors' }).getByRole('button', { name: /whitelist/ }).first().click();
    await expect.poll(() => doc().snapshot().selection).toEqual(['whitelist']);
    await expect.poll(() => panel().locator('[data-selected]').allTextContents()).toEqual(['whitelist']);
    await preview.page.screenshot({ path: screenshotPath('docs-finding-selected') });
  });

  it('fixes the finding in place, keeping its bold', async () => {
    await sidebar().getByRole('button', { name: 'Fix “whitelist” to “allowlist”' }).click();
    await expect.poll(() => bodyTexts().some((t) => t.includes('allowlist'))).toBe(true);
    const item = doc().body.snapshotParagraphs().find((p) => p.snapshotText().includes('allowlist'))!;
    expect(item.text.snapshotRuns().find((r) => r.text === 'allowlist')?.attributes.BOLD).toBe(true);
    await expect.poll(() => panel().locator('strong', { hasText: 'allowlist' }).count()).toBe(1);
    await expect.poll(() => sidebar().getByRole('list', { name: 'Errors' }).count()).toBe(0);
    await preview.page.screenshot({ path: screenshotPath('docs-fixed') });
  });

  it('drafts a content pack from the brief form at the cursor, marked for review', async () => {
    const document = doc();
    const anchor = document.body.snapshotParagraphs().find((p) => p.snapshotText().startsWith('Close the books')) as FakeParagraph;
    document.setCursor(document.newPosition(anchor.text, 3));
    const before = bodyTexts();
    await sidebar().getByRole('tab', { name: 'Draft' }).click();
    const fields: [string, string][] = [
      ['Campaign', 'Spring launch'],
      ['Product', 'Ledgerline Cards'],
      ['Audience', 'finance teams at growing companies'],
      ['Key message', 'Close the books in days, not weeks'],
      ['Call to action', 'Book a demo'],
      ['Benefits (one a line)', 'Every card purchase is matched to its receipt\nSpend limits are set per team'],
    ];
    for (const [label, value] of fields) await sidebar().getByLabel(label, { exact: true }).fill(value);
    await sidebar().getByRole('button', { name: 'Draft at cursor' }).click();
    const pieces = sidebar().getByRole('list', { name: 'Inserted pieces' }).getByRole('listitem');
    await expect.poll(() => pieces.count(), { timeout: 10_000 }).toBe(5);
    const after = bodyTexts();
    const at = after.indexOf('Close the books in days, not weeks.');
    expect(after[at + 1]).toBe('Article');
    // The draft sits in one block after the cursor's paragraph; everything the writer had is still there, in order.
    const inserted = after.length - before.length;
    expect([...after.slice(0, at + 1), ...after.slice(at + 1 + inserted)]).toEqual(before);
    await expect.poll(() => panel().locator('[data-ai]').count()).toBeGreaterThan(10);
    await preview.page.screenshot({ path: screenshotPath('docs-drafted') });
  });

  it('approves a piece, clearing its mark and writing the audit log', async () => {
    await sidebar().getByRole('tab', { name: /Review/ }).click();
    await sidebar().getByRole('button', { name: 'Approve Article' }).click();
    const approvedRows = () => sidebar().getByRole('table', { name: 'Audit log' }).getByRole('row').filter({ hasText: 'approved' });
    await expect.poll(() => approvedRows().count()).toBe(1);
    // Newest first: the approval heads the log, above the five pieces recorded as generated.
    const row = await sidebar().getByRole('table', { name: 'Audit log' }).getByRole('row').nth(1).textContent();
    expect(row).toContain('maya@example.com');
    expect(row).toContain('approved');
    expect(row).toContain('Article (offline)');
    expect(doc().namedRanges).toHaveLength(4);
    await expect.poll(() => sidebar().getByRole('tab', { name: /Review/ }).textContent()).toBe('Review (4)');
    await preview.page.screenshot({ path: screenshotPath('docs-approved') });
  });

  it('shows the open errors of a piece and asks before approving it', async () => {
    const email = doc().namedRanges.find((r) => r.range.elements.some((e) => (e.element as FakeParagraph).snapshotText().startsWith('Subject:')))!;
    (email.range.elements[1]!.element as FakeParagraph).appendText(' Add them to the whitelist.');
    await sidebar().getByRole('button', { name: 'Approve Email' }).click();
    const dialog = sidebar().getByRole('alertdialog', { name: 'Open findings in Email' });
    await expect.poll(() => dialog.getByRole('listitem').allTextContents()).toContainEqual(expect.stringContaining('whitelist'));
    expect(doc().namedRanges).toHaveLength(4);
    await preview.page.screenshot({ path: screenshotPath('docs-approve-open-errors') });
    await dialog.getByRole('button', { name: 'Approve anyway' }).click();
    await expect.poll(() => sidebar().getByRole('table', { name: 'Audit log' }).getByRole('row').filter({ hasText: 'approved' }).count()).toBe(2);
    expect(doc().namedRanges).toHaveLength(3);
  });

  it('imports a kit file, naming every bad path of a kit that fails validation', async () => {
    await sidebar().getByRole('tab', { name: 'Settings' }).click();
    const file = sidebar().getByLabel('Kit file (JSON)');
    const bad = JSON.stringify({ schemaVersion: 1, name: 'Broken', version: '1', terms: [{ term: 'x', status: 'maybe' }] });
    await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await expect.poll(() => sidebar().getByRole('alert', { name: 'Problems' }).textContent()).toContain('terms[0].status');
    await expect.poll(() => sidebar().getByTestId('kit-name').textContent()).toContain('Starter kit');
    const kit = readFileSync(join(import.meta.dirname, '../../examples/kits/ledgerline.json'));
    await file.setInputFiles({ name: 'ledgerline.json', mimeType: 'application/json', buffer: kit });
    await expect.poll(() => sidebar().getByTestId('kit-name').textContent()).toContain('Ledgerline 2.3.0');
    await preview.page.screenshot({ path: screenshotPath('docs-kit-imported') });
  });

  it('fills a template from its generated form and inserts the result', async () => {
    await sidebar().getByRole('tab', { name: 'Templates' }).click();
    // A control inside its label takes the label's words plus its own value as its name; find it by the label's words.
    const field = (label: string) => sidebar().locator('label.field').filter({ has: sidebar().getByText(label, { exact: true }) });
    await field('Template').locator('select').selectOption('subject-lines');
    await field('Count').locator('input').fill('3');
    await sidebar().getByRole('button', { name: 'Insert at cursor' }).click();
    await expect.poll(() => sidebar().getByRole('list', { name: 'Inserted pieces' }).getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^Subject lines: /)]);
    expect(doc().namedRanges.length).toBe(4);
    await preview.page.screenshot({ path: screenshotPath('docs-template') });
  });

  it('rewrites the selection below the original and keeps the one the writer picks', async () => {
    const document = doc();
    const target = document.body.snapshotParagraphs().find((p) => p.snapshotText().startsWith('Utilize')) as FakeParagraph;
    document.setSelection(document.newRange().addElement(target).build());
    await sidebar().getByRole('tab', { name: 'Draft' }).click();
    await sidebar().getByRole('button', { name: 'Rewrite to brand voice' }).click();
    await expect.poll(() => bodyTexts().filter((t) => t.endsWith('spend limits per team'))).toEqual(['Utilize spend limits per team', 'Use spend limits per team']);
    // The rewrite reports under Rewrite, not in the Draft card.
    await expect.poll(() => sidebar().getByRole('region', { name: 'Rewrite the selection' }).getByLabel('Rewrite result').textContent()).toContain('The rewrite is below the original');
    expect(await sidebar().getByRole('region', { name: 'Draft from a brief' }).getByText('The rewrite is below the original').count()).toBe(0);
    await sidebar().getByRole('tab', { name: /Review/ }).click();
    const rewrite = sidebar().getByRole('article', { name: 'Rewrite' });
    await expect.poll(() => rewrite.locator('pre').allTextContents()).toEqual(['Utilize spend limits per team', 'Use spend limits per team']);
    await preview.page.screenshot({ path: screenshotPath('docs-rewrite') });
    await rewrite.getByRole('button', { name: 'Keep rewrite' }).click();
    await expect.poll(() => bodyTexts().filter((t) => t.endsWith('spend limits per team'))).toEqual(['Use spend limits per team']);
  });

  it('loads a brief from a Markdown file into the form, and leaves the typed brief alone when a file is bad', async () => {
    await sidebar().getByRole('tab', { name: 'Draft' }).click();
    const field = (label: string) => draftTab().getByLabel(label, { exact: true });
    const file = field('Brief file (JSON or Markdown)');
    await field('Campaign').fill('Typed campaign');
    const bad = '# Autumn push\nProduct: Ledgerline Cards\nBudget: 10k\n';
    await file.setInputFiles({ name: 'bad.md', mimeType: 'text/markdown', buffer: Buffer.from(bad) });
    await expect.poll(() => sidebar().getByRole('alert', { name: 'Problems' }).textContent()).toContain('line 3: unknown field “Budget”');
    await expect.poll(() => sidebar().getByRole('status').textContent()).toBe('bad.md was not loaded; your brief is unchanged.');
    expect(await field('Campaign').inputValue()).toBe('Typed campaign');
    await preview.page.screenshot({ path: screenshotPath('docs-brief-file-error') });

    const good = [
      '# Autumn push',
      'Product: Ledgerline Cards',
      'Audience: controllers at mid-size companies',
      'Call to action: Start a trial',
      'Channels: linkedin-ad-intro, billboard',
      '',
      '## Key message',
      'Month-end close without the spreadsheet chase',
      '',
      '## Benefits',
      '- Receipts match themselves',
      '- Limits per team',
    ].join('\n');
    await file.setInputFiles({ name: 'autumn.md', mimeType: 'text/markdown', buffer: Buffer.from(good) });
    await expect.poll(() => field('Campaign').inputValue()).toBe('Autumn push');
    expect(await field('Product').inputValue()).toBe('Ledgerline Cards');
    expect(await field('Audience').inputValue()).toBe('controllers at mid-size companies');
    expect(await field('Key message').inputValue()).toBe('Month-end close without the spreadsheet chase');
    expect(await field('Call to action').inputValue()).toBe('Start a trial');
    expect(await field('Benefits (one a line)').inputValue()).toBe('Receipts match themselves\nLimits per team');
    const ticked = sidebar().locator('fieldset.checks label').filter({ has: sidebar().locator('input:checked') });
    expect(await ticked.allTextContents()).toEqual([expect.stringMatching(/linkedin/i)]);
    expect(await sidebar().getByRole('alert', { name: 'Problems' }).count()).toBe(0);
    await expect.poll(() => sidebar().getByRole('status').textContent()).toBe('Loaded autumn.md; check the fields, then draft. Not in the kit, so not ticked: billboard.');
    // The loaded brief stays editable before drafting.
    await field('Call to action').fill('Book a demo');
    expect(await field('Call to action').inputValue()).toBe('Book a demo');
    await sidebar().getByRole('heading', { name: 'Draft from a brief' }).scrollIntoViewIfNeeded();
    await preview.page.screenshot({ path: screenshotPath('docs-brief-file-loaded') });
  });

  it('keeps the typed brief and the check results when the writer switches tabs and back', async () => {
    await sidebar().getByRole('tab', { name: 'Check' }).click();
    await sidebar().getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => sidebar().getByTestId('score').textContent(), { timeout: 10_000 }).toMatch(/^\d+$/);
    const score = await sidebar().getByTestId('score').textContent();
    await sidebar().getByRole('tab', { name: 'Draft' }).click();
    const field = (label: string) => draftTab().getByLabel(label, { exact: true });
    await field('Campaign').fill('Spring close');
    await field('Benefits (one a line)').fill('Fewer receipts to chase\nLimits per team');
    for (const name of ['Templates', /Review/, 'Settings', 'Check'] as const) await sidebar().getByRole('tab', { name }).click();
    // The check results are still there, unchanged.
    expect(await sidebar().getByTestId('score').textContent()).toBe(score);
    await sidebar().getByRole('tab', { name: 'Draft' }).click();
    expect(await field('Campaign').inputValue()).toBe('Spring close');
    expect(await field('Benefits (one a line)').inputValue()).toBe('Fewer receipts to chase\nLimits per team');
  });

  it('loads a brief from a table at the cursor, and leaves the typed brief alone when a row is bad', async () => {
    const document = doc();
    const field = (label: string) => draftTab().getByLabel(label, { exact: true });
    await sidebar().getByRole('tab', { name: 'Draft' }).click();
    await field('Campaign').fill('Typed campaign');
    const bad = document.body.appendTable([['Product', 'Ledgerline Cards'], ['Budget', '10k']]);
    document.setCursor(document.newPosition(bad.rows[0]!.cells[1]!.children[0]!, 0));
    await sidebar().getByRole('button', { name: 'Load brief from table' }).click();
    await expect.poll(() => sidebar().getByRole('alert', { name: 'Problems' }).textContent()).toContain('row 2: unknown field “Budget”');
    await expect.poll(() => sidebar().getByRole('status').textContent()).toBe('the brief table was not loaded; your brief is unchanged.');
    expect(await field('Campaign').inputValue()).toBe('Typed campaign');

    const good = document.body.appendTable([
      ['Field', 'Value'],
      ['Campaign', 'Table launch'],
      ['Product', 'Ledgerline Cards'],
      ['Audience', 'controllers'],
      ['Key message', 'Close the month calmly'],
      ['Benefits', 'Receipts match themselves\nLimits per team'],
      ['Call to action', 'Book a demo'],
    ]);
    document.setCursor(document.newPosition(good.rows[3]!.cells[0]!.children[0]!, 0));
    await sidebar().getByRole('button', { name: 'Load brief from table' }).click();
    await expect.poll(() => field('Campaign').inputValue()).toBe('Table launch');
    expect(await field('Key message').inputValue()).toBe('Close the month calmly');
    expect(await field('Benefits (one a line)').inputValue()).toBe('Receipts match themselves\nLimits per team');
    await expect.poll(() => sidebar().getByRole('status').textContent()).toBe('Loaded the brief table; check the fields, then draft.');
    await preview.page.screenshot({ path: screenshotPath('docs-brief-table-loaded') });
  });
});
