import { describe, expect, it } from 'vitest';
import { readRecord } from '../../figma-plugin/src/main/versions';
import { FakeComponentNode, FakeFigma, FakeInstanceNode, solid, type FakeFrameNode, type FakeTextNode } from '../../preview/src/figma';
import { instanceParentError, instanceRemovalError } from '../../preview/src/figma/fake-nodes';
import { ok, sampleFile } from './harness';

function componentWithInstance() {
  const figma = new FakeFigma();
  const component = figma.add('COMPONENT', 'Badge', { width: 120, height: 40 });
  figma.add('TEXT', 'Label', { x: 8, y: 8, width: 100, height: 24 }, component).write('New');
  const instance = component.createInstance();
  return { figma, component, instance };
}

describe('the fake figma: components and instances', () => {
  it('makes an instance with copies of the main component’s layers, linked to it', async () => {
    const { figma, component, instance } = componentWithInstance();
    expect(instance).toBeInstanceOf(FakeInstanceNode);
    expect(instance.type).toBe('INSTANCE');
    expect([instance.width, instance.height, instance.parent]).toEqual([120, 40, figma.currentPage]);
    expect(instance.children.map((child) => child.name)).toEqual(['Label']);
    expect(instance.children[0]!.id).not.toBe(component.children[0]!.id);
    expect(await instance.getMainComponentAsync()).toBe(component);
  });

  it('clones a component into a new main component', () => {
    const { component } = componentWithInstance();
    const copy = component.clone();
    expect(copy).toBeInstanceOf(FakeComponentNode);
    expect(copy.type).toBe('COMPONENT');
    expect(copy.id).not.toBe(component.id);
  });

  it('clones a frame holding a main component with an instance of it in its place', async () => {
    const figma = new FakeFigma();
    const frame = figma.add('FRAME', 'Card', { width: 300, height: 200 });
    const badge = figma.add('COMPONENT', 'Badge', { width: 120, height: 40 }, frame);
    const copy = frame.clone();
    const inCopy = copy.children[0] as FakeInstanceNode;
    expect(inCopy.type).toBe('INSTANCE');
    expect(await inCopy.getMainComponentAsync()).toBe(badge);
  });

  it("refuses to add, move out or remove an instance's layers, with Figma's messages", () => {
    const { figma, instance } = componentWithInstance();
    const loose = figma.add('RECTANGLE', 'Loose');
    const label = instance.children[0]!;
    expect(() => instance.appendChild(loose)).toThrow(`in appendChild: ${instanceParentError}`);
    expect(() => instance.insertChild(0, loose)).toThrow(`in insertChild: ${instanceParentError}`);
    expect(() => label.remove()).toThrow(instanceRemovalError);
    expect(() => figma.currentPage.appendChild(label)).toThrow(/Cannot move node/);
    expect(label.removed).toBe(false);
    expect(loose.parent).toBe(figma.currentPage);
    // The instance itself can go.
    instance.remove();
    expect(instance.removed).toBe(true);
  });

  it('detaches the instances around a nested instance first, as Figma does', () => {
    const figma = new FakeFigma();
    const icon = figma.add('COMPONENT', 'Icon', { width: 20, height: 20 });
    const card = figma.add('COMPONENT', 'Card', { width: 200, height: 100 });
    card.appendChild(icon.createInstance());
    const outer = card.createInstance();
    const inner = outer.children[0] as FakeInstanceNode;
    const frame = inner.detachInstance();
    expect(outer.removed).toBe(true);
    expect(frame.type).toBe('FRAME');
    const holder = frame.parent as FakeFrameNode;
    expect([holder.type, holder.name, holder.parent]).toEqual(['FRAME', 'Card', figma.currentPage]);
    expect(figma.calls.count('detachInstance')).toBe(1);
  });

  it('detaches an instance into a plain frame in its place, whose layers can change', () => {
    const { figma, instance } = componentWithInstance();
    const at = figma.currentPage.children.indexOf(instance);
    const frame = instance.detachInstance();
    expect(frame.type).toBe('FRAME');
    expect(figma.currentPage.children[at]).toBe(frame);
    expect(instance.removed).toBe(true);
    frame.children[0]!.remove();
    expect(frame.children).toEqual([]);
    expect(figma.calls.count('detachInstance')).toBe(1);
  });
});

