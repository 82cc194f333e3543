import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../../preview/src/server/server';
import { distDir } from '../helpers/dist';

const executablePath = '/usr/bin/chromium';
export const artifactsDir = join(import.meta.dirname, '../artifacts');

/**
 * Starts the preview on a free port and a fresh Chromium profile. A missing Chromium is an error,
 * never a skip: CI installs it, and a browser test that did not run has not passed. The first-run
 * guides start dismissed, as for a returning visitor, unless `firstRun` is set.
 */
export async function openPreview(options: { firstRun?: boolean } = {}): Promise<{ server: PreviewServer; browser: BrowserContext; page: Page; close: () => Promise<void> }> {
  if (!existsSync(executablePath)) throw new Error(`Chromium is missing at ${executablePath}: install it with apt-get install -y chromium.`);
  mkdirSync(artifactsDir, { recursive: true });
  const server = await startPreviewServer({ distDir });
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'onbrand-chromium-')), {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  if (!options.firstRun)
    await browser.addInitScript(() => {
      // Once per profile, so a guide the test reopens stays open across reloads; frames without storage are left alone.
      try {
        if (localStorage.getItem('onbrand-preview-returning')) return;
        localStorage.setItem('onbrand-preview-returning', 'yes');
        for (const surface of ['figma', 'sheets', 'docs']) localStorage.setItem(`onbrand-preview-guide-dismissed-${surface}`, 'yes');
      } catch {
        // A sandboxed frame has no storage.
      }
    });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    server,
    browser,
    page,
    close: async () => {
      await browser.close();
      await server.close();
      if (errors.length) throw new Error(`The page threw: ${errors.join('; ')}`);
    },
  };
}

export function screenshotPath(name: string): string {
  return join(artifactsDir, `${name}.png`);
}

/** Opens an add-on's sidebar in the preview the way a person does: its tab, then Extensions › Open Onbrand. */
export async function openAddonSidebar(page: Page, url: string, addon: 'Docs add-on' | 'Sheets add-on') {
  await page.goto(url);
  await page.getByRole('tab', { name: addon }).click();
  const panel = page.getByRole('tabpanel', { name: addon });
  await panel.getByRole('button', { name: 'Extensions' }).click();
  await panel.getByRole('menuitem', { name: 'Open Onbrand' }).click();
  return { panel, sidebar: panel.frameLocator('iframe[title="Onbrand sidebar"]') };
}
