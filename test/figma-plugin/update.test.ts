import { describe, expect, it } from 'vitest';
import { readRecord } from '../../figma-plugin/src/main/versions';
import { solid, type FakeFrameNode, type FakeShapeNode, type FakeTextNode } from '../../preview/src/figma';
import { ok, rpc, sampleFile } from './harness';

function layer<T = FakeTextNode>(frame: FakeFrameNode, name: string): T {
  const stack: unknown[] = [...frame.children];
  while (stack.length) {
    const next = stack.pop() as { name: string; children?: unknown[] };
    if (next.name === name) return next as T;
    stack.push(...(next.children ?? []));
  }
  throw new Error(name);
}

async function withVersions() {
  const file = await sampleFile();
  const made = await ok(file.figma, 'generateVersions', { sizes: ['300x250', '1080x1350'], copy: { mode: 'rows', rows: [{ variant: 'A', texts: { '#headline': 'Save 30% this spring' } }] } });
  const versions = (made.versions as { id: string }[]).map((version) => file.figma.findById(version.id) as FakeFrameNode);
  return { ...file, versions };
}

describe('versions know their master', () => {
  it('are listed fresh, then stale once the master changes', async () => {
    const { figma, master } = await withVersions();
    const fresh = await ok(figma, 'listVersions', { scope: 'all' });
    expect(fresh.versions.map((version: { stale: boolean }) => version.stale)).toEqual([false, false]);
    layer<FakeShapeNode>(master, '#logo').paint([solid('#3DDC97')]);
    const stale = await ok(figma, 'listVersions', { scope: 'all' });
    expect(stale.versions.map((version: { stale: boolean }) => version.stale)).toEqual([true, true]);
    expect(stale.versions[0]).toMatchObject({ masterName: 'Spring Sale — Master', width: 300, height: 250, variant: 'A', kitVersion: 'Ledgerline@2.1.0' });
  });

  it('moving a version around its section is not a change', async () => {
    const { figma, versions } = await withVersions();
    versions[0]!.place({ x: versions[0]!.x + 500 });
    await ok(figma, 'updateVersions', { scope: 'all' });
    const out = await ok(figma, 'updateVersions', { scope: 'all' });
    expect(out.keptEdits).toEqual([]);
  });
});