describe('update from master with instances in the creative', () => {
  async function withInstance() {
    const { figma, master } = await sampleFile();
    const badge = figma.add('INSTANCE', 'Badge', { x: 700, y: 80, width: 200, height: 80 }, master);
    figma.add('RECTANGLE', 'Dot', { x: 10, y: 10, width: 20, height: 20 }, badge).paint([solid('#3DDC97')]);
    const made = await ok(figma, 'generateVersions', { sizes: ['300x250', '1080x1350'], copy: { mode: 'rows', rows: [{ variant: 'A', texts: { '#headline': 'Save 30% this spring' } }] } });
    const versions = (made.versions as { id: string }[]).map((version) => figma.findById(version.id) as FakeFrameNode);
    return { figma, master, badge, versions };
  }

  it('leaves additions and removals inside an instance to its main component, says so, and still records the update', async () => {
    const { figma, master, badge, versions } = await withInstance();
    // The main component changed: Figma gives every instance a new layer and takes one away…
    figma.add('RECTANGLE', 'Star', { x: 40, y: 10, width: 20, height: 20 }, badge);
    const dot = badge.children.find((child) => child.name === 'Dot')!;
    dot.detach();
    dot.markRemovedTree();
    // …and the designer rewrote the headline.
    await figma.loadFontAsync({ family: 'Inter', style: 'Bold' });
    (master.children.find((child) => child.name === 'Copy') as unknown as { children: FakeTextNode[] }).children[0]!.characters = 'Spring prices, 30% off';
    const out = await ok(figma, 'updateVersions', { scope: 'all' });
    expect(out.updated).toBe(2);
    expect(out.notices.some((notice: string) => notice.startsWith('Could not finish'))).toBe(false);
    expect(out.notices).toContain('Left 2 layer(s) new in the master out of instances ("Badge"): an instance takes its layers from its main component.');
    expect(out.notices).toContain('Kept 2 layer(s) the master no longer has inside instances ("Badge"): an instance takes its layers from its main component.');
    for (const version of versions) expect(readRecord(version)!.updatedAt).toBe('2026-03-01T10:00:00.000Z');
    // Each version's "What changed" says what its instance kept.
    expect(out.versions[0].actions).toEqual(
      expect.arrayContaining([
        'Left 1 layer(s) new in the master out of the instance "Badge": its main component decides its layers.',
        'Kept 1 layer(s) the master no longer has in the instance "Badge": its main component decides its layers.',
      ]),
    );
    // The record was saved: the headline the plugin rewrote is not mistaken for a person's edit.
    const again = await ok(figma, 'updateVersions', { scope: 'all' });
    expect(again.keptEdits).toEqual([]);
  });
});

describe('a component as the master', () => {
  it('makes versions that are plain frames, not new main components, and says so', async () => {
    const { figma } = await sampleFile();
    const card = figma.add('COMPONENT', 'Card', { x: 0, y: 2000, width: 600, height: 600 });
    figma.add('TEXT', '#headline', { x: 40, y: 40, width: 500, height: 80 }, card).write('Hello', { fontSize: 40 });
    figma.currentPage.selectAsUser([card]);
    const made = await ok(figma, 'generateVersions', { sizes: ['300x250'], copy: { mode: 'master' } });
    const version = figma.findById(made.versions[0].id)!;
    expect(version.type).toBe('FRAME');
    expect(made.notices).toContain('"Card" is a component: its versions are plain frames detached from it, so they add no components to the file.');
    expect(readRecord(version)).toMatchObject({ masterId: card.id });
  });
});
