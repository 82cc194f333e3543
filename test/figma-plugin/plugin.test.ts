import { describe, expect, it } from 'vitest';
import { startPlugin } from '../../figma-plugin/src/main/plugin';
import { FakeFigma } from '../../preview/src/figma';

describe('the plugin main thread on the fake figma', () => {
  it('reads the selection in one host call and the record of each frame, with no walk of the page', async () => {
    const figma = new FakeFigma();
    const frames = Array.from({ length: 20 }, (_, i) => figma.add('FRAME', `Frame ${i}`, { width: 300, height: 250 }));
    figma.currentPage.selectAsUser(frames.slice(0, 3));
    startPlugin(figma, '<p>ui</p>');
    figma.calls.reset();
    figma.ui.deliver({ kind: 'rpc-request', id: 1, endpoint: 'getSelectionFrames', input: {} });
    await new Promise((resolve) => setImmediate(resolve));
    expect(figma.calls.count('selection.get')).toBe(1);
    // Each record is looked for in shared plugin data, then where older versions kept it.
    expect(figma.calls.byName()).toEqual({ 'selection.get': 1, getSharedPluginData: 3, getPluginData: 3, 'ui.postMessage': 1 });
  });

  it('answers with an empty list when nothing is selected', async () => {
    const figma = new FakeFigma();
    startPlugin(figma, '<p>ui</p>');
    figma.ui.deliver({ kind: 'rpc-request', id: 2, endpoint: 'getSelectionFrames', input: {} });
    await new Promise((resolve) => setImmediate(resolve));
    expect(figma.ui.outbox.at(-1)).toEqual({ kind: 'rpc-response', id: 2, result: { ok: true, value: { frames: [], ignored: 0 } } });
  });
});
