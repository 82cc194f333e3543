import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeParagraph } from '../../preview/src/apps-script/fake-document';
import { openPreview } from './chromium';

// The preview as a visitor meets it: the document page worked in with mouse and keyboard, the theme
// toggle, the first-run guides; and the pictures of each surface the README shows.
let preview: Awaited<ReturnType<typeof openPreview>>;

beforeAll(async () => {
  preview = await openPreview({ firstRun: true });
});

afterAll(async () => {
  await preview?.close();
});

const imagesDir = join(import.meta.dirname, '../../docs/images');
const doc = () => preview.server.environments.docs.document;
const bodyTexts = () => doc().body.snapshotParagraphs().map((p) => p.snapshotText());
const panel = (name: string) => preview.page.getByRole('tabpanel', { name });
const docsPanel = () => panel('Docs add-on');
const textbox = () => docsPanel().getByRole('textbox', { name: 'Document body' });
const sidebar = () => docsPanel().frameLocator('iframe[title="Onbrand sidebar"]');

/** The on-screen box of characters [start, end) of the first text in the page that holds `needle`. */
async function boxOf(needle: string, start: number, end: number) {
  return preview.page.evaluate(
    ([needle, start, end]) => {
      const walker = document.createTreeWalker(document.querySelector('[role="textbox"]')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(needle as string);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + (start as number));
        range.setEnd(node, at + (end as number));
        const rects = [...range.getClientRects()];
        const first = rects[0]!;
        const last = rects[rects.length - 1]!;
        return { left: first.left, top: first.top + first.height / 2, right: last.right, bottom: last.top + last.height / 2 };
      }
      throw new Error(`No text holds ${needle as string}`);
    },
    [needle, start, end] as const,
  );
}

async function openSidebar(name: 'Docs add-on' | 'Sheets add-on') {
  const { page } = preview;
  await page.getByRole('tab', { name }).click();
  if ((await panel(name).locator('iframe[title="Onbrand sidebar"]').count()) > 0) return;
  await panel(name).getByRole('button', { name: 'Extensions' }).click();
  await panel(name).getByRole('menuitem', { name: 'Open Onbrand' }).click();
  await panel(name).locator('iframe[title="Onbrand sidebar"]').waitFor();
}

