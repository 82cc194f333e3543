// The Figma plugin on the simulated host: 10 sizes × 5 copy variants (50 versions) from a
// 60-layer master, then the brand check of all 50 and an update of all 50 after the master
// changes. The built code.js runs with `figma`, `__html__` and timers passed in, as the
// preview runs it (a node:vm context would slow every global lookup, such as Math.imul, about 50×,
// which Figma's sandbox does not; the bundle tests cover the sandbox itself). Reports planning time, host calls per version (they must grow with layers ×
// versions, never with the size of the page) and the longest stretch without yielding to Figma.
import type { Figures } from './measure';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSnapshot } from '../../figma-plugin/src/main/snapshot';
// Deep imports keep zod out of this bench's bundle (the runner leaves packages external).
import { planResize } from '../../shared/src/layout/plan';
import type { VisualKit } from '../../shared/src/visual/kit-schema';
import { minTextSizeFor } from '../../shared/src/visual/text-size';
import { FakeFigma, sampleKit, solid, type FakeFrameNode } from '../../preview/src/figma';

const dist = process.env.ONBRAND_DIST ?? 'dist';

const sizes = ['300x250', '728x90', '160x600', '300x600', '320x50', '970x250', '336x280', '1080x1080', '1080x1920', '1200x628'];
const rows = ['A', 'B', 'C', 'D', 'E'].map((variant, index) => ({
  variant,
  locale: 'en',
  texts: { '#headline': `Save ${10 + index * 5}% on every plan this spring`, '#body': 'Close the books in days, not weeks.', '#cta': index % 2 ? 'Start now' : 'Try it free' },
}));

/** A master of 60 layers: the creative's own layers and nine product cards of six layers each. */
function buildMaster(figma: FakeFigma): FakeFrameNode {
  const master = figma.add('FRAME', 'Bench master', { width: 1080, height: 1080 }).paint([solid('#0B1F3A')]);
  figma.add('RECTANGLE', 'Background', { width: 1080, height: 1080 }, master).paint([solid('#0B1F3A')]).constraints = { horizontal: 'STRETCH', vertical: 'STRETCH' };
  figma.add('RECTANGLE', '#logo', { x: 60, y: 60, width: 200, height: 60 }, master).paint([solid('#FFFFFF')]);
  figma.add('TEXT', '#headline', { x: 60, y: 160, width: 900, height: 120 }, master).write('Spring sale: save 30% on every plan', { fontName: { family: 'Inter', style: 'Bold' }, fontSize: 64, fills: [solid('#FFFFFF')] }, [{ start: 18, end: 21, fills: [solid('#3DDC97')] }]);
  figma.add('TEXT', '#body', { x: 60, y: 300, width: 900, height: 60 }, master).write('Close the books in days.', { fontSize: 28, fills: [solid('#FFFFFF')] });
  const cta = figma.add('FRAME', 'CTA', { x: 60, y: 960, width: 300, height: 72 }, master).paint([solid('#3DDC97')]);
  figma.add('TEXT', '#cta', { x: 24, y: 20, width: 252, height: 32 }, cta).write('Start free trial', { fontName: { family: 'Inter', style: 'Semi Bold' }, fontSize: 24, fills: [solid('#0B1F3A')] });
  for (let i = 0; i < 9; i++) {
    const card = figma.add('FRAME', `Card ${i + 1}`, { x: 60 + (i % 3) * 330, y: 400 + Math.floor(i / 3) * 180, width: 300, height: 160 }, master).paint([solid('#FFFFFF')]);
    card.constraints = { horizontal: 'SCALE', vertical: 'SCALE' };
    figma.add('RECTANGLE', 'Photo', { width: 300, height: 80 }, card).paint([{ type: 'IMAGE', scaleMode: 'FILL', imageHash: `card-${i}`, opacity: 1, visible: true, blendMode: 'NORMAL' }]).constraints = { horizontal: 'STRETCH', vertical: 'MIN' };
    figma.add('TEXT', 'Title', { x: 12, y: 88, width: 276, height: 24 }, card).write(`Plan ${i + 1}`, { fontSize: 18, fills: [solid('#0B1F3A')] });
    figma.add('TEXT', 'Price', { x: 12, y: 116, width: 200, height: 20 }, card).write('$12 a month', { fontSize: 14, fills: [solid('#0B1F3A')] });
    figma.add('RECTANGLE', 'Divider', { x: 12, y: 140, width: 276, height: 1 }, card).paint([solid('#3DDC97')]);
    figma.add('ELLIPSE', 'Badge', { x: 260, y: 8, width: 32, height: 32 }, card).paint([solid('#3DDC97')]).constraints = { horizontal: 'MAX', vertical: 'MIN' };
  }
  return master;
}

function countLayers(node: { children?: unknown[] }): number {
  return (node.children ?? []).reduce<number>((sum, child) => sum + 1 + countLayers(child as { children?: unknown[] }), 0);
}

