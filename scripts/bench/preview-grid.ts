// The preview as a visitor meets it: how long `node dist/preview/server.mjs` takes to answer its
// first page after a build (budget: 3 s), and how long a keystroke in the Sheets grid takes to
// reach the screen in Chromium on a 5,000-row sheet (budget: 50 ms): moving the selection with
// the arrow keys and typing into a cell, each timed in the page from keydown to the frame after it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startPreviewServer } from '../../preview/src/server/server';
import { median } from './measure';

const dist = process.env.ONBRAND_DIST ?? 'dist';
const round = (ms: number) => Math.round(ms * 10) / 10;

async function previewStartMs(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(dist, 'preview/server.mjs')], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Onbrand preview: (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`the preview server stopped with code ${code}`)));
    });
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the preview answered ${response.status}`);
    await response.text();
    return round(performance.now() - started);
  } finally {
    child.kill();
  }
}

async function gridKeystrokes(): Promise<Record<string, number>> {
  const server = await startPreviewServer({ distDir: dist });
  const sheet = server.environments.sheets.spreadsheet.sheets.find((candidate) => candidate.snapshotName() === 'Scoring')!;
  sheet.write(2, 1, Array.from({ length: 5000 }, (_, i) => [`Use case ${i + 1}`, 1 + (i % 5), 1 + ((i * 3) % 5), 1 + ((i * 7) % 5), 1 + ((i * 11) % 5)]));
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'onbrand-bench-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    // Measured as a returning visitor sees it: the first-run guide already dismissed.
    await page.addInitScript(() => localStorage.setItem('onbrand-preview-guide-dismissed-sheets', 'yes'));
    await page.goto(`${server.url}#sheets`);
    const panel = page.getByRole('tabpanel', { name: 'Sheets add-on' });
    await panel.getByRole('tab', { name: 'Scoring' }).click();
    const grid = panel.getByRole('grid', { name: 'Sheet Scoring' });
    await grid.locator('#cell-5000-2').waitFor({ state: 'attached', timeout: 1 }).catch(() => {});
    await grid.locator('#cell-2-2').click();
    // Each keydown is timed until the frame after it has been painted.
    await page.evaluate(() => {
      const times: number[] = [];
      (window as unknown as { keystrokeTimes: number[] }).keystrokeTimes = times;
      document.addEventListener('keydown', () => {
        const started = performance.now();
        requestAnimationFrame(() => setTimeout(() => times.push(performance.now() - started), 0));
      }, true);
    });
    const samples = async (keys: string[]) => {
      await page.evaluate(() => ((window as unknown as { keystrokeTimes: number[] }).keystrokeTimes.length = 0));
      for (const key of keys) {
        await page.keyboard.press(key);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
      }
      return page.evaluate(() => [...(window as unknown as { keystrokeTimes: number[] }).keystrokeTimes]);
    };
    const moves = await samples([...Array<string>(40).fill('ArrowDown'), 'Control+ArrowDown', ...Array<string>(20).fill('ArrowUp')]);
    const typing = await samples([...'Use case typed here'.split(''), 'Enter']);
    const sorted = [...moves, ...typing].sort((a, b) => a - b);
    return {
      sheetGridRows: 5000,
      sheetGridKeystrokeMedianMs: round(median(sorted)),
      sheetGridKeystrokeP95Ms: round(sorted[Math.floor(sorted.length * 0.95)]!),
      sheetGridArrowMedianMs: round(median(moves)),
      sheetGridTypingMedianMs: round(median(typing)),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The preview's figures, with their budgets. */
export async function benchPreviewGrid(): Promise<Record<string, unknown>> {
  if (!existsSync('/usr/bin/chromium')) throw new Error('Chromium is missing at /usr/bin/chromium: install it with apt-get install -y chromium.');
  const starts = [await previewStartMs(), await previewStartMs(), await previewStartMs()];
  return {
    previewStartMs: median(starts),
    ...(await gridKeystrokes()),
    budgets: [
      ['previewStartMs', '≤', 3000],
      ['sheetGridKeystrokeMedianMs', '≤', 50],
    ],
  };
}