describe('update versions from master', () => {
  it('re-applies master changes to untouched layers and keeps layers a person edited', async () => {
    const { figma, master, versions } = await withVersions();
    // The designer recolours the logo and rewrites the body on the master…
    layer<FakeShapeNode>(master, '#logo').paint([solid('#3DDC97')]);
    await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
    layer(master, '#body').write('Books closed in days with Ledgerline.', { fontSize: 28, fills: [solid('#FFFFFF')] });
    // …and someone tweaks the body of the first version by hand.
    const edited = layer(versions[0]!, '#body');
    edited.characters = 'Hand-tuned body copy';
    const steps = figma.undoSteps;
    const out = await ok(figma, 'updateVersions', { scope: 'all' });
    expect(out.updated).toBe(2);
    expect(out.keptEdits).toEqual([`"#body" in "${versions[0]!.name}"`]);
    expect(figma.undoSteps - steps).toBe(1);
    expect(layer(versions[0]!, '#body').characters).toBe('Hand-tuned body copy');
    expect(layer(versions[1]!, '#body').characters).toBe('Books closed in days with Ledgerline.');
    for (const version of versions) expect((layer<FakeShapeNode>(version, '#logo').fills as SolidPaint[])[0]!.color.g).toBeCloseTo(0xdc / 255, 2);
    // The variant's own copy stays the variant's.
    expect(layer(versions[1]!, '#headline').characters).toBe('Save 30% this spring');
    const list = await ok(figma, 'listVersions', { scope: 'all' });
    expect(list.versions.map((version: { stale: boolean }) => version.stale)).toEqual([false, false]);
    // The edit stays protected on the next update too.
    layer(master, '#body').write('Third wording.', { fontSize: 28 });
    await ok(figma, 'updateVersions', { scope: 'all' });
    expect(layer(versions[0]!, '#body').characters).toBe('Hand-tuned body copy');
  });

  it('follows a master resize of a layer at every size', async () => {
    const { figma, master, versions } = await withVersions();
    const logo = layer<FakeShapeNode>(master, '#logo');
    logo.place({ width: 120 });
    await ok(figma, 'updateVersions', { scope: 'all' });
    expect(layer<FakeShapeNode>(versions[1]!, '#logo').width).toBeCloseTo(120, 0);
  });

  it('adds layers that are new in the master, fitted to each version', async () => {
    const { figma, master, versions } = await withVersions();
    const badge = figma.add('RECTANGLE', 'New badge', { x: 900, y: 80, width: 100, height: 100 }, master).paint([solid('#3DDC97')]);
    badge.constraints = { horizontal: 'MAX', vertical: 'MIN' };
    const out = await ok(figma, 'updateVersions', { scope: 'all' });
    expect(out.notices).toContain('Added 1 layer(s) that are new in the master.');
    const small = layer<FakeShapeNode>(versions[0]!, 'New badge');
    expect(small.width).toBeLessThan(100);
    expect(small.x + small.width).toBeLessThanOrEqual(300);
    expect(versions[0]!.children.map((child) => child.name).at(-1)).toBe('New badge');
    // It is part of the version now: the next update keeps it in step, with no second copy.
    const again = await ok(figma, 'updateVersions', { scope: 'all' });
    expect(again.notices).toEqual([]);
    expect(versions[0]!.children.filter((child) => child.name === 'New badge')).toHaveLength(1);
  });

  it('updates a version a designer duplicated in Figma, matching its layers in tree order', async () => {
    const { figma, master, versions } = await withVersions();
    const section = versions[0]!.parent as unknown as { appendChild(node: unknown): void };
    const copy = versions[0]!.clone();
    section.appendChild(copy);
    layer<FakeShapeNode>(master, '#logo').paint([solid('#3DDC97')]);
    const out = await ok(figma, 'updateVersions', { scope: 'all' });
    expect(out.updated).toBe(3);
    expect(out.notices).toEqual([]);
    expect(copy.children).toHaveLength(versions[0]!.children.length);
    expect((layer<FakeShapeNode>(copy, '#logo').fills as SolidPaint[])[0]!.color.g).toBeCloseTo(0xdc / 255, 2);
  });

  it('leaves a duplicated version whose layers changed, and says why', async () => {
    const { figma, versions } = await withVersions();
    const section = versions[0]!.parent as unknown as { appendChild(node: unknown): void };
    const copy = versions[0]!.clone();
    section.appendChild(copy);
    layer<FakeShapeNode>(copy, 'Hero photo').remove();
    const out = await ok(figma, 'updateVersions', { scope: 'all' });
    expect(out.updated).toBe(2);
    expect(out.notices[0]).toMatch(/was copied from a version and then changed/);
  });

  it('removes layers the master no longer has, unless edited', async () => {
    const { figma, master, versions } = await withVersions();
    layer<FakeShapeNode>(master, 'Hero photo').remove();
    await ok(figma, 'updateVersions', { scope: 'all' });
    for (const version of versions) expect(() => layer(version, 'Hero photo')).toThrow();
  });

  it('leaves a locked version alone and says so; updates only the selection when asked', async () => {
    const { figma, master, versions } = await withVersions();
    layer<FakeShapeNode>(master, '#logo').paint([solid('#3DDC97')]);
    versions[0]!.lockAsUser();
    figma.currentPage.selectAsUser([versions[0]!, versions[1]!]);
    const out = await ok(figma, 'updateVersions', { scope: 'selection' });
    expect(out.updated).toBe(1);
    expect(out.keptEdits[0]).toMatch(/locked/);
    expect((layer<FakeShapeNode>(versions[0]!, '#logo').fills as SolidPaint[])[0]!.color.g).toBe(1);
  });

  it('goes on with the other versions when Figma refuses an edit in one, and names it', async () => {
    const { figma, master, versions } = await withVersions();
    layer<FakeShapeNode>(master, '#logo').paint([solid('#3DDC97')]);
    const logo = layer<FakeShapeNode>(versions[0]!, '#logo');
    Object.defineProperty(logo, 'fills', { set: () => { throw new Error('in set_fills: Cannot change this layer'); }, get: () => [solid('#FFFFFF')] });
    const out = await ok(figma, 'updateVersions', { scope: 'all' });
    expect(out.updated).toBe(1);
    expect(out.notices).toContain(`Could not finish updating "${versions[0]!.name}": in set_fills: Cannot change this layer`);
    expect((layer<FakeShapeNode>(versions[1]!, '#logo').fills as SolidPaint[])[0]!.color.g).toBeCloseTo(0xdc / 255, 2);
  });

  it('says when the master is gone, and changes nothing', async () => {
    const { figma, master, versions } = await withVersions();
    master.remove();
    const before = JSON.stringify(readRecord(versions[0]!));
    const out = await rpc(figma, 'updateVersions', { scope: 'all' });
    expect(out).toMatchObject({ ok: true, value: { updated: 0, notices: ['The master "Spring Sale — Master" is gone, so its 2 version(s) were left as they are.'] } });
    expect(JSON.stringify(readRecord(versions[0]!))).toBe(before);
  });

  it('runs from the relaunch button: the UI learns the command', async () => {
    const { figma } = await sampleFile();
    figma.command = 'update';
    const state = await ok(figma, 'getState', {});
    expect(state.command).toBe('update');
  });
});

describe('update from master with a font missing on this machine', () => {
  it('leaves the text layers in that font as they are, names them, and updates the rest', async () => {
    const { figma, master, versions } = await withVersions();
    figma.removeFont({ family: 'Inter', style: 'Semi Bold' });
    layer<FakeShapeNode>(master, '#logo').paint([solid('#3DDC97')]);
    // A teammate who has the font rewrote the button's label.
    layer(master, '#cta').write('Start now', { fontName: { family: 'Inter', style: 'Semi Bold' }, fontSize: 28 });
    const before = versions.map((version) => [layer(version, '#cta').characters, layer(version, '#cta').width, layer(version, '#cta').height]);
    const out = await ok(figma, 'updateVersions', { scope: 'all' });
    expect(out.updated).toBe(2);
    expect(out.notices).toContain('Left "#cta" as it was, copy and size: a font is missing on this machine.');
    expect(versions.map((version) => [layer(version, '#cta').characters, layer(version, '#cta').width, layer(version, '#cta').height])).toEqual(before);
    expect((layer<FakeShapeNode>(versions[0]!, '#logo').fills as SolidPaint[])[0]!.color.g).toBeCloseTo(0xdc / 255, 2);
  });
});
