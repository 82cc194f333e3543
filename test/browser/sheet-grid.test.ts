import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSizePerArm } from '../../shared/src/experiments/sample-size';
import { openPreview, screenshotPath } from './chromium';

// The Sheets preview worked as a person works in Sheets: clicking, typing, pasting and the
// keyboard, with the add-on's menu and sidebar, and nothing done behind the page's back.

let preview: Awaited<ReturnType<typeof openPreview>>;

beforeAll(async () => {
  preview = await openPreview();
  await preview.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: preview.server.url.replace(/\/$/, '') });
});

afterAll(async () => {
  await preview?.close();
});

const panel = () => preview.page.getByRole('tabpanel', { name: 'Sheets add-on' });
const grid = (name: string) => panel().getByRole('grid', { name: `Sheet ${name}` });
const cell = (name: string, row: number, column: number) => grid(name).locator(`#cell-${row}-${column}`);
/** What a cell shows, without the marker of a dropdown. */
const shown = async (name: string, row: number, column: number) => (await cell(name, row, column).textContent())?.replace('▾', '');
const sidebar = () => panel().frameLocator('iframe[title="Onbrand sidebar"]');

async function openTab(name: string) {
  await panel().getByRole('tab', { name, exact: true }).click();
  await grid(name).waitFor();
}

/** Clicks a cell and types the rows: Tab between cells, Enter at the end of each row. */
async function typeRows(page: Page, sheet: string, row: number, column: number, rows: string[][]) {
  for (const [r, cells] of rows.entries()) {
    await cell(sheet, row + r, column).click();
    for (const [c, text] of cells.entries()) {
      await page.keyboard.type(text);
      await page.keyboard.press(c === cells.length - 1 ? 'Enter' : 'Tab');
    }
  }
}

