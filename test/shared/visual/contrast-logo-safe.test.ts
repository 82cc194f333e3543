import { describe, expect, it } from 'vitest';
import { checkCreative, isBoldStyle, safeArea } from '../../../shared/src/visual';
import { frame, group, image, ledgerlinePalette, rect, snapshot, solid, text, visualKit } from '../../fixtures/snapshots/build';

const white = { fills: [solid('#FFFFFF')] };
const findingsOf = (rule: string, root: Record<string, unknown>, visual: Record<string, unknown> = { palette: ledgerlinePalette }) =>
  checkCreative(snapshot(root), { visual: visualKit(visual) }).filter((finding) => finding.rule === rule);

describe('contrast rule', () => {
  const on = (fg: string, size: number, extra: Record<string, unknown> = {}, visual?: Record<string, unknown>) =>
    findingsOf('visual.contrast', frame('root', [0, 0, 400, 200], [text('copy', [10, 10, 300, 40], 'Reconcile in minutes', size, { fills: [solid(fg)], ...extra })], white), visual);

  it('never rounds: #777777 on white fails AA at 4.47, #767676 passes', () => {
    const [fail] = on('#777777', 16);
    expect(fail!.message).toMatch(/4\.47:1 \(#777777 on #FFFFFF\); WCAG AA needs 4\.5:1 for normal text/);
    expect(on('#767676', 16)).toEqual([]);
  });

  it.each([
    [24, 'Regular', 0], // large: needs 3
    [23, 'Regular', 1],
    [18.66, 'Bold', 0],
    [18.66, 'SemiBold', 1],
  ])('applies the large-text rule at %d px %s', (size, fontStyle, count) => {
    // #949494 on white is about 3.03: enough only for large text.
    expect(on('#949494', size, { fontStyle })).toHaveLength(count);
  });

  it('holds AAA to 7:1', () => {
    // #666666 on white is 5.74: AA passes, AAA does not.
    expect(on('#666666', 16)).toEqual([]);
    expect(on('#666666', 16, {}, { contrast: 'AAA', palette: ledgerlinePalette })).toHaveLength(1);
    expect(on('#0B1F3A', 16, {}, { contrast: 'AAA' })).toEqual([]);
  });

  it('composites the text and every layer behind it by their opacity', () => {
    // Navy text at 30% layer opacity over white becomes a light grey-blue.
    expect(on('#0B1F3A', 16, { opacity: 0.3 })).toHaveLength(1);
    // White text on a half-transparent navy card over white: too pale.
    const card = frame('root', [0, 0, 400, 200], [
      rect('card', [0, 0, 400, 200], undefined, { fills: [solid('#0B1F3A', 0.4)] }),
      text('copy', [10, 10, 300, 40], 'Close faster', 16, { fills: [solid('#FFFFFF')] }),
    ], white);
    expect(findingsOf('visual.contrast', card)).toHaveLength(1);
  });

  it('finds the backdrop in the nearest painted earlier sibling or ancestor, not in later layers', () => {
    const root = frame('root', [0, 0, 400, 200], [
      rect('navy-band', [0, 0, 400, 100], '#0B1F3A'),
      frame('card', [0, 100, 400, 100], [text('on-white', [10, 10, 300, 40], 'Readable', 16, { fills: [solid('#FFFFFF')] })], { fills: [solid('#FFFFFF')] }),
      text('on-navy', [10, 10, 300, 40], 'Readable', 16, { fills: [solid('#FFFFFF')] }),
      rect('later-overlay', [0, 0, 400, 200], '#FFFFFF', { opacity: 0 }),
    ], white);
    const findings = findingsOf('visual.contrast', root);
    expect(findings.map((f) => f.node.id)).toEqual(['on-white']);
    // Passing palette colours, the one closest to the current white first.
    expect(findings[0]!.suggestions).toEqual(['#475569', '#0B1F3A']);
    expect(findings[0]!.fix).toEqual({ kind: 'fill', nodeId: 'on-white', paintIndex: 0, hex: '#475569' });
  });

  it('asks for a look by eye when text sits on an image', () => {
    const root = frame('root', [0, 0, 400, 200], [image('photo', [0, 0, 400, 200]), text('caption', [10, 10, 300, 40], 'Caption', 16)], white);
    const [finding] = findingsOf('visual.contrast', root);
    expect(finding).toMatchObject({ severity: 'suggestion', node: { id: 'caption' } });
  });

  it('checks a coloured range on its own and fixes only that range', () => {
    const [finding] = on('#0B1F3A', 16, { segments: [{ start: 0, end: 9, fill: '#A5F3FC' }] });
    expect(finding!.match).toBe('Reconcile');
    expect(finding!.fix).toMatchObject({ kind: 'textRangeFill', start: 0, end: 9 });
  });

  it('knows bold styles', () => {
    expect(['Bold', 'ExtraBold', 'Black', 'Heavy Italic'].every(isBoldStyle)).toBe(true);
    expect(['Regular', 'SemiBold', 'Demi Bold', 'Medium'].some(isBoldStyle)).toBe(false);
  });
});

describe('logo rule', () => {
  const logoKit = { logo: { namePattern: '#logo', clearSpace: 0.5 } };
  const layout = (logoBox: [number, number, number, number], others: Record<string, unknown>[] = []) =>
    frame('root', [0, 0, 600, 400], [rect('background', [0, 0, 600, 400], '#FFFFFF'), { ...rect('logo', logoBox, '#0B1F3A'), name: '#logo' }, ...others], white);
  const logoFindings = (root: Record<string, unknown>) =>
    checkCreative(snapshot(root), { visual: visualKit(logoKit) }).filter((f) => f.rule.startsWith('visual.logo'));

  it('accepts a logo with its clear space kept (the background behind it does not count)', () => {
    expect(logoFindings(layout([100, 100, 100, 40]))).toEqual([]);
  });

  it('flags a logo closer to the frame edge than its clear space', () => {
    // Clear space = 0.5 × 40 = 20 px; the logo is 10 px from the top.
    const [finding] = logoFindings(layout([100, 10, 100, 40]));
    expect(finding).toMatchObject({ rule: 'visual.logo-clear-space', severity: 'warning' });
    expect(finding!.message).toMatch(/10 px from the frame's edge; the kit asks for 20 px/);
  });

  it('flags a logo cut off by the frame', () => {
    expect(logoFindings(layout([560, 100, 100, 40]))[0]).toMatchObject({ rule: 'visual.logo-inside', severity: 'error' });
  });

  it('names each layer inside the clear space', () => {
    const findings = logoFindings(
      layout([100, 100, 100, 40], [text('headline', [215, 100, 200, 40], 'Close books faster', 32), text('far', [100, 300, 200, 40], 'Far away', 16)]),
    );
    expect(findings.map((f) => f.node.id)).toEqual(['headline']);
  });

  it('finds logos by name pattern, ignoring case, and treats a logo group as one logo', () => {
    const root = frame('root', [0, 0, 600, 400], [
      group('g', [100, 100, 100, 40], [rect('mark', [0, 0, 40, 40], '#14B8A6'), rect('word', [45, 0, 55, 40], '#0B1F3A')], { name: 'Brand #LOGO white' }),
      rect('near', [100, 145, 100, 10], '#475569'),
    ], white);
    const findings = logoFindings(root);
    expect(findings.map((f) => f.node.id)).toEqual(['near']);
  });
});

describe('safe-zone rule', () => {
  it('computes the safe area from shares of width and height, or pixels at the export scale', () => {
    expect(safeArea(visualKit({ safeZone: { margin: 0.1 } }), 1000, 500)).toEqual({ x: 100, y: 50, width: 800, height: 400 });
    expect(safeArea(visualKit({ safeZone: { margin: { top: 40, right: 0, bottom: 20, left: 0 }, unit: 'px' } }), 300, 250, 2)).toEqual({ x: 0, y: 20, width: 300, height: 220 });
    const stories = visualKit({ safeZone: { margin: 0.05, formats: [{ width: 1080, height: 1920, margin: { top: 0.14, right: 0.05, bottom: 0.2, left: 0.05 } }] } });
    expect(safeArea(stories, 1080, 1920)!.y).toBeCloseTo(268.8, 6);
    expect(safeArea(visualKit({}), 100, 100)).toBeUndefined();
  });

  it('flags text that reaches into the margin, and only text', () => {
    const root = frame('root', [0, 0, 1000, 1000], [
      rect('edge-shape', [0, 0, 1000, 100], '#0B1F3A'),
      text('inside', [100, 100, 400, 50], 'Safe', 24),
      text('outside', [20, 500, 400, 50], 'Too close', 24),
    ], white);
    const findings = findingsOf('visual.safe-zone', root, { safeZone: { margin: 0.05 } });
    expect(findings.map((f) => f.node.id)).toEqual(['outside']);
    expect(findings[0]!.message).toMatch(/30 px into the safe-zone margin/);
  });
});

describe('text layers are never a backdrop', () => {
  it('judges text against the painted layers under it, not against earlier text', () => {
    const root = frame('root', [0, 0, 400, 200], [
      text('under', [10, 110, 300, 80], 'White words', 16, { fills: [solid('#FFFFFF')] }),
      text('over', [10, 120, 300, 40], 'Navy words', 16),
    ], white);
    expect(findingsOf('visual.contrast', root).map((f) => f.node.id)).toEqual(['under']);
  });
});

describe('logos and empty text in the text rules', () => {
  it('leave a wordmark logo and empty text layers alone', () => {
    const root = frame('root', [0, 0, 400, 200], [
      { ...text('wordmark', [20, 20, 100, 10], 'Ledgerline', 6, { fontFamily: 'Brand Serif', fills: [solid('#FFFFFF')] }), name: '#logo' },
      text('empty', [0, 0, 10, 10], '   ', 4),
    ], white);
    const findings = checkCreative(snapshot(root), { visual: visualKit({ fonts: [{ family: 'Inter' }], minTextSize: { default: 12 } }) });
    expect(findings).toEqual([]);
  });
});