describe('the first-run guide', () => {
  it('greets a first visit on each surface, stays dismissed, and comes back from the help button', async () => {
    const { page, server } = preview;
    await page.goto(`${server.url}#figma`);
    for (const [tab, title] of [
      ['Figma plugin', 'First steps in the Figma plugin'],
      ['Sheets add-on', 'First steps in the Sheets add-on'],
      ['Docs add-on', 'First steps in the Docs add-on'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      const guide = panel(tab).getByRole('complementary', { name: title });
      await expect.poll(() => guide.getByRole('listitem').count()).toBe(3);
      if (tab === 'Docs add-on') await page.screenshot({ path: join(imagesDir, 'preview-docs-guide.png') });
      await guide.getByRole('button', { name: 'Got it' }).click();
      await expect.poll(() => guide.count()).toBe(0);
    }
    await page.reload();
    await page.getByRole('tab', { name: 'Docs add-on' }).waitFor();
    expect(await page.locator('.first-run-guide').count()).toBe(0);
    // The help button brings back the guide of the surface in view, and only that one.
    await page.getByRole('tab', { name: 'Sheets add-on' }).click();
    await page.getByRole('button', { name: 'Show the first steps for this surface' }).click();
    await expect.poll(() => panel('Sheets add-on').getByRole('complementary', { name: 'First steps in the Sheets add-on' }).isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.locator('.first-run-guide').count()).toBe(1);
    await panel('Sheets add-on').getByRole('button', { name: 'Got it' }).click();
    await expect.poll(() => page.locator('.first-run-guide').count()).toBe(0);
  });
});

describe('the document page', () => {
  it('selects a sentence with the mouse and rewrites it from the sidebar, changing only what was selected', async () => {
    const { page, server } = preview;
    await server.reset();
    await page.goto(`${server.url}#docs`);
    await openSidebar('Docs add-on');
    const before = bodyTexts();
    const paragraph = 'Ledgerline gives finance teams one place to approve spend, match receipts and reconcile cards. Setup is very quick.';
    const sentence = 'Setup is very quick.';
    const box = await boxOf('Setup is ', 0, 'Setup is '.length);
    const end = await boxOf(' quick.', 0, ' quick.'.length);
    await page.mouse.move(box.left + 1, box.top);
    await page.mouse.down();
    await page.mouse.move(end.right - 4, end.bottom, { steps: 8 });
    await page.mouse.move(end.right + 2, end.bottom, { steps: 2 });
    await page.mouse.up();

    // The add-on sees what the person selected: part of one Text, from "Setup" to the full stop.
    const start = paragraph.indexOf(sentence);
    await expect.poll(() => doc().getSelection()?.getRangeElements().map((item) => [item.getElement().getType(), item.isPartial(), item.getStartOffset(), item.getEndOffsetInclusive()])).toEqual([
      ['TEXT', true, start, start + sentence.length - 1],
    ]);
    expect(doc().getCursor()).toBeNull();

    await sidebar().getByRole('tab', { name: 'Draft' }).click();
    await sidebar().getByRole('button', { name: 'Rewrite to brand voice' }).click();
    await sidebar().getByRole('tab', { name: /Review/ }).click();
    const rewrite = sidebar().getByRole('article', { name: 'Rewrite' });
    await expect.poll(() => rewrite.locator('pre').count(), { timeout: 10_000 }).toBe(2);
    const [original, rewritten] = await rewrite.locator('pre').allTextContents();
    expect(original).toBe(sentence);
    expect(rewritten).not.toBe(sentence);
    await rewrite.getByRole('button', { name: 'Keep rewrite' }).click();

    // The sentence gave way to its rewrite; every other paragraph reads as before.
    const at = before.indexOf(paragraph);
    await expect.poll(() => bodyTexts()[at]).toBe(paragraph.slice(0, start));
    const after = bodyTexts();
    expect(after[at + 1]).toBe(rewritten);
    expect([...after.slice(0, at), ...after.slice(at + 2)]).toEqual([...before.slice(0, at), ...before.slice(at + 1)]);
    await expect.poll(() => textbox().textContent()).toContain(rewritten!);
  });

  it('types into a table cell, where Enter and Backspace stay, and getCursor names the place', async () => {
    const { page, server } = preview;
    await server.reset();
    await page.goto(`${server.url}#docs`);
    const cell = textbox().getByRole('cell', { name: 'Social', exact: true });
    await cell.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' media');
    await page.keyboard.press('Enter');
    await page.keyboard.type('and ads');
    await expect.poll(() => doc().getBody().getTables()[0]!.getCell(2, 0).getText()).toBe('Social media\nand ads');
    const cursor = doc().getCursor()!;
    expect(cursor.getElement().getType()).toBe('TEXT');
    expect(cursor.getOffset()).toBe('and ads'.length);
    expect(cursor.getElement().getParent()!.getParent()!.getType()).toBe('TABLE_CELL');
    expect(cursor.getSurroundingText().getText()).toBe('and ads');

    // Backspace at the start of the cell's second line joins it to the first, inside the cell.
    await page.keyboard.press('Home');
    await page.keyboard.press('Backspace');
    await expect.poll(() => doc().getBody().getTables()[0]!.getCell(2, 0).getText()).toBe('Social mediaand ads');
    expect(doc().getBody().getTables()[0]!.getNumRows()).toBe(3);
    expect(doc().getCursor()!.getOffset()).toBe('Social media'.length);

    // A keyboard selection is reported too.
    await page.keyboard.down('Shift');
    await page.keyboard.press('End');
    await page.keyboard.up('Shift');
    await expect.poll(() => doc().getSelection()?.getRangeElements().map((item) => [item.isPartial(), item.getStartOffset(), item.getEndOffsetInclusive()])).toEqual([[true, 12, 18]]);
    expect(bodyTexts().filter((text) => !text.startsWith('Social'))).toEqual(bodyTexts().filter((text) => !text.startsWith('Social')));
  });

  it('keeps the caret where it was when the add-on changes the document', async () => {
    const { page, server } = preview;
    await server.reset();
    await page.goto(`${server.url}#docs`);
    await textbox().getByText('Call to action: Start your free trial.').click();
    await page.keyboard.press('End');
    await expect.poll(() => doc().getCursor()?.getOffset()).toBe('Call to action: Start your free trial.'.length);
    // The add-on inserts a paragraph above; the page redraws and typing carries on at the same place.
    const document = doc();
    document.body.insertParagraph(0, 'Inserted by the add-on.');
    await page.evaluate(() => window.postMessage({ previewHostChanged: 'docs' }, '*'));
    await expect.poll(() => textbox().textContent()).toContain('Inserted by the add-on.');
    await page.keyboard.type(' Today.');
    await expect.poll(() => bodyTexts().at(-1)).toBe('Call to action: Start your free trial. Today.');
    expect((document.body.children[0] as FakeParagraph).snapshotText()).toBe('Inserted by the add-on.');
  });
});
