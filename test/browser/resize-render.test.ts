import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planResize, resizeOptionsFromKit } from '../../shared/src/layout';
import { renderStyle, snapshotHtml, snapshotPage } from '../shared/layout/render-html';
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
  // Playwright gives each launch a fresh, empty profile; the flags keep Chromium off the network.
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, TMPDIR: tmpdir() },
  });
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

// Reviewed pictures of the example master's leaderboard, skyscraper and medium rectangle. A change
// to the resize that moves more than a sliver of pixels fails here until a person has looked at the
// new picture and replaced the reference on purpose (ONBRAND_UPDATE_REFERENCES=1).
const referencesDir = join(import.meta.dirname, '../fixtures/resize-references');

/** The share of pixels whose colour differs by more than a small step, compared in the browser. */
async function differingShare(a: Buffer, b: Buffer): Promise<number> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ([left, right]) => {
        const load = async (base64: string) => {
          const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
          const canvas = new OffscreenCanvas(image.width, image.height);
          const context = canvas.getContext('2d')!;
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, image.width, image.height);
        };
        const [x, y] = [await load(left!), await load(right!)];
        if (x.width !== y.width || x.height !== y.height) return 1;
        let differing = 0;
        for (let i = 0; i < x.data.length; i += 4) {
          const step = Math.max(Math.abs(x.data[i]! - y.data[i]!), Math.abs(x.data[i + 1]! - y.data[i + 1]!), Math.abs(x.data[i + 2]! - y.data[i + 2]!));
          if (step > 24) differing++;
        }
        return differing / (x.width * x.height);
      },
      [a.toString('base64'), b.toString('base64')],
    );
  } finally {
    await page.close();
  }
}

describe('the example master, against reviewed pictures', () => {
  const example = loadMasters().find((master) => master.name === 'ledgerline-master')!;
  it.each(sizes)('draws the %s (%i×%i) as reviewed', async (sizeName, width, height) => {
    const plan = planResize(example.snapshot, { width, height }, resizeOptionsFromKit(example.visual, width, height));
    const page = await browser.newPage({ viewport: { width, height } });
    let picture: Buffer;
    try {
      await page.setContent(`<!doctype html><meta charset="utf-8"><style>body{margin:0}${renderStyle}</style><div id="stage" style="position:relative;width:${width}px;height:${height}px">${snapshotHtml(plan.snapshot)}</div>`);
      picture = await (await page.$('#stage'))!.screenshot();
    } finally {
      await page.close();
    }
    const reference = join(referencesDir, `ledgerline-${sizeName}.png`);
    if (process.env.ONBRAND_UPDATE_REFERENCES === '1') {
      mkdirSync(referencesDir, { recursive: true });
      writeFileSync(reference, picture);
    }
    if (!existsSync(reference)) throw new Error(`No reviewed picture at ${reference}: look at a render, then save it with ONBRAND_UPDATE_REFERENCES=1.`);
    writeFileSync(screenshotPath(`reference-check-ledgerline-${sizeName}`), picture);
    expect(await differingShare(picture, readFileSync(reference))).toBeLessThan(0.01);
  });

  it('lays the master beside its twelve versions in one picture', async () => {
    const presets = [[300, 250], [728, 90], [160, 600], [300, 600], [320, 50], [970, 250], [336, 280], [1080, 1080], [1080, 1350], [1080, 1920], [1200, 628], [1600, 900]] as const;
    // Shown at a third of their size so the sheet stays readable on one screen.
    const scale = 1 / 3;
    const tile = (snapshot: typeof example.snapshot, caption: string) =>
      `<figure style="display:inline-block;vertical-align:top;margin:8px"><div style="position:relative;width:${snapshot.width * scale}px;height:${snapshot.height * scale}px;box-shadow:0 0 0 1px #9ca3af"><div style="position:absolute;left:0;top:0;transform:scale(${scale});transform-origin:0 0">${snapshotHtml(snapshot)}</div></div><figcaption style="font:12px sans-serif;color:#374151;margin-top:4px">${caption}</figcaption></figure>`;
    const tiles = [tile(example.snapshot, `Master ${example.snapshot.width}×${example.snapshot.height}`)];
    let flagged = 0;
    for (const [width, height] of presets) {
      const plan = planResize(example.snapshot, { width, height }, resizeOptionsFromKit(example.visual, width, height));
      if (plan.flags.length) flagged++;
      tiles.push(tile(plan.snapshot, `${width}×${height}${plan.flags.length ? ' (flagged)' : ''}`));
    }
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.setContent(`<!doctype html><meta charset="utf-8"><style>body{margin:0;padding:8px;background:#f3f4f6}${renderStyle}figure div{box-sizing:border-box}figure{position:relative}</style><main style="position:static">${tiles.join('')}</main>`);
      const path = screenshotPath('resize-ledgerline-twelve');
      await page.screenshot({ path, fullPage: true });
      expect(statSync(path).size).toBeGreaterThan(10_000);
    } finally {
      await page.close();
    }
    expect(flagged).toBeLessThanOrEqual(1);
  });
});
