import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { addSampleCampaign, FakeFigma } from '../../preview/src/figma';
import { readDist } from '../helpers/dist';

/** Figma's main thread: `figma`, `__html__`, a console and timers; no DOM, no Node. */
function loadPlugin() {
  const figma = new FakeFigma();
  addSampleCampaign(figma);
  const html = readDist('figma-plugin/ui.html');
  const context = vm.createContext(
    { figma, __html__: html, console: { log() {}, warn() {}, error() {} }, setTimeout, clearTimeout },
    { codeGeneration: { strings: false, wasm: false } },
  );
  vm.runInContext(readDist('figma-plugin/code.js'), context);
  return { figma, html, context };
}

async function settle() {
  await new Promise((resolve) => setImmediate(resolve));
}

describe('the Figma plugin bundle in a sandbox like the main thread', () => {
  it('runs without window or document and shows the inlined UI with theme colours', () => {
    const { figma, html, context } = loadPlugin();
    expect('window' in context).toBe(false);
    expect('document' in context).toBe(false);
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
      result: { ok: true, value: { frames: [{ id: master.id, name: 'Spring Sale — Master', type: 'FRAME', width: 1080, height: 1080, childCount: 5 }], ignored: 1 } },
    });
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
