import { describe, expect, it } from 'vitest';
import { planByConstraints } from '../../../shared/src/layout';
import type { FrameNode } from '../../../shared/src/visual';
import { frame, rect, snapshot } from '../../fixtures/snapshots/build';

const stack = (extra: Record<string, unknown>, children: Record<string, unknown>[]) =>
  snapshot(
    frame('root', [0, 0, 400, 300], [
      frame('stack', [50, 100, 300, 60], children, {
        layoutMode: 'HORIZONTAL',
        paddingLeft: 10,
        paddingRight: 10,
        paddingTop: 10,
        paddingBottom: 10,
        itemSpacing: 10,
        counterAxisAlignItems: 'CENTER',
        constraints: { horizontal: 'STRETCH', vertical: 'MIN' },
        ...extra,
      }),
    ]),
  );
const stackOf = (master: FrameNode, width: number, height = 300) => planByConstraints(master, { width, height }).snapshot.children[0] as FrameNode;

describe('auto layout', () => {
  const three = [
    rect('a', [10, 10, 50, 40], '#0B1F3A'),
    rect('b', [70, 20, 160, 20], '#14B8A6', { layoutGrow: 1, layoutAlign: 'STRETCH' }),
    rect('c', [240, 10, 50, 40], '#0B1F3A'),
  ];

  it('gives the room a stretched frame gains to the growing child, keeping padding and spacing', () => {
    const out = stackOf(stack({}, three), 600);
    expect(out.width).toBe(500);
    expect(out.children.map((c) => [c.x, c.width])).toEqual([[10, 50], [70, 360], [440, 50]]);
    // layoutAlign STRETCH fills the counter axis inside the padding.
    expect(out.children[1]).toMatchObject({ y: 10, height: 40 });
  });

  it('understands layoutSizing FILL the same way as grow and stretch', () => {
    const fill = [three[0]!, { ...three[1]!, layoutGrow: undefined, layoutAlign: undefined, layoutSizingHorizontal: 'FILL', layoutSizingVertical: 'FILL' }, three[2]!];
    expect(stackOf(stack({}, fill), 600).children[1]).toMatchObject({ width: 360, height: 40 });
  });

  it.each([
    ['MIN', [10, 70, 130]],
    ['CENTER', [165, 225, 285]],
    ['MAX', [320, 380, 440]],
    ['SPACE_BETWEEN', [10, 225, 440]],
    ['SPACE_AROUND', [65, 225, 385]],
    ['SPACE_EVENLY', [92.5, 225, 357.5]],
  ] as const)('aligns fixed children along the main axis (480 px inside the padding): %s', (primaryAxisAlignItems, xs) => {
    const fixed = [rect('a', [0, 0, 50, 40], '#0B1F3A'), rect('b', [0, 0, 50, 40], '#0B1F3A'), rect('c', [0, 0, 50, 40], '#0B1F3A')];
    expect(stackOf(stack({ primaryAxisAlignItems }, fixed), 600).children.map((c) => c.x)).toEqual(xs);
  });

  it('hugs its content when the main axis is AUTO', () => {
    const hug = stack({ primaryAxisSizingMode: 'AUTO', counterAxisSizingMode: 'AUTO' }, [rect('a', [0, 0, 50, 40], '#0B1F3A'), rect('b', [0, 0, 80, 20], '#0B1F3A')]);
    const out = stackOf(hug, 600);
    expect(out).toMatchObject({ width: 10 + 50 + 10 + 80 + 10, height: 60 });
    expect(out.children[1]).toMatchObject({ x: 70, y: 20 });
  });

  it('stacks top to bottom when vertical, and lets ABSOLUTE children follow their constraints', () => {
    const vertical = snapshot(
      frame('root', [0, 0, 400, 300], [
        frame('column', [0, 0, 400, 300], [
          rect('top', [0, 0, 100, 50], '#0B1F3A'),
          rect('fill', [0, 0, 100, 50], '#0B1F3A', { layoutGrow: 1 }),
          rect('pin', [380, 280, 20, 20], '#14B8A6', { layoutPositioning: 'ABSOLUTE', constraints: { horizontal: 'MAX', vertical: 'MAX' } }),
        ], { layoutMode: 'VERTICAL', itemSpacing: 20, constraints: { horizontal: 'STRETCH', vertical: 'STRETCH' } }),
      ]),
    );
    const column = planByConstraints(vertical, { width: 400, height: 450 }).snapshot.children[0] as FrameNode;
    expect(column.height).toBe(450);
    expect(column.children.map((c) => [c.y, c.height])).toEqual([[0, 50], [70, 380], [430, 20]]);
    expect(column.children[2]!.x).toBe(380);
  });

  it('scales padding and spacing with the content when the plan scales', () => {
    const out = stackOf(stack({}, three), 200, 150); // fit mode at 0.5
    expect(out).toMatchObject({ paddingLeft: 5, itemSpacing: 5, width: 150 });
    expect(out.children.map((c) => c.x)).toEqual([5, 35, 120]);
  });
});

describe('hidden children in auto layout', () => {
  it('take no room but still scale with the plan', () => {
    const master = stack({}, [rect('a', [0, 0, 50, 40], '#0B1F3A'), rect('ghost', [0, 0, 100, 40], '#0B1F3A', { visible: false }), rect('b', [0, 0, 50, 40], '#0B1F3A')]);
    const out = stackOf(master, 200, 150);
    expect(out.children.map((c) => [c.x, c.width])).toEqual([[5, 25], [0, 50], [35, 25]]);
  });
});
