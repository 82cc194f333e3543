import { describe, expect, it } from 'vitest';
import { placeOnAxis, planByConstraints } from '../../../shared/src/layout';
import type { SnapshotNode } from '../../../shared/src/visual';
import { frame, group, rect, snapshot } from '../../fixtures/snapshots/build';

const child = (plan: { snapshot: { children: SnapshotNode[] } }, index = 0) => plan.snapshot.children[index]!;

describe('constraints (as Figma resize applies them)', () => {
  // A 100×60 box at (50, 40) in a 400×300 frame; the frame grows to 600 wide, then to 450 tall.
  it.each([
    ['MIN', 50, 100],
    ['MAX', 250, 100],
    ['CENTER', 150, 100],
    ['STRETCH', 50, 300],
    ['SCALE', 75, 150],
  ] as const)('horizontal %s puts the box at x=%i, width %i', (horizontal, x, width) => {
    const master = snapshot(frame('root', [0, 0, 400, 300], [rect('box', [50, 40, 100, 60], '#0B1F3A', { constraints: { horizontal, vertical: 'MIN' } })]));
    const plan = planByConstraints(master, { width: 600, height: 300 });
    expect(plan.mode).toBe('constraints');
    expect(child(plan)).toMatchObject({ x, width, y: 40, height: 60 });
  });

  it.each([
    ['MIN', 40, 60],
    ['MAX', 190, 60],
    ['CENTER', 115, 60],
    ['STRETCH', 40, 210],
    ['SCALE', 60, 90],
  ] as const)('vertical %s puts the box at y=%i, height %i', (vertical, y, height) => {
    const master = snapshot(frame('root', [0, 0, 400, 300], [rect('box', [50, 40, 100, 60], '#0B1F3A', { constraints: { horizontal: 'MIN', vertical } })]));
    const plan = planByConstraints(master, { width: 400, height: 450 });
    expect(child(plan)).toMatchObject({ y, height, x: 50, width: 100 });
  });

  it('is the identity at the master size', () => {
    const master = snapshot(frame('root', [0, 0, 400, 300], [rect('box', [50, 40, 100, 60], '#0B1F3A', { constraints: { horizontal: 'STRETCH', vertical: 'SCALE' } })]));
    expect(planByConstraints(master, { width: 400, height: 300 }).snapshot).toEqual(master);
  });

  it('leaves the master untouched', () => {
    const master = snapshot(frame('root', [0, 0, 400, 300], [rect('box', [50, 40, 100, 60], '#0B1F3A', { constraints: { horizontal: 'STRETCH', vertical: 'MIN' } })]));
    const copy = structuredClone(master);
    planByConstraints(master, { width: 728, height: 90 });
    expect(master).toEqual(copy);
  });

  it('passes a group\'s constraints to its children, then fits the group around them', () => {
    const master = snapshot(
      frame('root', [0, 0, 400, 300], [
        group('pair', [40, 40, 150, 50], [
          rect('left', [0, 0, 50, 50], '#0B1F3A', { constraints: { horizontal: 'MIN', vertical: 'MIN' } }),
          rect('right', [100, 0, 50, 50], '#0B1F3A', { constraints: { horizontal: 'MAX', vertical: 'MIN' } }),
        ]),
      ]),
    );
    const pair = child(planByConstraints(master, { width: 600, height: 300 }));
    expect(pair).toMatchObject({ type: 'group', x: 40, y: 40, width: 350, height: 50 });
    if (pair.type !== 'group') return;
    expect(pair.children.map((node) => node.x)).toEqual([0, 300]);
  });

  it('recurses into nested frames with their own constraints', () => {
    const master = snapshot(
      frame('root', [0, 0, 400, 300], [
        frame('card', [20, 20, 360, 100], [rect('badge', [300, 10, 40, 40], '#14B8A6', { constraints: { horizontal: 'MAX', vertical: 'CENTER' } })], {
          constraints: { horizontal: 'STRETCH', vertical: 'MIN' },
        }),
      ]),
    );
    const card = child(planByConstraints(master, { width: 600, height: 300 }));
    expect(card).toMatchObject({ width: 560, x: 20 });
    if (card.type !== 'frame') return;
    expect(card.children[0]).toMatchObject({ x: 500, y: 10 });
  });
});

describe('placeOnAxis with a scale', () => {
  it('scales margins and sizes, then re-anchors: MAX keeps the scaled end margin', () => {
    // 1080 → 728 with content at 1/12: a 100 px box 80 px from the right edge.
    const max = placeOnAxis('MAX', 900, 100, 1080, 728, 1 / 12);
    expect(max.start).toBeCloseTo(728 - 80 / 12 - 100 / 12, 9);
    expect(max.size).toBeCloseTo(100 / 12, 9);
    expect(placeOnAxis('CENTER', 490, 100, 1080, 728, 0.5)).toEqual({ start: 364 - 25, size: 50 });
    expect(placeOnAxis('STRETCH', 0, 1080, 1080, 728, 1 / 12)).toEqual({ start: 0, size: 728 });
    expect(placeOnAxis('SCALE', 540, 108, 1080, 728, 1 / 12)).toEqual({ start: 364, size: 72.8 });
  });
});

describe('choosing between constraints and scale-to-fit', () => {
  const master = snapshot(frame('root', [0, 0, 1080, 1080], [rect('box', [100, 100, 200, 200], '#0B1F3A')]));

  it.each([
    [1080, 1350, 'constraints', 1], // 1.25× taller: close to the master
    [1200, 1200, 'constraints', 1], // 1.11× larger
    [1200, 628, 'fit', 628 / 1080], // aspect change 1.91× > 1.5
    [300, 250, 'fit', 250 / 1080], // a quarter of the size
    [2160, 2160, 'fit', 2], // twice the size
  ] as const)('%i×%i uses %s at scale %d', (width, height, mode, scale) => {
    const plan = planByConstraints(master, { width, height });
    expect(plan.mode).toBe(mode);
    expect(plan.scale).toBeCloseTo(scale, 9);
  });

  it('takes a custom aspect threshold', () => {
    expect(planByConstraints(master, { width: 1080, height: 1350 }, { aspectThreshold: 1.1 }).mode).toBe('fit');
  });
});