describe('the Sheets grid in the preview', () => {
  it('scores a use case typed into the tracker, from the add-on’s sidebar', async () => {
    const { page, server } = preview;
    await page.goto(`${server.url}#sheets`);
    await panel().getByRole('button', { name: 'Extensions' }).click();
    await panel().getByRole('menuitem', { name: 'Open Onbrand' }).click();
    await sidebar().getByRole('button', { name: 'Set up tracker' }).click();
    await expect.poll(() => sidebar().getByTestId('report').textContent(), { timeout: 10_000 }).toMatch(/Created \d+ sheets/);

    await openTab('Use cases');
    await typeRows(page, 'Use cases', 5, 1, [['Support reply drafts', 'Lee Park', 'Support', 'creative velocity']]);
    await expect.poll(() => shown('Use cases', 5, 1)).toBe('Support reply drafts');
    await openTab('Scoring');
    await typeRows(page, 'Scoring', 5, 1, [['Support reply drafts', '5', '5', '1', '5']]);
    // Typed digits reach the add-on as numbers, as in Sheets.
    const scoring = () => server.environments.sheets.spreadsheet.sheets.find((sheet) => sheet.snapshotName() === 'Scoring')!.snapshot();
    await expect.poll(() => scoring()[4]!.slice(0, 5)).toEqual(['Support reply drafts', 5, 5, 1, 5]);

    await sidebar().getByRole('button', { name: 'Score use cases' }).click();
    await expect.poll(() => sidebar().getByTestId('report').textContent()).toMatch(/Scored 4 use cases; Support reply drafts ranks first/);
    await expect.poll(() => grid('Scoring').getByRole('gridcell').allTextContents()).toContain('Support reply drafts');
    await page.screenshot({ path: screenshotPath('sheets-grid-scored') });
  });

  it('analyses an experiment whose results are typed into the Results sheet', async () => {
    const { page } = preview;
    await openTab('Experiments');
    await typeRows(page, 'Experiments', 5, 1, [['Onboarding email', 'Support reply drafts', 'click rate', '0.04', '0.2', '3000', '2026-12-30']]);
    await openTab('Results');
    await typeRows(page, 'Results', 15, 1, [
      ['Onboarding email', 'control', 'week 1', 'all', '8000', '320'],
      ['Onboarding email', 'B', 'week 1', 'all', '8000', '420'],
    ]);
    await sidebar().getByRole('button', { name: 'Analyze experiments' }).click();
    await expect.poll(() => sidebar().getByTestId('report').textContent()).toMatch(/Analyzed 14 result rows in 4 experiment runs/);
    await sidebar().getByRole('combobox', { name: 'Experiment', exact: true }).selectOption('Onboarding email');
    await expect.poll(() => sidebar().getByTestId('stats-card').textContent()).toContain('+31.3%');
    await page.screenshot({ path: screenshotPath('sheets-grid-analysed') });
  });

  it('computes =ONBRAND_SAMPLE_SIZE(0.05, 0.1) in the built Code.js, and shows a bad argument as #ERROR!', async () => {
    const { page } = preview;
    await openTab('Use cases');
    await cell('Use cases', 8, 2).click();
    await page.keyboard.type('=ONBRAND_SAMPLE_SIZE(0.05, 0.1)');
    await page.keyboard.press('Enter');
    const expected = sampleSizePerArm({ baseline: 0.05, mde: 0.1 });
    if (!expected.ok) throw new Error('the core could not size the test');
    await expect.poll(() => shown('Use cases', 8, 2)).toBe(String(expected.value.perVariant));
    await cell('Use cases', 8, 2).click();
    await expect.poll(() => panel().getByRole('textbox', { name: 'Formula bar' }).inputValue()).toBe('=ONBRAND_SAMPLE_SIZE(0.05, 0.1)');

    // A reference follows the cell it reads, and a custom function reads a range.
    await typeRows(page, 'Use cases', 9, 2, [['0.05', '=ONBRAND_SAMPLE_SIZE(B9, 0.1)', '=C9']]);
    await expect.poll(() => shown('Use cases', 9, 4)).toBe(String(expected.value.perVariant));
    await typeRows(page, 'Use cases', 9, 2, [['0.1']]);
    const larger = sampleSizePerArm({ baseline: 0.1, mde: 0.1 });
    await expect.poll(() => shown('Use cases', 9, 4)).toBe(String(larger.ok && larger.value.perVariant));

    // A bad argument answers in its own cell, as the add-on's functions do; a formula that cannot
    // run shows #ERROR! or #NAME? with the reason in the note under the formula bar.
    await typeRows(page, 'Use cases', 10, 2, [['=ONBRAND_SAMPLE_SIZE(B9, "")', '=ONBRAND_SAMPLE_SIZE(0.05, 0.1', '=ONBRAND_SAMPLESIZE(0.05, 0.1)']]);
    await expect.poll(() => shown('Use cases', 10, 2)).toMatch(/^Error: MDE is blank/);
    await expect.poll(() => shown('Use cases', 10, 3)).toBe('#ERROR!');
    await cell('Use cases', 10, 3).click();
    await expect.poll(() => panel().getByRole('note', { name: 'Cell error' }).textContent()).toMatch(/^#ERROR! Formula parse error/);
    await expect.poll(() => shown('Use cases', 10, 4)).toBe('#NAME?');
    await cell('Use cases', 10, 4).click();
    await expect.poll(() => panel().getByRole('note', { name: 'Cell error' }).textContent()).toBe("#NAME? Unknown function: 'ONBRAND_SAMPLESIZE'.");
    await page.screenshot({ path: screenshotPath('sheets-grid-formulas') });
  });

  it('moves and extends the selection from the keyboard, and the add-on reads it as the active range', async () => {
    const { page, server } = preview;
    await openTab('Email subjects');
    await cell('Email subjects', 1, 1).click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => grid('Email subjects').locator('[aria-selected="true"]').count()).toBe(3);
    const spreadsheet = server.environments.sheets.spreadsheet;
    await expect.poll(() => spreadsheet.selection()?.getA1Notation()).toBe('A2:A4');
    await expect.poll(() => grid('Email subjects').getAttribute('aria-activedescendant')).toBe('cell-4-1');
    // Shift-click extends from the anchor; Escape leaves a cell as it was.
    await cell('Email subjects', 3, 2).click({ modifiers: ['Shift'] });
    await expect.poll(() => spreadsheet.selection()?.getA1Notation()).toBe('A2:B3');
    await page.keyboard.press('x');
    await expect.poll(() => panel().getByRole('textbox', { name: /^Edit cell B3$/ }).inputValue()).toBe('x');
    await page.keyboard.press('Escape');
    expect(spreadsheet.sheets.find((sheet) => sheet.snapshotName() === 'Email subjects')!.snapshot()[2]![1]).toBe('2026-12-08');

    // The column brand check acts on the grid's selection.
    await cell('Email subjects', 3, 1).click();
    await panel().getByRole('button', { name: 'Extensions' }).click();
    await panel().getByRole('menuitem', { name: 'Brand-check selected column' }).click();
    await expect.poll(() => panel().getByTestId('toast').textContent()).toMatch(/^Checked 4 cells in Subject line/);
  });

  it('pastes tab-separated rows into the selection, clears with Delete, and F2 edits in place', async () => {
    const { page, server } = preview;
    await openTab('Use cases');
    await cell('Use cases', 12, 1).click();
    await page.evaluate(() => navigator.clipboard.writeText('Pasted idea\tAna\t7\nSecond idea\tBo\t8\n'));
    await page.keyboard.press('Control+V');
    const useCases = () => server.environments.sheets.spreadsheet.sheets.find((sheet) => sheet.snapshotName() === 'Use cases')!.snapshot();
    await expect.poll(() => useCases().slice(11, 13).map((row) => row.slice(0, 3))).toEqual([['Pasted idea', 'Ana', 7], ['Second idea', 'Bo', 8]]);
    await expect.poll(() => grid('Use cases').locator('[aria-selected="true"]').count()).toBe(6);

    await cell('Use cases', 13, 3).click();
    await page.keyboard.press('F2');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await expect.poll(() => useCases()[12]![2]).toBe(80);
    await cell('Use cases', 13, 1).click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Delete');
    await expect.poll(() => useCases()[12]!.slice(0, 3)).toEqual(['', '', 80]);
    await grid('Use cases').screenshot({ path: screenshotPath('sheets-grid-paste') });
  });
});