/** Runs the built plugin on a fresh file and generates the matrix; timers are the sandbox's only way to yield. */
async function run(pageClutter: number, sizeList: string[], rowList: typeof rows) {
  const figma = new FakeFigma();
  const master = buildMaster(figma);
  for (let i = 0; i < pageClutter; i++) figma.add('FRAME', `Other ${i}`, { x: 4000 + (i % 20) * 300, y: Math.floor(i / 20) * 300 });
  // The longest stretch is the longest time the plugin held the thread between two turns it gave
  // back. Wall time overstates it when other processes share the CPU, and process CPU time
  // overstates it by V8's background threads (compiler, GC); both bound the thread's own time from
  // above, so each stretch counts the smaller of the two. The wall-clock figure is reported too.
  const cpuMs = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  let last = { cpu: cpuMs(), wall: performance.now() };
  let longest = 0;
  let longestWall = 0;
  const mark = () => ({ cpu: cpuMs(), wall: performance.now() });
  const close = () => {
    const now = mark();
    longest = Math.max(longest, Math.min(now.cpu - last.cpu, now.wall - last.wall));
    longestWall = Math.max(longestWall, now.wall - last.wall);
  };
  const yielding = (callback: () => void, ms?: number) => {
    close();
    return setTimeout(() => {
      last = mark();
      callback();
    }, ms);
  };
  new Function('figma', '__html__', 'setTimeout', readFileSync(join(dist, 'figma-plugin/code.js'), 'utf8'))(figma, '', yielding);
  const call = async (id: number, endpoint: string, input: unknown) => {
    figma.ui.deliver({ kind: 'rpc-request', id, endpoint, input });
    for (;;) {
      const answer = figma.ui.outbox.find((message) => (message as { id?: number }).id === id && (message as { kind: string }).kind === 'rpc-response') as { result: { ok: boolean; value: { versions: unknown[] } } } | undefined;
      if (answer) return answer.result;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  let nextId = 1;
  /** One operation, timed on its own: its duration and its longest stretches. */
  const timed = async (endpoint: string, input: unknown) => {
    longest = 0;
    longestWall = 0;
    const started = performance.now();
    last = mark();
    const result = await call(nextId++, endpoint, input);
    close();
    if (!result.ok) throw new Error(`${endpoint} failed: ${JSON.stringify(result)}`);
    return { result: result.value, ms: performance.now() - started, longest, longestWall };
  };
  await call(nextId++, 'saveKit', { json: JSON.stringify(sampleKit) });
  figma.currentPage.selectAsUser([master]);
  figma.calls.reset();
  const generated = await timed('generateVersions', { sizes: sizeList, copy: { mode: 'rows', rows: rowList } });
  // Progress messages to the UI depend on timing, so they are left out of the comparison.
  const calls = figma.calls.total() - figma.calls.count('ui.postMessage');
  const followUp = async () => {
    const check = await timed('checkBrand', { scope: 'versions' });
    // The designer changes the master; every version is stale and is brought up to date.
    master.children.find((child) => child.name === '#logo')!.paint([solid('#3DDC97')]);
    const update = await timed('updateVersions', { scope: 'all' });
    return { check, update };
  };
  return { figma, master, ms: generated.ms, calls, versions: generated.result.versions.length, longest: generated.longest, longestWall: generated.longestWall, followUp };
}

/** Figures for `npm run bench`. */
export async function benchFigma(): Promise<Figures> {
  const full = await run(0, sizes, rows);
  const layers = countLayers(full.master);
  const { check, update } = await full.followUp();
  const small = await run(0, sizes.slice(0, 1), rows.slice(0, 1));
  const cluttered = await run(400, sizes, rows);

  // Planning alone (the layout core on the master's snapshot): every version of the matrix, median of five runs.
  const visual = { ...sampleKit.visual, minTextSize: { ...sampleKit.visual.minTextSize, formats: [] } } as unknown as VisualKit;
  const snapshot = readSnapshot(full.master, full.figma.mixed);
  const samples: number[] = [];
  for (let runIndex = 0; runIndex < 5; runIndex++) {
    const started = performance.now();
    for (const size of sizes) {
      const [width, height] = size.split('x').map(Number) as [number, number];
      const minTextSize = minTextSizeFor(visual, width, height);
      for (let variant = 0; variant < rows.length; variant++) planResize(snapshot, { width, height }, { ...(minTextSize ? { minTextSize } : {}), logoClearSpace: 0.25 });
    }
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);

  const perVersion = full.calls / full.versions;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    figmaMasterLayers: layers,
    figmaVersions: full.versions,
    figmaPlanningMs: round(samples[2]!),
    figmaGenerateMs: round(full.ms),
    figmaHostCallsPerVersion: round(perVersion),
    figmaHostCallsPerVersionPerLayer: round(perVersion / layers),
    // Per-version cost at 50 versions over its cost at 1: about 1 means calls grow as layers × versions.
    figmaHostCallsGrowth: round(perVersion / small.calls),
    // Extra calls when the page holds 400 unrelated frames: 0 means no walk of the page.
    figmaPageWalkCalls: cluttered.calls - full.calls,
    figmaLongestStretchMs: round(full.longest),
    figmaLongestStretchWallMs: round(full.longestWall),
    figmaCheckAllMs: round(check.ms),
    figmaCheckLongestStretchMs: round(check.longest),
    figmaUpdateAllMs: round(update.ms),
    figmaUpdateLongestStretchMs: round(update.longest),
    budgets: [
      ['figmaLongestStretchMs', '≤', 50],
      ['figmaCheckLongestStretchMs', '≤', 50],
      ['figmaUpdateLongestStretchMs', '≤', 50],
      ['figmaHostCallsGrowth', '≤', 1.1],
      ['figmaPageWalkCalls', '≤', 0],
    ],
  };
}
