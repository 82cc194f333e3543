import { describe, expect, it } from 'vitest';
import { auditLayout, planResize, readsBefore, resizeOptionsFromKit } from '../../../shared/src/layout';
import { placeNodes, type CreativeSnapshot, type SnapshotNode, type TextNode } from '../../../shared/src/visual';
import { loadMasters } from './masters';

const masters = loadMasters();
const instanceRow = masters.find((master) => master.name === 'instance-row')!;

/** The master with the layer `id` moved to x, y (relative to its parent). */
function moved(root: CreativeSnapshot, id: string, x: number, y: number): CreativeSnapshot {
  const visit = (node: SnapshotNode): SnapshotNode =>
    node.id === id ? { ...node, x, y } : node.type === 'frame' || node.type === 'group' ? { ...node, children: node.children.map(visit) } : node;
  return { ...root, children: root.children.map(visit) };
}

/** The master with the text `id` set at `size`. */
function resized(root: CreativeSnapshot, id: string, size: number): CreativeSnapshot {
  const visit = (node: SnapshotNode): SnapshotNode =>
    node.id === id && node.type === 'text' ? { ...node, fontSize: size } : node.type === 'frame' || node.type === 'group' ? { ...node, children: node.children.map(visit) } : node;
  return { ...root, children: root.children.map(visit) };
}

const rectOf = (root: CreativeSnapshot, id: string) => placeNodes(root).find((entry) => entry.node.id === id)!.rect;

describe('readsBefore', () => {
  it('reads down the page, and left to right within a row', () => {
    const top = { x: 100, y: 0, width: 50, height: 20 };
    const below = { x: 0, y: 30, width: 200, height: 20 };
    expect(readsBefore(top, below)).toBe(true);
    expect(readsBefore(below, top)).toBe(false);
    const left = { x: 0, y: 10, width: 40, height: 40 };
    const right = { x: 60, y: 20, width: 40, height: 24 };
    expect(readsBefore(left, right)).toBe(true);
    expect(readsBefore(right, left)).toBe(false);
  });

  it('gives no order to a unit above and to the right of one that starts a row', () => {
    // A strip's copy column may start higher than the logo beside it: the logo still reads first.
    const logo = { x: 0, y: 30, width: 80, height: 30 };
    const eyebrow = { x: 100, y: 5, width: 200, height: 14 };
    expect(readsBefore(eyebrow, logo)).toBe(false);
    expect(readsBefore(logo, eyebrow)).toBe(false);
  });

  it('gives overlapping units no order', () => {
    const a = { x: 0, y: 0, width: 100, height: 40 };
    const b = { x: 50, y: 10, width: 100, height: 40 };
    expect(readsBefore(a, b)).toBe(false);
    expect(readsBefore(b, a)).toBe(false);
  });
});

describe('the layout audit on reading order and hierarchy', () => {
  const master = instanceRow.snapshot;

  it('finds nothing on the master itself', () => {
    expect(auditLayout(master, master, { minTextSize: 11 })).toEqual([]);
  });

  it('names a call to action moved ahead of the headline the master reads first', () => {
    // The button moved to the row's start, before the headline (the logo moves out of the way, below).
    const swapped = moved(moved(moved(master, 'i:8', 0, 10), 'i:7', 300, 20), 'i:4', 500, 14);
    const findings = auditLayout(swapped, master, { minTextSize: 11 }).filter((finding) => finding.kind === 'reading-order');
    expect(findings.map((finding) => finding.nodeIds)).toContainEqual(['i:7', 'i:8']);
    expect(findings.find((finding) => finding.nodeIds[0] === 'i:7' && finding.nodeIds[1] === 'i:8')!.message).toMatch(/"#cta" comes before "#headline" at 728×90; the master reads "#headline" first/);
  });

  it('accepts a row turned into a column that keeps the order', () => {
    const column: CreativeSnapshot = {
      ...master,
      width: 300,
      height: 250,
      children: master.children.map((child) =>
        child.type === 'frame' && child.id === 'i:3'
          ? { ...child, x: 20, y: 20, width: 260, height: 210, layoutMode: 'NONE', children: child.children.map((inner, index) => ({ ...inner, x: 0, y: index * 70 })) }
          : { ...child, width: 300, height: 250 },
      ),
    };
    expect(auditLayout(column, master, { minTextSize: 11 }).filter((finding) => finding.kind === 'reading-order')).toEqual([]);
  });

  it('names a call to action label set larger than the headline', () => {
    const louder = resized(master, 'i:8l', 24);
    const findings = auditLayout(louder, master).filter((finding) => finding.kind === 'hierarchy');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ nodeIds: ['i:8l'], nodeName: 'Label' });
    expect(findings[0]!.message).toMatch(/"Label" is 24 px at 728×90, larger than the 20 px headline/);
  });

  it('leaves the logo wordmark out of the hierarchy', () => {
    expect(auditLayout(resized(master, 'i:6', 40), master).filter((finding) => finding.kind === 'hierarchy')).toEqual([]);
  });
});

describe('a horizontal auto-layout instance turned into a column', () => {
  it.each([[300, 250], [336, 280], [300, 600], [160, 600], [1080, 1080], [1080, 1920]])(
    'at %i×%i reads logo, headline, call to action, with the headline the largest text',
    (width, height) => {
      const options = resizeOptionsFromKit(instanceRow.visual, width, height);
      const plan = planResize(instanceRow.snapshot, { width, height }, options);
      expect(plan.flags).toEqual([]);
      expect(plan.audit).toEqual([]);
      const logo = rectOf(plan.snapshot, 'i:4');
      const headline = rectOf(plan.snapshot, 'i:7');
      const cta = rectOf(plan.snapshot, 'i:8');
      expect(logo.y + logo.height).toBeLessThanOrEqual(headline.y);
      expect(headline.y + headline.height).toBeLessThanOrEqual(cta.y);
      const size = (id: string) => (placeNodes(plan.snapshot).find((entry) => entry.node.id === id)!.node as TextNode).fontSize;
      expect(size('i:7')).toBeGreaterThanOrEqual(size('i:8l'));
    },
  );
});
