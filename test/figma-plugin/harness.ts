import { startPlugin } from '../../figma-plugin/src/main/plugin';
import { addSampleCampaign, FakeFigma, sampleKit, type FakeFrameNode } from '../../preview/src/figma';

let nextRequest = 1000;

/** Calls an endpoint the way the UI does and waits for the main thread's answer. */
export async function rpc(figma: FakeFigma, endpoint: string, input: unknown): Promise<{ ok: true; value: any } | { ok: false; error: { code: string; message: string } }> {
  const id = nextRequest++;
  figma.ui.deliver({ kind: 'rpc-request', id, endpoint, input });
  for (let turn = 0; turn < 10_000; turn++) {
    const answer = figma.ui.outbox.find((message) => (message as { kind?: string; id?: number }).kind === 'rpc-response' && (message as { id: number }).id === id);
    if (answer) return (answer as { result: any }).result;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`${endpoint} never answered`);
}

/** Like rpc, for calls that must succeed. */
export async function ok(figma: FakeFigma, endpoint: string, input: unknown): Promise<any> {
  const result = await rpc(figma, endpoint, input);
  if (!result.ok) throw new Error(`${endpoint} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A file with the sample campaign, the plugin running, and (optionally) the sample kit saved. */
export async function sampleFile(options: { kit?: boolean } = {}): Promise<{ figma: FakeFigma; master: FakeFrameNode }> {
  const figma = new FakeFigma();
  const master = addSampleCampaign(figma);
  startPlugin(figma, '<p>ui</p>', { now: () => new Date('2026-03-01T10:00:00Z'), clock: { now: () => performance.now(), yieldNow: () => new Promise((resolve) => setImmediate(resolve)) } });
  if (options.kit !== false) await ok(figma, 'saveKit', { json: JSON.stringify(sampleKit) });
  figma.currentPage.selectAsUser([master]);
  return { figma, master };
}
