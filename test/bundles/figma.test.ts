import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { addSampleCampaign, FakeFigma } from '../../preview/src/figma';
import { readDist } from '../helpers/dist';

// Figma's main thread offers the language's own built-ins and, per the plugin typings' globals,
// `figma`, `__html__`, `__uiFiles__`, `console`, the four timer functions and `fetch`; browser
// APIs and the DOM are not there. These are the browser and Node globals code most often reaches
// for, and the extras V8 has that Figma's JavaScript VM lacks. Each throws as soon as it is read,
// even by `typeof` (stricter than Figma, where `typeof` of a missing global is "undefined").
const missingGlobals = [
  'window', 'self', 'document', 'navigator', 'location', 'XMLHttpRequest', 'localStorage', 'sessionStorage', 'indexedDB', 'TextEncoder', 'TextDecoder',
  'atob', 'btoa', 'URL', 'URLSearchParams', 'structuredClone', 'queueMicrotask', 'requestAnimationFrame', 'performance', 'crypto', 'Blob', 'FormData',
  'Headers', 'Request', 'Response', 'AbortController', 'WebSocket', 'Worker', 'alert', 'process', 'require', 'module', 'exports', 'global', 'Buffer',
  'setImmediate', 'WebAssembly', 'Intl', 'SharedArrayBuffer', 'Atomics',
];

/** A sandbox like Figma's main thread: what it offers, and a trap for each global it lacks. */
function sandbox(offered: Record<string, unknown>): vm.Context {
  const globals: Record<string, unknown> = { ...offered };
  for (const name of missingGlobals)
    Object.defineProperty(globals, name, {
      get() {
        throw new ReferenceError(`${name} is not defined (Figma's main thread has no ${name})`);
      },
    });
  return vm.createContext(globals, { codeGeneration: { strings: false, wasm: false } });
}

function loadPlugin() {
  const figma = new FakeFigma();
  addSampleCampaign(figma);
  const html = readDist('figma-plugin/ui.html');
  const noNetwork = () => Promise.reject(new Error('There is no network in this test.'));
  const context = sandbox({ figma, __html__: html, __uiFiles__: {}, console: { log() {}, warn() {}, error() {} }, setTimeout, clearTimeout, setInterval, clearInterval, fetch: noNetwork });
  vm.runInContext(readDist('figma-plugin/code.js'), context);
  return { figma, html, context };
}

async function settle() {
  await new Promise((resolve) => setImmediate(resolve));
}

