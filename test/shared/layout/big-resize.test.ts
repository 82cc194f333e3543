import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aspectRatioChange, coverCrop, measureText, planByConstraints, planResize, sizePresets } from '../../../shared/src/layout';
import { findLogos, parseSnapshot, placeNodes, type FrameNode, type ImageNode, type TextNode } from '../../../shared/src/visual';
import { frame, image, rect, snapshot, text } from '../../fixtures/snapshots/build';

const master = (() => {
  const parsed = parseSnapshot(JSON.parse(readFileSync('examples/snapshots/ledgerline-master.json', 'utf8')));
  if (!parsed.ok) throw new Error('the example master must parse');
  return parsed.value;
})();
const find = (root: FrameNode, id: string) => placeNodes(root).find((entry) => entry.node.id === id)!;

describe('resizing by constraints alone, across a big aspect change (1080×1080 → 728×90)', () => {
  const plan = planByConstraints(master, { width: 728, height: 90 }, { minTextSize: 10, logoClearSpace: 0.25 });

  it('switches to scale-to-fit above the documented threshold and says so', () => {
    expect(aspectRatioChange(master, { width: 728, height: 90 })).toBeCloseTo(8.09, 2);
    expect(plan.mode).toBe('fit');
    expect(plan.scale).toBeCloseTo(90 / 1080, 9);
    expect(plan.actions[0]).toMatch(/aspect ratio changed 8\.1×.*scaled uniformly to 8\.3%/);
  });

  it('gives the version the requested size and stretches the background to it', () => {
    expect(plan.snapshot).toMatchObject({ width: 728, height: 90 });
    expect(find(plan.snapshot, '1:2').rect).toEqual({ x: 0, y: 0, width: 728, height: 90 });
  });

  it('re-anchors by constraints: MIN stays left, MAX goes right, at scaled margins', () => {
    const s = 90 / 1080;
    expect(find(plan.snapshot, '1:9').rect.x).toBeCloseTo(64 * s, 6); // Copy: MIN
    const badge = find(plan.snapshot, '1:15').rect; // Rating badge: MAX, MAX
    expect(badge.x + badge.width).toBeCloseTo(728 - (1080 - 760 - 256) * s, 6);
    expect(badge.width).toBeCloseTo(256 * s, 6);
  });

  it('covers images without stretching and records the crop', () => {
    const photo = find(plan.snapshot, '1:3').node as ImageNode;
    expect(photo.crop).toBeDefined();
    // The visible part of a 1600×2400 picture has exactly the box's proportions.
    const shown = (photo.crop!.width * 1600) / (photo.crop!.height * 2400);
    expect(shown).toBeCloseTo(photo.width / photo.height, 3);
    expect(photo.fills[0]).toMatchObject({ type: 'IMAGE', scaleMode: 'FILL' });
  });

  it('raises text to the minimum and flags what still overflows', () => {
    const headline = find(plan.snapshot, '1:11').node as TextNode;
    expect(headline.fontSize).toBe(10);
    expect(plan.actions.some((action) => /Raised "#headline" from 5\.3 px to the 10 px minimum for 728×90/.test(action))).toBe(true);
    // The copy stack stretches across the banner, so the headline fits on one line at the minimum…
    expect(plan.flags.find((flag) => flag.nodeId === '1:11')).toBeUndefined();
    // …but the legal line keeps its narrow fixed box and cannot fit.
    expect(plan.flags.find((flag) => flag.nodeId === '1:18')).toMatchObject({ kind: 'text-overflow', nodeName: '#legal' });
    expect((find(plan.snapshot, '1:18').node as TextNode).fontSize).toBe(10);
  });

  it('flags copy that a hugging stack pushes past the frame\'s edge', () => {
    const short = planByConstraints(master, { width: 320, height: 50 }, { minTextSize: 10, logoClearSpace: 0.25 });
    const body = short.flags.find((flag) => flag.nodeId === '1:12');
    expect(body?.message).toMatch(/"#body" runs past the edge of the 320×50 frame/);
    const rect = find(short.snapshot, '1:12').rect;
    expect(rect.y + rect.height).toBeGreaterThan(50);
  });

  it('lets auto-width text grow with its raised font, and its hugging button with it', () => {
    const label = find(plan.snapshot, '1:14').node as TextNode;
    const button = find(plan.snapshot, '1:13').node as FrameNode;
    expect(label.fontSize).toBe(10);
    expect(label.width).toBeGreaterThan(201 * (90 / 1080));
    expect(button.width).toBeCloseTo(label.width + 2 * 32 * (90 / 1080), 6);
  });

  it('keeps the logo inside the frame with its clear space from the edges', () => {
    const logo = find(plan.snapshot, '1:5').rect;
    const clear = 0.25 * Math.min(logo.width, logo.height);
    expect(logo.x).toBeGreaterThanOrEqual(clear - 1e-9);
    expect(logo.y).toBeGreaterThanOrEqual(clear - 1e-9);
    expect(logo.y + logo.height).toBeLessThanOrEqual(90 - clear + 1e-9);
  });

  it('scales the logo as artwork: its wordmark is never raised to the text minimum', () => {
    expect((find(plan.snapshot, '1:7').node as TextNode).fontSize).toBeCloseTo(33 * (90 / 1080), 6);
  });
});

