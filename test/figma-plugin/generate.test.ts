import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../figma-plugin/src/main/snapshot';
import { readRecord } from '../../figma-plugin/src/main/versions';
import type { FakeFrameNode, FakeSectionNode, FakeTextNode } from '../../preview/src/figma';
import { ok, sampleFile } from './harness';

const rows = [
  { variant: 'A', locale: 'en', texts: { '#headline': 'Get 30% off this spring', '#cta': 'Try it free' } },
  { variant: 'B', locale: 'de', texts: { '#headline': 'Jetzt 30% sparen', '#cta': 'Testen' } },
];

function sectionOf(figma: Awaited<ReturnType<typeof sampleFile>>['figma']): FakeSectionNode {
  return figma.currentPage.children.find((node) => node.type === 'SECTION') as FakeSectionNode;
}

function find(node: FakeFrameNode, name: string): FakeTextNode {
  const stack: unknown[] = [...node.children];
  while (stack.length) {
    const next = stack.pop() as { name: string; children?: unknown[] };
    if (next.name === name) return next as unknown as FakeTextNode;
    stack.push(...(next.children ?? []));
  }
  throw new Error(`no layer ${name}`);
}

describe('generating versions from a master', () => {
  it('makes sizes × variants × locales in a section beside the master, in a grid, and never changes the master', async () => {
    const { figma, master } = await sampleFile();
    const before = JSON.stringify(readSnapshot(master, figma.mixed));
    const out = await ok(figma, 'generateVersions', { sizes: ['300x250', '728x90', '1080x1920'], copy: { mode: 'rows', rows } });
    expect(out.versions.map((version: { name: string }) => version.name)).toEqual([
      'Spring Sale — Master/300x250/A/en',
      'Spring Sale — Master/300x250/B/de',
      'Spring Sale — Master/728x90/A/en',
      'Spring Sale — Master/728x90/B/de',
      'Spring Sale — Master/1080x1920/A/en',
      'Spring Sale — Master/1080x1920/B/de',
    ]);
    expect(JSON.stringify(readSnapshot(master, figma.mixed))).toBe(before);
    const section = sectionOf(figma);
    expect(section.x).toBeGreaterThanOrEqual(master.x + master.width);
    const boxes = section.children.map((child) => ({ x: child.x, y: child.y, w: child.width, h: child.height }));
    expect(boxes.map((box) => `${box.w}x${box.h}`)).toEqual(['300x250', '300x250', '728x90', '728x90', '1080x1920', '1080x1920']);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
    for (const box of boxes) expect(box.x + box.w).toBeLessThanOrEqual(section.width);
  });

  it('records master, size, variant, locale, kit version and provenance in each version, with a relaunch button', async () => {
    const { figma, master } = await sampleFile();
    const out = await ok(figma, 'generateVersions', { sizes: ['728x90'], copy: { mode: 'rows', rows: rows.slice(1), source: 'csv' } });
    const version = figma.findById(out.versions[0].id) as FakeFrameNode;
    const record = readRecord(version)!;
    expect(record).toMatchObject({ masterId: master.id, width: 728, height: 90, variant: 'B', locale: 'de', kitVersion: 'Ledgerline@2.1.0', provenance: { source: 'csv', aiGenerated: false } });
    expect(Object.keys(record.layers)).toHaveLength(10);
    expect(version.relaunchData).toHaveProperty('update');
    expect(find(version, '#headline').characters).toBe('Jetzt 30% sparen');
    expect(find(version, '#body').characters).toBe(find(master, '#body').characters);
  });

  it('keeps the styled run (mint, linked "30%") where its words land in the new copy', async () => {
    const { figma } = await sampleFile();
    const out = await ok(figma, 'generateVersions', { sizes: ['1080x1350'], copy: { mode: 'rows', rows: rows.slice(0, 1) } });
    const headline = find(figma.findById(out.versions[0].id) as FakeFrameNode, '#headline');
    const runs = headline.getStyledTextSegments(['fills', 'hyperlink']);
    const mint = runs.find((run) => run.hyperlink);
    expect(mint?.characters).toBe('30%');
    expect((mint!.fills![0] as SolidPaint).color.g).toBeCloseTo(0xdc / 255, 2);
  });

  it('scales auto-layout spacing and leaves placing its flow children to Figma', async () => {
    const { figma, master } = await sampleFile();
    const button = master.children.find((child) => child.name === 'CTA button') as FakeFrameNode;
    button.autoLayout('HORIZONTAL', { paddingLeft: 32, paddingRight: 32, paddingTop: 26, paddingBottom: 26, itemSpacing: 8 }, { counterAxisAlignItems: 'CENTER' });
    const out = await ok(figma, 'generateVersions', { sizes: ['300x250'], copy: { mode: 'master' } });
    const version = figma.findById(out.versions[0].id) as FakeFrameNode;
    const scaled = version.children.find((child) => child.name === 'CTA button') as FakeFrameNode;
    expect(scaled.paddingLeft).toBeLessThan(32);
    expect(scaled.paddingLeft).toBeGreaterThan(0);
    // The plugin never moves a flow child; Figma's reflow puts it at the new padding.
    const label = scaled.children[0]!;
    expect(label.x).toBe(scaled.paddingLeft);
    expect(label.y).toBeCloseTo((scaled.height - label.height) / 2, 5);
    expect(out.versions[0].actions.join(' ')).toMatch(/Reflowed the auto-layout frame "CTA button"/);
  });

  it('keeps a smaller run smaller through the swap and the resize', async () => {
    const { figma, master } = await sampleFile();
    find(master, '#headline').write('NEW Spring sale', { fontName: { family: 'Inter', style: 'Bold' }, fontSize: 64 }, [{ start: 0, end: 3, fontSize: 32 }]);
    const out = await ok(figma, 'generateVersions', { sizes: ['1080x1350'], copy: { mode: 'rows', rows: [{ variant: 'A', texts: { '#headline': 'Summer sale, NEW plans' } }] } });
    const headline = find(figma.findById(out.versions[0].id) as FakeFrameNode, '#headline');
    const sizes = headline.getStyledTextSegments(['fontSize']).map((run) => [run.characters, run.fontSize]);
    expect(sizes).toHaveLength(3);
    expect(sizes[1]![0]).toBe('NEW');
    expect(sizes[1]![1]).toBeCloseTo((sizes[0]![1] as number) / 2, 1);
  });

  it('flags a styled run whose words are gone instead of painting other words', async () => {
    const { figma } = await sampleFile();
    const out = await ok(figma, 'generateVersions', { sizes: ['1080x1350'], copy: { mode: 'rows', rows: [{ variant: 'C', texts: { '#headline': 'Books closed in days' } }] } });
    expect(out.versions[0].flags.map((flag: { kind: string }) => flag.kind)).toContain('style-dropped');
    const headline = find(figma.findById(out.versions[0].id) as FakeFrameNode, '#headline');
    expect(headline.getStyledTextSegments(['fills', 'hyperlink'])).toHaveLength(1);
  });

  it('raises small text to the kit minimum and explains each step, flagging what does not fit', async () => {
    const { figma } = await sampleFile();
    const out = await ok(figma, 'generateVersions', { sizes: ['300x250'], copy: { mode: 'master' } });
    const version = out.versions[0];
    expect(version.name).toBe('Spring Sale — Master/300x250');
    expect(version.actions.join(' ')).toMatch(/scaled uniformly/);
    expect(version.actions.join(' ')).toMatch(/Raised "Legal line"/);
    const legal = find(figma.findById(version.id) as FakeFrameNode, 'Legal line');
    expect(legal.fontSize).toBeGreaterThanOrEqual(12);
  });

  it('loads every font of a mixed-font layer before editing, once per font', async () => {
    const { figma } = await sampleFile();
    figma.calls.reset();
    await ok(figma, 'generateVersions', { sizes: ['300x250', '728x90'], copy: { mode: 'rows', rows } });
    // Inter Bold, Inter Regular, Inter Semi Bold: each loaded once for the whole batch.
    expect(figma.calls.count('loadFontAsync')).toBe(3);
  });

  it('neither edits nor resizes a layer whose font is missing, and names it, still resizing the rest', async () => {
    const { figma } = await sampleFile();
    figma.removeFont({ family: 'Inter', style: 'Semi Bold' });
    const out = await ok(figma, 'generateVersions', { sizes: ['728x90'], copy: { mode: 'rows', rows: rows.slice(0, 1) } });
    expect(out.skippedFonts).toEqual(['#cta']);
    expect(out.notices.join(' ')).toMatch(/"#cta".*font is missing/);
    expect(out.notices.join(' ')).not.toMatch(/Could not make/);
    const version = figma.findById(out.versions[0].id) as FakeFrameNode;
    expect(find(version, '#cta').characters).toBe('Start free trial');
    expect([find(version, '#cta').width, find(version, '#cta').height]).toEqual([256, 36]);
    expect(find(version, '#headline').characters).toBe('Get 30% off this spring');
  });

  it('makes one undo step per operation and reports with figma.notify', async () => {
    const { figma } = await sampleFile();
    const steps = figma.undoSteps;
    await ok(figma, 'generateVersions', { sizes: ['300x250', '728x90'], copy: { mode: 'master' } });
    expect(figma.undoSteps - steps).toBe(1);
    expect(figma.notifications.at(-1)).toMatch(/^Made 2 versions/);
  });

  it('adds a second run to the same section and keeps the grid tidy', async () => {
    const { figma } = await sampleFile();
    await ok(figma, 'generateVersions', { sizes: ['300x250'], copy: { mode: 'master' } });
    await ok(figma, 'generateVersions', { sizes: ['160x600'], copy: { mode: 'master' } });
    expect(figma.currentPage.children.filter((node) => node.type === 'SECTION')).toHaveLength(1);
    expect(sectionOf(figma).children.map((child) => child.name)).toEqual(['Spring Sale — Master/300x250', 'Spring Sale — Master/160x600']);
  });

  it("never sets a font size under Figma's 1 px floor, even with no kit minimum", async () => {
    const { figma } = await sampleFile({ kit: false });
    const out = await ok(figma, 'generateVersions', { sizes: ['728x90'], copy: { mode: 'master' } });
    expect(out.notices).toEqual([]);
    const legal = find(figma.findById(out.versions[0].id) as FakeFrameNode, 'Legal line');
    expect(legal.fontSize).toBe(1);
  });

  it('stops between versions on Cancel, keeps what was made as one undo step, and says so', async () => {
    const { FakeFigma, addSampleCampaign, sampleKit } = await import('../../preview/src/figma');
    const { startPlugin } = await import('../../figma-plugin/src/main/plugin');
    const figma = new FakeFigma();
    const master = addSampleCampaign(figma);
    // A clock where every item uses up its slice, so the batch yields after each one.
    let now = 0;
    startPlugin(figma, '', { clock: { now: () => (now += 30), yieldNow: () => new Promise((resolve) => setImmediate(resolve)) } });
    await ok(figma, 'saveKit', { json: JSON.stringify(sampleKit) });
    figma.currentPage.selectAsUser([master]);
    const steps = figma.undoSteps;
    const running = ok(figma, 'generateVersions', { sizes: ['300x250', '728x90', '160x600', '300x600', '320x50', '970x250'], copy: { mode: 'master' } });
    while (!figma.ui.outbox.some((message) => (message as { name?: string; payload?: { done: number } }).name === 'progress' && (message as { payload: { done: number } }).payload.done >= 1))
      await new Promise((resolve) => setImmediate(resolve));
    expect(await ok(figma, 'cancel', {})).toEqual({ cancelled: true });
    const out = await running;
    expect(out.cancelled).toBe(true);
    expect(out.versions.length).toBeGreaterThan(0);
    expect(out.versions.length).toBeLessThan(6);
    expect(figma.undoSteps - steps).toBe(1);
    expect(figma.notifications.at(-1)).toMatch(/^Cancelled\. Made \d versions?(, \d with flags to review)?\. Undo removes them\.$/);
  });

  it('names versions with a custom template', async () => {
    const { figma } = await sampleFile();
    const out = await ok(figma, 'generateVersions', { sizes: ['320x50'], copy: { mode: 'rows', rows: rows.slice(0, 1) }, nameTemplate: '{locale}-{size}-{variant}' });
    expect(out.versions[0].name).toBe('en-320x50-A');
  });

  it('costs host calls in proportion to layers × versions, with no walk of the page', async () => {
    const { figma } = await sampleFile();
    for (let i = 0; i < 40; i++) figma.add('FRAME', `Other ${i}`, { x: 3000 + i * 200, y: 2000 });
    figma.calls.reset();
    await ok(figma, 'generateVersions', { sizes: ['300x250'], copy: { mode: 'rows', rows: rows.slice(0, 1) } });
    const one = figma.calls.total();
    figma.calls.reset();
    await ok(figma, 'generateVersions', { sizes: ['300x250', '728x90', '160x600', '970x250'], copy: { mode: 'rows', rows } });
    const eight = figma.calls.total();
    // Eight versions cost about eight times one, plus a small fixed part (the master is read once).
    expect(eight).toBeLessThan(one * 8.5);
    expect(eight).toBeGreaterThan(one * 4);
  });
});