describe('the Figma plugin bundle in a sandbox like the main thread', () => {
  it('sandboxes the bundle: every global the main thread lacks throws when read', () => {
    const { context } = loadPlugin();
    for (const name of missingGlobals) expect(() => vm.runInContext(name, context), name).toThrow(ReferenceError);
    expect(vm.runInContext('typeof figma + typeof fetch + typeof JSON', context)).toBe('objectfunctionobject');
  });

  it('runs without window or document and shows the inlined UI with theme colours', () => {
    const { figma, html } = loadPlugin();
    expect(figma.shownUi?.html).toBe(html);
    expect(figma.shownUi?.options).toMatchObject({ themeColors: true });
    expect(figma.skipInvisibleInstanceChildren).toBe(true);
  });

  it('answers the UI request for the selected frames with plain data', async () => {
    const { figma } = loadPlugin();
    const master = figma.currentPage.children.find((node) => node.name === 'Spring Sale — Master')!;
    const note = figma.currentPage.children.find((node) => node.type === 'TEXT')!;
    figma.currentPage.selectAsUser([master, note]);
    figma.ui.deliver({ kind: 'rpc-request', id: 7, endpoint: 'getSelectionFrames', input: {} });
    await settle();
    expect(figma.ui.outbox.at(-1)).toEqual({
      kind: 'rpc-response',
      id: 7,
      result: {
        ok: true,
        value: {
          frames: [
            {
              id: master.id,
              name: 'Spring Sale — Master',
              type: 'FRAME',
              width: 1080,
              height: 1080,
              childCount: 5,
              slots: [
                { name: '#headline', text: 'Spring sale: save 30% on every plan' },
                { name: '#body', text: 'Close the books in days, not weeks, with Ledgerline.' },
                { name: '#cta', text: 'Start free trial' },
              ],
            },
          ],
          ignored: 1,
        },
      },
    });
  });

  it('generates versions, checks them and updates them from the master, with only figma in scope', async () => {
    const { figma } = loadPlugin();
    const master = figma.currentPage.children.find((node) => node.name === 'Spring Sale — Master')!;
    figma.currentPage.selectAsUser([master]);
    const call = async (id: number, endpoint: string, input: unknown) => {
      figma.ui.deliver({ kind: 'rpc-request', id, endpoint, input });
      for (let turn = 0; turn < 1000; turn++) {
        const answer = figma.ui.outbox.find((message) => (message as { id?: number }).id === id && (message as { kind: string }).kind === 'rpc-response');
        if (answer) return (answer as { result: { ok: boolean; value: any } }).result;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      throw new Error(`${endpoint} did not answer`);
    };
    const made = await call(1, 'generateVersions', { sizes: ['300x250', '728x90'], copy: { mode: 'rows', rows: [{ variant: 'A', texts: { '#headline': 'Save 30% now' } }] } });
    expect((made as { error?: unknown }).error).toBeUndefined();
    expect(made.value.versions.map((version: { name: string }) => version.name)).toEqual(['Spring Sale — Master/300x250/A', 'Spring Sale — Master/728x90/A']);
    expect(figma.undoSteps).toBe(1);
    const checked = await call(2, 'checkBrand', { scope: 'versions' });
    expect(checked.value.frames).toHaveLength(2);
    const updated = await call(3, 'updateVersions', { scope: 'all' });
    expect(updated.value.updated).toBe(2);
    expect(figma.ui.outbox.some((message) => (message as { name?: string }).name === 'progress')).toBe(true);
  });

  it('offers "Update from master" as a relaunch button on versions', () => {
    const manifest = JSON.parse(readDist('figma-plugin/manifest.json')) as { relaunchButtons: { command: string; name: string }[] };
    expect(manifest.relaunchButtons.map((button) => button.command)).toContain('update');
  });

  it('stays within the size budgets: code.js ≤ 150 KB minified, ui.html ≤ 80 KB gzipped', () => {
    expect(Buffer.byteLength(readDist('figma-plugin/code.js'))).toBeLessThanOrEqual(150 * 1024);
    expect(gzipSync(readDist('figma-plugin/ui.html'), { level: 9 }).length).toBeLessThanOrEqual(80 * 1024);
  });

  it('tells the UI when the selection changes', () => {
    const { figma } = loadPlugin();
    figma.currentPage.selectAsUser([figma.currentPage.children[0]!]);
    expect(figma.ui.outbox.at(-1)).toEqual({ kind: 'event', name: 'selectionChanged', payload: { count: 1 } });
  });

  it('answers an unknown endpoint with an error instead of failing silently', async () => {
    const { figma } = loadPlugin();
    figma.ui.deliver({ kind: 'rpc-request', id: 1, endpoint: 'deleteEverything', input: {} });
    await settle();
    expect(figma.ui.outbox.at(-1)).toMatchObject({ id: 1, result: { ok: false, error: { code: 'unknown_endpoint' } } });
  });

  it('has a manifest Figma accepts: dynamic pages, the figma editor and reasoned network access', () => {
    const manifest = JSON.parse(readDist('figma-plugin/manifest.json')) as Record<string, any>;
    expect(manifest).toMatchObject({ api: '1.0.0', main: 'code.js', ui: 'ui.html', editorType: ['figma'], documentAccess: 'dynamic-page' });
    expect(manifest.networkAccess.reasoning.length).toBeGreaterThan(40);
    for (const domain of manifest.networkAccess.allowedDomains) expect(domain).toMatch(/^https:\/\//);
  });

  it('ships ui.html as one file with nothing fetched', () => {
    const html = readDist('figma-plugin/ui.html');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
  });
});