describe('every preset from the Ledgerline master', () => {
  it.each(sizePresets.map((preset) => [preset.id, preset.width, preset.height] as const))('%s (%i×%i) keeps the rules the plan enforces', (_id, width, height) => {
    const plan = planResize(master, { width, height }, { minTextSize: 12, logoClearSpace: 0.25 });
    expect(plan.snapshot).toMatchObject({ width, height, id: master.id });
    const placed = placeNodes(plan.snapshot);
    const logos = findLogos(placed, '#logo');
    expect(logos).toHaveLength(1);
    const logo = logos[0]!.rect;
    expect(logo.x >= 0 && logo.y >= 0 && logo.x + logo.width <= width + 1e-9 && logo.y + logo.height <= height + 1e-9).toBe(true);
    for (const { node } of placed)
      if (node.type === 'text' && node.id !== '1:7') expect(node.fontSize).toBeGreaterThanOrEqual(12);
    expect(plan.actions.length).toBeGreaterThan(0);
  });

  it('never throws and always returns the requested size, for any size up to 4096 px', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4096 }), fc.integer({ min: 1, max: 4096 }), fc.integer({ min: 4, max: 40 }), (width, height, min) => {
        const plan = planResize(master, { width, height }, { minTextSize: min, logoClearSpace: 0.25 });
        expect(plan.snapshot.width).toBe(width);
        expect(plan.snapshot.height).toBe(height);
        expect(parseSnapshot(plan.snapshot).ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('text fit', () => {
  const copy = 'Close the books';

  it('shrinks a fixed box\'s font until the copy fits, never below the minimum', () => {
    // Fixture check: one line of 40 px (48 px) fits the 50 px box at 360 px wide, but wraps at 280 px.
    expect(measureText(copy, { fontSize: 40 }, 360).lines).toBe(1);
    expect(measureText(copy, { fontSize: 40 }, 280).lines).toBe(2);
    const master = snapshot(
      frame('root', [0, 0, 400, 300], [text('copy', [20, 20, 360, 50], copy, 40, { constraints: { horizontal: 'STRETCH', vertical: 'MIN' } })]),
    );
    const plan = planByConstraints(master, { width: 320, height: 300 }, { minTextSize: 12 });
    expect(plan.mode).toBe('constraints');
    const out = plan.snapshot.children[0] as TextNode;
    expect(out.width).toBe(280);
    expect(out.fontSize).toBeLessThan(40);
    expect(out.fontSize).toBeGreaterThanOrEqual(12);
    expect(measureText(copy, { fontSize: out.fontSize }, 280).height).toBeLessThanOrEqual(50.5);
    // The largest half-pixel size that fits: half a pixel more would not.
    expect(measureText(copy, { fontSize: out.fontSize + 0.5 }, 280).height).toBeGreaterThan(50.5);
    expect(plan.actions).toContain(`Shrank "copy" from 40 px to ${out.fontSize} px so the copy fits its box.`);
    expect(plan.flags).toEqual([]);
  });

  it('flags copy that overflows even at the minimum, and stops at the minimum', () => {
    const master = snapshot(frame('root', [0, 0, 400, 300], [text('legal', [20, 20, 60, 14], 'Terms and conditions apply to every offer', 12)]));
    const plan = planByConstraints(master, { width: 400, height: 300 }, { minTextSize: 12 });
    expect((plan.snapshot.children[0] as TextNode).fontSize).toBe(12);
    // Calibrated on the master: a box that already overflowed by our estimate is not flagged at the same size.
    expect(plan.flags).toEqual([]);
    const longer = snapshot(frame('root', [0, 0, 400, 300], [text('legal', [20, 20, 360, 14], 'Terms and conditions apply to every offer', 12, { constraints: { horizontal: 'STRETCH', vertical: 'MIN' } })]));
    const narrow = planByConstraints(longer, { width: 100, height: 300 }, { minTextSize: 12 });
    expect(narrow.flags[0]).toMatchObject({ kind: 'text-overflow', nodeId: 'legal' });
    expect(narrow.flags[0]!.message).toMatch(/even at the 12 px minimum/);
  });

  it('lets auto-height text grow with its font but not wrap into more lines', () => {
    const master = snapshot(frame('root', [0, 0, 1080, 1080], [text('h', [40, 40, 1000, 60], 'Short headline', 48, { textAutoResize: 'HEIGHT' })]));
    const plan = planByConstraints(master, { width: 320, height: 320 }, { minTextSize: 12 });
    const out = plan.snapshot.children[0] as TextNode;
    expect(out.fontSize).toBeCloseTo(48 * (320 / 1080), 6);
    expect(plan.flags).toEqual([]);
  });

  it('grows a fixed box with a raised font from its vertical anchor', () => {
    const master = snapshot(frame('root', [0, 0, 400, 400], [text('legal', [20, 370, 360, 20], 'Terms apply', 16, { constraints: { horizontal: 'MIN', vertical: 'MAX' } })]));
    const plan = planByConstraints(master, { width: 100, height: 100 }, { minTextSize: 12 });
    const out = plan.snapshot.children[0] as TextNode;
    expect(out.fontSize).toBe(12);
    expect(out.height).toBeCloseTo(20 * 0.25 * 3, 9); // 4 px raised to 12 px: three times taller
    expect(out.y + out.height).toBeCloseTo(100 - 10 * 0.25, 9); // the bottom margin holds
    expect(plan.flags).toEqual([]);
  });

  it('scales styled ranges and line height with the font', () => {
    const master = snapshot(frame('root', [0, 0, 400, 400], [text('t', [0, 0, 400, 100], 'Big small', 40, { lineHeight: 48, segments: [{ start: 4, end: 9, fontSize: 20 }] })]));
    const out = planByConstraints(master, { width: 200, height: 200 }).snapshot.children[0] as TextNode;
    expect(out).toMatchObject({ fontSize: 20, lineHeight: 24, segments: [{ start: 4, end: 9, fontSize: 10 }] });
  });
});

describe('image cover', () => {
  it.each([
    [1, 2, { x: 0.25, y: 0, width: 0.5, height: 1 }],
    [2, 1, { x: 0, y: 0.25, width: 1, height: 0.5 }],
    [1.5, 1.5, { x: 0, y: 0, width: 1, height: 1 }],
  ])('crops a %d:1 box from a 1.5:1 picture… (box %d)', (box, _unused, crop) => {
    expect(coverCrop(1.5, box === 1.5 ? 1.5 : box === 1 ? 0.75 : 3)).toEqual(crop);
  });

  it('turns CROP images into FILL so they never stretch, and leaves FIT alone', () => {
    const master = snapshot(
      frame('root', [0, 0, 400, 400], [
        image('crop', [0, 0, 400, 200], { fills: [{ type: 'IMAGE', scaleMode: 'CROP' }], constraints: { horizontal: 'STRETCH', vertical: 'STRETCH' } }),
        image('fit', [0, 200, 400, 200], { fills: [{ type: 'IMAGE', scaleMode: 'FIT' }], constraints: { horizontal: 'STRETCH', vertical: 'STRETCH' } }),
      ]),
    );
    const plan = planByConstraints(master, { width: 1000, height: 400 });
    const [crop, fit] = plan.snapshot.children as ImageNode[];
    expect(crop!.fills[0]).toMatchObject({ scaleMode: 'FILL' });
    expect(crop!.crop).toEqual({ x: 0, y: 0.3, width: 1, height: 0.4 });
    expect(plan.actions.some((a) => /Cropped "crop" .* 100% of the picture's width and 40% of its height/.test(a))).toBe(true);
    expect(fit!.crop).toBeUndefined();
    expect(fit!.fills[0]).toMatchObject({ scaleMode: 'FIT' });
  });
});

describe('logo clear space in plans', () => {
  const logo = (box: [number, number, number, number]) => ({ ...rect('logo', box, '#0B1F3A'), name: '#logo' });

  it('moves the logo inward when the new edge cuts into its clear space', () => {
    const master = snapshot(frame('root', [0, 0, 400, 300], [logo([300, 20, 80, 40])]));
    // MIN-anchored at x=300: in a 340-wide frame it would sit at 300..380, past the edge.
    const plan = planByConstraints(master, { width: 340, height: 300 }, { logoClearSpace: 0.5 });
    expect(plan.snapshot.children[0]).toMatchObject({ x: 340 - 20 - 80, y: 20, width: 80 });
    expect(plan.actions.some((a) => /Moved the logo "#logo"/.test(a))).toBe(true);
  });

  it('shrinks the logo when the frame cannot hold it with its clear space', () => {
    const master = snapshot(frame('root', [0, 0, 400, 300], [logo([100, 50, 200, 200])]));
    const plan = planByConstraints(master, { width: 360, height: 300 }, { logoClearSpace: 0.5 });
    expect(plan.snapshot.children[0]).toMatchObject({ width: 150, height: 150, y: 75 });
    expect(plan.actions.some((a) => /Shrank the logo "#logo" to 75%/.test(a))).toBe(true);
  });

  it('flags a neighbour inside the clear space rather than moving it', () => {
    const master = snapshot(frame('root', [0, 0, 400, 300], [logo([20, 20, 80, 40]), text('headline', [110, 20, 200, 40], 'Close faster', 24)]));
    const plan = planByConstraints(master, { width: 400, height: 300 }, { logoClearSpace: 0.5 });
    expect(plan.flags).toEqual([expect.objectContaining({ kind: 'logo-clear-space', nodeId: 'headline' })]);
    expect(plan.snapshot.children[1]).toMatchObject({ x: 110 });
  });
});
