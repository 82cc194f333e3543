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

/** Loads the page afresh at a surface (a change of the hash alone would not reload it). */
async function load(path: string) {
  await preview.page.goto(`${preview.server.url}${path}`);
  await preview.page.reload();
}

/** A fresh document, with the cursor placed by mouse and End at the end of its last paragraph. */
async function caretAtEndOfLastParagraph() {
  await preview.server.reset();
  await load('#docs');
  await textbox().getByText('Call to action: Start your free trial.').click();
  await preview.page.keyboard.press('End');
  await expect.poll(() => doc().getCursor()?.getOffset()).toBe('Call to action: Start your free trial.'.length);
}

async function openSidebar(name: 'Docs add-on' | 'Sheets add-on') {
  const { page } = preview;
  await page.getByRole('tab', { name }).click();
  if ((await panel(name).locator('iframe[title="Onbrand sidebar"]').count()) === 0) {
    await panel(name).getByRole('button', { name: 'Extensions' }).click();
    await panel(name).getByRole('menuitem', { name: 'Open Onbrand' }).click();
  }
  // Ready once it has read the file through Code.js.
  await panel(name).frameLocator('iframe[title="Onbrand sidebar"]').locator('dl.facts dd').first().waitFor();
}

describe('the first-run guide', () => {
  it('greets a first visit on each surface, stays dismissed, and comes back from the help button', async () => {
    const { page } = preview;
    await load(`#figma`);
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
    await load(`#docs`);
    await openSidebar('Docs add-on');
    // The writer adds a sentence at the end of a paragraph, then selects it with the mouse.
    await textbox().getByText('Close the books in days, not weeks.', { exact: true }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Add vendors to the whitelist in one click.');
    const paragraph = 'Close the books in days, not weeks. Add vendors to the whitelist in one click.';
    const sentence = 'Add vendors to the whitelist in one click.';
    await expect.poll(() => bodyTexts()[1]).toBe(paragraph);
    const before = bodyTexts();
    const box = await boxOf(sentence, 0, 1);
    const end = await boxOf(sentence, sentence.length - 1, sentence.length);
    await page.mouse.move(box.left + 1, box.top);
    await page.mouse.down();
    await page.mouse.move(end.left, end.bottom, { steps: 8 });
    await page.mouse.move(end.right + 3, end.bottom, { steps: 2 });
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
    await load(`#docs`);
    const before = bodyTexts();
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
    // Nothing outside the cell changed.
    expect(bodyTexts().filter((text) => !text.startsWith('Social'))).toEqual(before.filter((text) => text !== 'Social'));
  });

  it('keeps keys pressed in quick succession in order: typing, then Home, then more typing', async () => {
    const { page } = preview;
    await caretAtEndOfLastParagraph();
    // Each edit takes 80 ms to answer, so the page is still behind the document when Home and the next keys arrive.
    await page.route('**/api/docs/edit', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 80));
      await route.continue();
    });
    await page.keyboard.type(' Now.');
    await page.keyboard.press('Home');
    await page.keyboard.type('» ');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await expect.poll(() => bodyTexts().at(-1), { timeout: 10_000 }).toBe('»Call to action: Start your free trial. Now');
    await page.unroute('**/api/docs/edit');
  });

  it('keeps the caret where it was when the add-on changes the document', async () => {
    const { page } = preview;
    await caretAtEndOfLastParagraph();
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

/** Text in a frame whose contrast with what lies behind it is under WCAG AA (4.5:1, or 3:1 for large text). */
function lowContrast(skip: string): string[] {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const parse = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
  const backgroundOf = (element: Element | null): number[] => {
    for (let node = element; node; node = node.parentElement) {
      const [r, g, b, a = 1] = parse(getComputedStyle(node).backgroundColor);
      if (a > 0.5) return [r!, g!, b!];
    }
    return [255, 255, 255];
  };
  const failures: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement!;
    if (!node.textContent!.trim() || (skip && element.closest(skip))) continue;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (!box.width || !box.height || style.visibility === 'hidden' || element.closest('[hidden]') || (element as HTMLButtonElement).disabled) continue;
    const [fore, back] = [luminance(parse(style.color)), luminance(backgroundOf(element))];
    const ratio = (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) failures.push(`${node.textContent!.trim().slice(0, 40)} (${ratio.toFixed(2)}:1, ${style.color} on rgb(${backgroundOf(element).join(', ')}))`);
  }
  return failures;
}

describe('light and dark', () => {
  it('follows the system until the person chooses, remembers the choice, and themes the Figma plugin as Figma does', async () => {
    const { page } = preview;
    await page.emulateMedia({ colorScheme: 'dark' });
    await load(`#figma`);
    const plugin = page.frameLocator('iframe[title="Onbrand plugin"]');
    await plugin.getByRole('button', { name: 'Use selection' }).waitFor();
    const theme = () => page.locator('html').getAttribute('data-theme');
    expect(await theme()).toBe('dark');
    expect(await plugin.locator('html').getAttribute('class')).toBe('figma-dark');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    // Switching to light switches the running plugin too, in place.
    await toggle.click();
    expect(await theme()).toBe('light');
    expect(await plugin.locator('html').getAttribute('class')).toBe('figma-light');
    expect(await plugin.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await page.locator('.layers').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.reload();
    await plugin.getByRole('button', { name: 'Use selection' }).waitFor();
    expect(await theme()).toBe('light');
    expect(await plugin.locator('html').getAttribute('class')).toBe('figma-light');

    // Back to dark: the chrome around Google's editors goes dark; the page and the sidebar stay light, as in Google's UI.
    await toggle.click();
    expect(await theme()).toBe('dark');
    await openSidebar('Docs add-on');
    expect(await docsPanel().locator('.file-view').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(32, 33, 36)');
    expect(await docsPanel().locator('.doc-page').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await sidebar().locator('body').evaluate((body) => getComputedStyle(body).backgroundColor)).not.toMatch(/^rgb\((?:[0-9]|[1-9][0-9]), /);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('keeps every text of the chrome and the plugin at WCAG AA contrast in dark and light', async () => {
    const { page } = preview;
    for (const theme of ['dark', 'light']) {
      await load(`?theme=${theme}#figma`);
      const plugin = page.frameLocator('iframe[title="Onbrand plugin"]');
      await plugin.getByRole('button', { name: 'Use selection' }).waitFor();
      await page.getByRole('button', { name: 'Show the first steps for this surface' }).click();
      // The canvas holds the person's designs, whose colours are theirs.
      expect(await page.evaluate(lowContrast, '.canvas-origin')).toEqual([]);
      expect(await page.frame({ url: /srcdoc/ })!.evaluate(lowContrast, '')).toEqual([]);
      await page.getByRole('button', { name: 'Got it' }).click();
      await openSidebar('Docs add-on');
      expect(await page.evaluate(lowContrast, '.canvas-origin, [role="tabpanel"][hidden]')).toEqual([]);
    }
  });

  it('saves a picture of each surface in light and dark', async () => {
    const { page, server } = preview;
    await server.reset();
    // The pictures show the surfaces themselves; the guide has its own.
    await load(`#figma`);
    for (const tab of ['Figma plugin', 'Sheets add-on', 'Docs add-on']) {
      await page.getByRole('tab', { name: tab }).click();
      const dismiss = panel(tab).getByRole('button', { name: 'Got it' });
      if (await dismiss.isVisible()) await dismiss.click();
    }
    for (const theme of ['light', 'dark']) {
      await load(`?theme=${theme}#figma`);
      const plugin = page.frameLocator('iframe[title="Onbrand plugin"]');
      await plugin.getByRole('button', { name: 'Use selection' }).waitFor();
      await page.click('[data-layer-name="Spring Sale — Master"]');
      await plugin.getByRole('button', { name: 'Use selection' }).click();
      await page.screenshot({ path: join(imagesDir, `preview-figma-${theme}.png`) });
      await openSidebar('Sheets add-on');
      await page.screenshot({ path: join(imagesDir, `preview-sheets-${theme}.png`) });
      await openSidebar('Docs add-on');
      await sidebar().getByRole('button', { name: 'Check', exact: true }).click();
      await expect.poll(() => sidebar().getByTestId('score').textContent(), { timeout: 10_000 }).toMatch(/^\d+$/);
      await textbox().getByText('Close the books in days, not weeks.', { exact: true }).click();
      await page.keyboard.press('End');
      await page.keyboard.down('Shift');
      for (let i = 0; i < 'not weeks.'.length; i++) await page.keyboard.press('ArrowLeft');
      await page.keyboard.up('Shift');
      await expect.poll(() => doc().getSelection()?.getRangeElements().length).toBe(1);
      await page.screenshot({ path: join(imagesDir, `preview-docs-${theme}.png`) });
    }
  });
});
