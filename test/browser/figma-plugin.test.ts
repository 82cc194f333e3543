import { readFileSync, writeFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeFigma } from '../../preview/src/figma';
import { sampleKit } from '../../preview/src/figma/sample-document';
import { openPreview, screenshotPath } from './chromium';

let preview: Awaited<ReturnType<typeof openPreview>>;

beforeAll(async () => {
  preview = await openPreview();
});

afterAll(async () => {
  await preview?.close();
});


/** Reads the simulated file from the page. */
function file<T>(read: (figma: FakeFigma) => T): Promise<T> {
  return preview.page.evaluate(`(${read.toString()})(window.__preview.figma)`) as Promise<T>;
}

/** Decodes image bytes in the page, as a browser shows them: their size and the colour of the pixel at (4, 4). */
function decode(bytes: Uint8Array, type: string): Promise<{ width: number; height: number; corner: number[] }> {
  return preview.page.evaluate(
    async ([base64, mime]) => {
      const raw = Uint8Array.from(atob(base64!), (char) => char.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([raw], { type: mime }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return { width: bitmap.width, height: bitmap.height, corner: [...context.getImageData(4, 4, 1, 1).data.slice(0, 3)] };
    },
    [Buffer.from(bytes).toString('base64'), type] as const,
  );
}

/** Opens the Figma preview afresh, imports the team's kit from a JSON file, and selects the master in the layers panel. */
async function openWithKit() {
  const { page, server } = preview;
  await page.goto(`${server.url}#figma`);
  const plugin = page.frameLocator('iframe[title="Onbrand plugin"]');
  await plugin.getByRole('button', { name: 'Use selection' }).waitFor();
  await plugin.getByRole('tab', { name: 'Kit & settings' }).click();
  await plugin.getByLabel('Import kit file (JSON)').setInputFiles({ name: 'ledgerline.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sampleKit)) });
  await expect.poll(() => plugin.getByLabel('Current kit').textContent()).toContain('Ledgerline 2.1.0');
  await page.click('[data-layer-name="Spring Sale — Master"]');
  await plugin.getByRole('tab', { name: 'Create' }).click();
  return plugin;
}

describe('the Figma plugin in the preview, from master to fixed, updated versions', () => {
  it('imports the kit, generates 3 sizes × 2 variants into a section, checks, fixes, and updates from the master', async () => {
    const { page } = preview;
    const plugin = await openWithKit();

    // Select the master and make 3 sizes × 2 pasted variants.
    await expect.poll(() => plugin.getByRole('list', { name: 'Selected frames' }).getByRole('listitem').count()).toBe(1);
    await plugin.getByRole('radio', { name: 'Paste or import' }).check();
    await plugin.getByLabel('Variant rows (CSV or pasted from a sheet)').fill('variant,locale,#headline,#cta\nA,en,Save 30% on every plan,Start free trial\nB,en,Books closed in days,See how');
    await expect.poll(() => plugin.getByText('3 size(s) × 2 variant(s) = 6 version(s)').count()).toBe(1);
    await plugin.getByRole('button', { name: 'Generate versions' }).click();
    const made = plugin.getByRole('list', { name: 'Generated versions' }).getByRole('listitem');
    await expect.poll(() => made.count(), { timeout: 15_000 }).toBe(6);
    expect(await made.first().textContent()).toContain('Spring Sale — Master/300x250/A/en');

    const section = await file((figma) => {
      const found = figma.currentPage.children.find((node) => node.type === 'SECTION') as unknown as { children: { name: string; width: number; height: number }[] };
      return found.children.map((child) => `${child.name} ${child.width}×${child.height}`);
    });
    expect(section).toEqual([
      'Spring Sale — Master/300x250/A/en 300×250',
      'Spring Sale — Master/300x250/B/en 300×250',
      'Spring Sale — Master/728x90/A/en 728×90',
      'Spring Sale — Master/728x90/B/en 728×90',
      'Spring Sale — Master/1080x1920/A/en 1080×1920',
      'Spring Sale — Master/1080x1920/B/en 1080×1920',
    ]);
    expect(await file((figma) => figma.undoSteps)).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: screenshotPath('figma-generated') });

    // Brand check of every version; click a finding to select and zoom to its layer.
    await plugin.getByRole('tab', { name: 'Check' }).click();
    await plugin.getByRole('button', { name: 'Check all versions' }).click();
    const palette = plugin.locator('li.finding[data-rule="visual.palette"]').first();
    await palette.waitFor();
    await palette.locator('.finding-select').click();
    await expect.poll(() => file((figma) => figma.zoomedTo.length)).toBe(1);
    const selected = await file((figma) => figma.currentPage.selectionSnapshot().map((node) => node.name));
    expect(selected).toEqual(['Legal line']);
    await page.screenshot({ path: screenshotPath('figma-check') });

    // Fix it: the legal line's colour snaps to the nearest palette colour (a move big enough to be offered on its own).
    const before = await plugin.locator('li.finding[data-rule="visual.palette"]').count();
    await palette.getByRole('button', { name: /^(Review fix|Fix):/ }).click();
    await expect.poll(() => plugin.locator('li.finding[data-rule="visual.palette"]').count()).toBe(before - 1);
    await page.screenshot({ path: screenshotPath('figma-fixed') });

    // Change the master, see the stale markers, and update: the versions follow the master.
    await file((figma) => {
      const master = figma.currentPage.children.find((node) => node.name === 'Spring Sale — Master') as unknown as { children: { name: string; paint(p: unknown[]): void }[] };
      master.children.find((child) => child.name === '#logo')!.paint([{ type: 'SOLID', color: { r: 0.24, g: 0.86, b: 0.59 }, opacity: 1, visible: true }]);
      return true;
    });
    await plugin.getByRole('tab', { name: 'Versions' }).click();
    await expect.poll(() => plugin.locator('.badge.stale').count()).toBe(6);
    await page.screenshot({ path: screenshotPath('figma-stale') });
    await plugin.getByRole('button', { name: 'Update versions from master' }).click();
    await expect.poll(() => plugin.locator('.badge.stale').count()).toBe(0);
    const logos = await file((figma) => {
      const found = figma.currentPage.children.find((node) => node.type === 'SECTION') as unknown as { children: { children: { name: string; fills: { color: { g: number } }[] }[] }[] };
      return found.children.map((version) => Math.round(version.children.find((child) => child.name === '#logo')!.fills[0]!.color.g * 100));
    });
    expect(logos).toEqual([86, 86, 86, 86, 86, 86]);
    // The fix was the plugin's own change, not a person's edit: nothing is reported as kept.
    expect(await plugin.getByText(/Kept your edit/).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('figma-updated') });
  });

  it('works from the keyboard: tabs move with the arrow keys and buttons answer Enter', async () => {
    const { page } = preview;
    const plugin = page.frameLocator('iframe[title="Onbrand plugin"]');
    await plugin.getByRole('tab', { name: 'Versions' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => plugin.getByRole('tab', { name: 'Kit & settings' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => plugin.getByRole('tab', { name: 'Check' }).getAttribute('aria-selected')).toBe('true');
    await plugin.getByRole('button', { name: 'Check all versions' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => plugin.locator('article.checked').count()).toBe(6);
  });

  it('applies every safe fix at once, leaving only what a person must judge', async () => {
    const { page } = preview;
    const plugin = page.frameLocator('iframe[title="Onbrand plugin"]');
    // A near-navy logo plate in every version: a small colour move (ΔE00 about 4) that keeps contrast, so safe in bulk.
    await file((figma) => {
      const section = figma.currentPage.children.find((node) => node.type === 'SECTION') as unknown as { children: { children: { name: string; paint(p: unknown[]): void }[] }[] };
      for (const version of section.children) version.children.find((child) => child.name === '#logo')!.paint([{ type: 'SOLID', color: { r: 0x15 / 255, g: 0x28 / 255, b: 0x4a / 255 }, opacity: 1, visible: true }]);
      return true;
    });
    await plugin.getByRole('button', { name: 'Check all versions' }).click();
    const fixAll = plugin.getByRole('button', { name: /^Fix all \d+ safely$/ });
    await fixAll.click();
    await expect.poll(() => plugin.getByRole('button', { name: /^Fix:/ }).count()).toBe(0);
    // The summary says what changed and offers to undo the whole step.
    await expect.poll(() => plugin.locator('.fix-summary li').count()).toBeGreaterThanOrEqual(6);
    expect(await plugin.getByRole('button', { name: 'Undo these fixes' }).count()).toBe(1);
    expect(await plugin.locator('li.finding').count()).toBeGreaterThan(0);
    const undo = await file((figma) => figma.undoSteps);
    expect(undo).toBeGreaterThan(0);
  });

  it('exports the chosen versions as a zip of PNGs with a manifest', async () => {
    const { page } = preview;
    const plugin = page.frameLocator('iframe[title="Onbrand plugin"]');
    await plugin.getByRole('tab', { name: 'Versions' }).click();
    await plugin.getByLabel('Select all for export').check();
    await plugin.getByLabel('Scale').selectOption('2');
    const [download] = await Promise.all([page.waitForEvent('download'), plugin.getByRole('button', { name: 'Export 6 as zip' }).click()]);
    expect(download.suggestedFilename()).toBe('onbrand-export-png@2x.zip');
    const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.keys(files).filter((name) => name.endsWith('.png'))).toHaveLength(6);
    const manifest = strFromU8(files['manifest.csv']!).trim().split(/\r?\n/);
    expect(manifest[0]).toBe('file,name,size,variant,locale,master,kit,provenance,ai_generated');
    expect(manifest).toHaveLength(7);
    expect(manifest[1]).toContain('300x250,A,en,Spring Sale — Master,Ledgerline@2.1.0,pasted,no');

    // Real images drawn from the layers: the browser decodes them, and the corner shows the navy background.
    const first = Object.keys(files).find((name) => name.includes('300x250') && name.endsWith('.png'))!;
    writeFileSync(screenshotPath('figma-export-png'), files[first]!);
    expect(await decode(files[first]!, 'image/png')).toEqual({ width: 600, height: 500, corner: [0x0b, 0x1f, 0x3a] });
    await plugin.getByLabel('Format').selectOption('JPG');
    const [jpg] = await Promise.all([page.waitForEvent('download'), plugin.getByRole('button', { name: 'Export 6 as zip' }).click()]);
    const jpgs = unzipSync(new Uint8Array(readFileSync((await jpg.path())!)));
    const firstJpg = Object.keys(jpgs).find((name) => name.includes('300x250') && name.endsWith('.jpg'))!;
    const decoded = await decode(jpgs[firstJpg]!, 'image/jpeg');
    expect([decoded.width, decoded.height]).toEqual([600, 500]);
    decoded.corner.forEach((value, index) => expect(Math.abs(value - [0x0b, 0x1f, 0x3a][index]!)).toBeLessThan(6));
  });

  it('writes copy variants offline for each size and marks them as AI drafts', async () => {
    const { page } = preview;
    const plugin = page.frameLocator('iframe[title="Onbrand plugin"]');
    await page.click('[data-layer-name="Spring Sale — Master"]');
    await plugin.getByRole('tab', { name: 'Create' }).click();
    await plugin.getByRole('radio', { name: 'Write variants' }).check();
    await plugin.getByLabel('Variants per size').fill('2');
    await plugin.getByRole('checkbox', { name: '1080×1920' }).uncheck();
    await plugin.getByRole('button', { name: 'Generate versions' }).click();
    const made = plugin.getByRole('list', { name: 'Generated versions' }).getByRole('listitem');
    await expect.poll(() => made.count(), { timeout: 15_000 }).toBe(4);
    expect(await plugin.locator('.badge.ai').count()).toBe(4);
    const headlines = await file((figma) => {
      const section = figma.currentPage.children.find((node) => node.type === 'SECTION') as unknown as { children: { name: string; children: { name: string; children?: { name: string; characters?: string }[] }[] }[] };
      return section.children.slice(-4).map((version) => version.children.find((child) => child.name === 'Copy')!.children!.find((child) => child.name === '#headline')!.characters);
    });
    // The leaderboard (728×90) gets a shorter headline than the rectangle.
    expect(headlines[2]!.length).toBeLessThanOrEqual(headlines[0]!.length);
    await page.screenshot({ path: screenshotPath('figma-written-variants') });
  });

  it('follows Figma\'s dark theme through the theme variables', async () => {
    const { page, server } = preview;
    await page.goto(`${server.url}?theme=dark#figma`);
    const plugin = page.frameLocator('iframe[title="Onbrand plugin"]');
    await plugin.getByRole('button', { name: 'Use selection' }).waitFor();
    expect(await plugin.locator('html').getAttribute('class')).toBe('figma-dark');
    expect(await plugin.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor)).toBe('rgb(44, 44, 44)');
    await page.screenshot({ path: screenshotPath('figma-dark') });
  });

  it('imports a kit from a URL and saves a size set on this machine', async () => {
    const { page, browser } = preview;
    await browser.route('https://kits.example.com/ledgerline.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify({ ...sampleKit, version: '2.2.0' }) }));
    const plugin = page.frameLocator('iframe[title="Onbrand plugin"]');
    await plugin.getByRole('tab', { name: 'Kit & settings' }).click();
    await plugin.getByLabel('Kit URL').fill('https://kits.example.com/ledgerline.json');
    await plugin.getByRole('button', { name: 'Import URL' }).click();
    await expect.poll(() => plugin.getByLabel('Current kit').textContent()).toContain('Ledgerline 2.2.0');
    await plugin.getByRole('tab', { name: 'Create' }).click();
    await plugin.getByLabel('Save these sizes as').fill('Spring display');
    await plugin.getByRole('button', { name: 'Save set' }).click();
    await expect.poll(() => file((figma) => JSON.stringify(figma.clientStorage.values.get('onbrand.preferences')))).toContain('Spring display');
    await expect.poll(() => plugin.getByLabel('Saved size sets').locator('option').count()).toBe(2);
  });
});

describe('the Figma canvas in the preview', () => {
  /** The id of a layer by its path of names from the page, read from the simulated file. */
  const idOf = (path: string[]) =>
    preview.page.evaluate(`(() => {
      let nodes = window.__preview.figma.currentPage.children;
      let found = null;
      for (const name of ${JSON.stringify(path)}) { found = nodes.find((node) => node.name === name); nodes = found.children ?? []; }
      return found.id;
    })()`) as Promise<string>;
  const zoomLevel = () => preview.page.getByLabel('Zoom level').textContent();

  it('edits the master headline on the canvas, updates the versions from it, and shows the new words in a version', async () => {
    const { page } = preview;
    const plugin = await openWithKit();

    // Versions from the master's own copy.
    await plugin.getByRole('radio', { name: 'Master copy' }).check();
    await plugin.getByRole('button', { name: 'Generate versions' }).click();
    const made = plugin.getByRole('list', { name: 'Generated versions' }).getByRole('listitem');
    await expect.poll(() => made.count(), { timeout: 15_000 }).toBe(3);

    // The plugin window moves by its title bar, off the canvas's way.
    const header = page.locator('.plugin-window header');
    const before = (await header.boundingBox())!;
    await page.mouse.move(before.x + 40, before.y + 10);
    await page.mouse.down();
    await page.mouse.move(before.x - 300, before.y + 200, { steps: 5 });
    await page.mouse.up();
    const after = (await header.boundingBox())!;
    expect(Math.round(after.x - before.x)).toBe(-340);
    expect(Math.round(after.y - before.y)).toBe(190);

    // Zoom: the buttons, Ctrl + wheel, to fit and to the selection.
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    const fit = await zoomLevel();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(parseInt((await zoomLevel())!)).toBeGreaterThan(parseInt(fit!));
    const area = (await page.locator('section.canvas').boundingBox())!;
    // A corner of the canvas, clear of the plugin window.
    await page.mouse.move(area.x + 60, area.y + 60);
    const beforeWheel = parseInt((await zoomLevel())!);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await expect.poll(async () => parseInt((await zoomLevel())!)).toBeGreaterThan(beforeWheel);

    // Pan: the wheel scrolls, space-drag and middle-drag move the canvas.
    const origin = () => page.locator('.canvas-origin').evaluate((element) => new DOMMatrix(getComputedStyle(element).transform).m41);
    const start = await origin();
    await page.mouse.wheel(120, 0);
    await expect.poll(origin).toBeCloseTo(start - 120, 0);
    await page.keyboard.down('Space');
    await page.mouse.down();
    await page.mouse.move(area.x + 160, area.y + 60, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    await expect.poll(origin).toBeCloseTo(start - 20, 0);
    await page.mouse.move(area.x + 60, area.y + 60);
    await page.mouse.down({ button: 'middle' });
    await page.mouse.move(area.x + 110, area.y + 60, { steps: 4 });
    await page.mouse.up({ button: 'middle' });
    await expect.poll(origin).toBeCloseTo(start + 30, 0);

    // A click on the canvas selects the layer under the pointer, and the layers panel shows it.
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    const logo = await idOf(['Spring Sale — Master', '#logo']);
    await page.locator(`.canvas [data-node-id="${logo}"]`).click({ position: { x: 2, y: 2 } });
    await expect.poll(() => file((figma) => figma.currentPage.selectionSnapshot().map((node) => node.name))).toEqual(['#logo']);
    expect(await page.locator(`[data-layer-id="${logo}"]`).getAttribute('aria-pressed')).toBe('true');

    // Select the master's headline in the layers panel, zoom to it, and retype 30% as 40% on the canvas.
    const masterHeadline = await idOf(['Spring Sale — Master', 'Copy', '#headline']);
    await page.click(`[data-layer-id="${masterHeadline}"]`);
    await page.getByRole('button', { name: 'Zoom to selection' }).click();
    await page.locator(`.canvas [data-node-id="${masterHeadline}"]`).dblclick({ position: { x: 40, y: 30 } });
    const editor = page.getByLabel('Edit the text of #headline');
    await editor.fill('Spring sale: save 40% on every plan');
    await editor.press('Escape');
    await expect.poll(() => preview.page.evaluate(`window.__preview.figma.findById(${JSON.stringify(masterHeadline)}).characters`)).toBe('Spring sale: save 40% on every plan');
    await page.screenshot({ path: screenshotPath('figma-canvas-edited-master') });

    // Update from master in the plugin.
    await plugin.getByRole('tab', { name: 'Versions' }).click();
    await plugin.getByRole('button', { name: 'Update versions from master' }).click();
    await expect.poll(() => plugin.getByText(/Updated 3 version/).count()).toBeGreaterThan(0);

    // Zoom to a version from the canvas and read its headline there.
    const versionId = await file((figma) => (figma.currentPage.children.find((node) => node.type === 'SECTION') as unknown as { children: { id: string }[] }).children[0]!.id);
    await page.click(`[data-layer-id="${versionId}"]`);
    await page.getByRole('button', { name: 'Zoom to selection' }).click();
    const headline = page.locator(`.canvas [data-node-id="${versionId}"] [data-node-name="#headline"] .canvas-text`);
    // Drawn line by line where the text wraps: the lines joined read the new headline.
    await expect.poll(async () => (await headline.innerText()).replace(/\s+/g, ' ')).toBe('Spring sale: save 40% on every plan');
    expect(parseInt((await zoomLevel())!)).toBeGreaterThan(100);
    await page.screenshot({ path: screenshotPath('figma-canvas-updated-version') });
  });
});
