import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distDir } from '../helpers/dist';

// npm run push:sheets / push:docs run scripts/push.mjs, which runs clasp from the built folder.
// Its --status mode runs clasp show-file-status there the same way; that needs no login or
// network, so clasp itself proves here which files a push would upload.

const root = join(import.meta.dirname, '../..');
const pushScript = join(root, 'scripts/push.mjs');
const addons = ['sheets-addon', 'docs-addon'] as const;
const scratch = mkdtempSync(join(tmpdir(), 'onbrand-clasp-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An empty home: no clasp login, and nothing of the developer's own clasp setup. */
function offlineEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(scratch, 'home-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, USERPROFILE: home, ...extra };
  if (process.env.ONBRAND_DIST) env.ONBRAND_DIST = distDir;
  return env;
}

function push(addon: string, flags: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return spawnSync(process.execPath, [pushScript, addon, ...flags], { cwd: options.cwd ?? root, env: options.env ?? offlineEnv(), encoding: 'utf8', timeout: 60_000 });
}

function filesToPush(result: ReturnType<typeof push>): string[] {
  expect(result.stderr).not.toMatch(/error/i);
  expect(result.status).toBe(0);
  return (JSON.parse(result.stdout) as { filesToPush: string[] }).filesToPush;
}

describe.each(addons)('pushing %s with clasp', { timeout: 60_000 }, (addon) => {
  it('runs the push script from npm, after a build', () => {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const name = addon === 'sheets-addon' ? 'push:sheets' : 'push:docs';
    expect(scripts[name]).toBe(`node scripts/build.mjs && node scripts/push.mjs ${addon}`);
  });

  it('uploads exactly the manifest, the server bundle and the sidebar, as clasp itself lists them', () => {
    expect(filesToPush(push(addon, ['--status'])).sort()).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
  });

  it('leaves out anything else lying in the built folder', () => {
    const dist = join(mkdtempSync(join(scratch, 'dist-')), 'dist');
    cpSync(join(distDir, addon), join(dist, addon), { recursive: true });
    writeFileSync(join(dist, addon, 'notes.js'), 'function stray() {}');
    writeFileSync(join(dist, addon, 'draft.html'), '<p>draft</p>');
    expect(filesToPush(push(addon, ['--status'], { env: offlineEnv({ ONBRAND_DIST: dist }) })).sort()).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
  });

  it('refuses to push without a script id, and names the file to create', () => {
    const cwd = mkdtempSync(join(scratch, 'checkout-'));
    cpSync(join(root, addon, '.clasp.json.example'), join(cwd, addon, '.clasp.json.example'));
    cpSync(join(distDir, addon), join(cwd, 'dist', addon), { recursive: true });
    const missing = push(addon, [], { cwd });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`${addon}/.clasp.json is missing. Copy ${addon}/.clasp.json.example to ${addon}/.clasp.json`);

    cpSync(join(cwd, addon, '.clasp.json.example'), join(cwd, addon, '.clasp.json'));
    const placeholder = push(addon, [], { cwd });
    expect(placeholder.status).toBe(1);
    expect(placeholder.stderr).toContain(`${addon}/.clasp.json still holds the example's placeholder`);
  });
});
