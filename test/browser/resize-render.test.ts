import { mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planResize, resizeOptionsFromKit } from '../../shared/src/layout';
import { snapshotPage } from '../shared/layout/render-html';
import { loadMasters } from '../shared/layout/masters';
import { artifactsDir, screenshotPath } from './chromium';

// Draws resized versions with Chromium's own text layout and saves them under test/artifacts/ for a
// person to look at. The browser also checks the plan's text boxes: wrapped in a real font (Liberation
// Sans, Arial's metrics), no text may need more room than the plan gave it.

const sizes = [
  ['leaderboard', 728, 90],
  ['skyscraper', 160, 600],
  ['medium-rectangle', 300, 250],
] as const;

let browser: Browser;
beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'], env: { ...process.env, TMPDIR: tmpdir() } });
});
afterAll(async () => {
  await browser?.close();
});

describe('resized versions, drawn', () => {
  const masters = loadMasters();
  it.each(masters.flatMap((master) => sizes.map(([name, width, height]) => [master.name, name, width, height, master] as const)))(
    '%s as a %s (%i×%i) fits its text and saves a picture',
    async (masterName, sizeName, width, height, master) => {
      const plan = planResize(master.snapshot, { width, height }, resizeOptionsFromKit(master.visual, width, height));
      const page = await browser.newPage({ viewport: { width: width + 40, height: height + 60 } });
      try {
        await page.setContent(snapshotPage(plan.snapshot, `${masterName} ${width}×${height}: ${plan.mode}${plan.flags.length ? ' (flagged)' : ''}`));
        const path = screenshotPath(`resize-${masterName}-${sizeName}`);
        await (await page.$('#stage'))!.screenshot({ path });
        expect(statSync(path).size).toBeGreaterThan(1000);
        if (plan.flags.length) return;
        // Every text box the plan set holds its text in the browser's layout (1 px of rounding allowed).
        const spills = await page.$$eval('.t:not(.auto)', (nodes) =>
          nodes.filter((node) => node.scrollHeight > node.clientHeight + 1 || node.scrollWidth > node.clientWidth + 1).map((node) => node.textContent),
        );
        expect(spills).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});
