import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  copyLimitsForSize,
  fnv1a,
  graphemeCount,
  hashSnapshot,
  layoutGrid,
  measureText,
  parseSize,
  parseSizeList,
  renderVersionName,
  sizePresets,
  textWidth,
} from '../../../shared/src/layout';
import { frame, rect, snapshot, text } from '../../fixtures/snapshots/build';

describe('parseSize', () => {
  it.each([
    ['728x90', 728, 90],
    ['728×90', 728, 90],
    [' 300 X 250 ', 300, 250],
    ['4096x1', 4096, 1],
  ])('reads %j', (input, width, height) => expect(parseSize(input)).toEqual({ ok: true, value: { width, height } }));

  it.each([
    ['0x90', /width 0 must be at least 1 px/],
    ['728x-90', /height -90 must be at least 1 px/],
    ['5000x90', /width 5000 px is over the 4096 px limit/],
    ['728.5x90', /whole number of pixels/],
    ['728by90', /not a size; write it as WIDTHxHEIGHT, like 728x90/],
    ['', /not a size/],
  ])('refuses %j with a clear message', (input, message) => {
    const parsed = parseSize(input, '--to');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.issues[0]!.path).toBe('--to');
      expect(parsed.issues[0]!.message).toMatch(message);
    }
  });

  it('names each bad entry of a list by its position', () => {
    const parsed = parseSizeList('728x90,0x-5,300x250,9999x1', '--to');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((issue) => issue.path)).toEqual(['--to[1]', '--to[1]', '--to[3]']);
    expect(parseSizeList('728x90, 300x250')).toEqual({ ok: true, value: [{ width: 728, height: 90 }, { width: 300, height: 250 }] });
  });
});

describe('size presets', () => {
  it.each([
    [300, 250], [728, 90], [160, 600], [300, 600], [320, 50], [970, 250], [336, 280],
    [1080, 1080], [1080, 1350], [1080, 1920], [1200, 628], [1600, 900],
  ])('offers %i×%i with its source', (width, height) => {
    const preset = sizePresets.find((p) => p.width === width && p.height === height);
    expect(preset?.source).toBeTruthy();
  });

  it('has unique ids', () => expect(new Set(sizePresets.map((p) => p.id)).size).toBe(sizePresets.length));
});

describe('renderVersionName', () => {
  const values = { master: 'Spring launch', w: 728, h: 90, variant: 'B', locale: 'de-DE' };

  it('renders the default template', () => {
    expect(renderVersionName('{master}/{w}x{h}/{variant}/{locale}', values)).toEqual({ ok: true, value: 'Spring launch/728x90/B/de-DE' });
  });

  it('drops the empty segments missing values leave', () => {
    expect(renderVersionName('{master}/{size}/{variant}/{locale}', { master: 'M', w: 300, h: 250 })).toEqual({ ok: true, value: 'M/300x250' });
  });

  it.each([
    ['{master}/{width}', /unknown token \{width\}/],
    ['{master}/{w}x{h', /does not pair up/],
    ['master}/{w}', /does not pair up/],
  ])('refuses %j', (template, message) => {
    const parsed = renderVersionName(template, values);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.issues[0]!.path).toBe('template');
      expect(parsed.issues[0]!.message).toMatch(message);
    }
  });
});

describe('copyLimitsForSize', () => {
  it('keeps a 320×50 headline short and leaves its body out', () => {
    const banner = copyLimitsForSize(320, 50);
    expect(banner.layout).toBe('banner');
    expect(banner.body).toBe(0);
    expect(banner.headline).toBeLessThan(copyLimitsForSize(300, 250).headline);
    expect(banner.headline).toBeLessThan(30);
  });

  it('allows more copy as the room grows, within fixed caps', () => {
    const small = copyLimitsForSize(300, 250);
    const large = copyLimitsForSize(1080, 1080);
    expect(large.body).toBeGreaterThan(small.body);
    expect(large.headline).toBeLessThanOrEqual(90);
    expect(large.cta).toBeLessThanOrEqual(25);
  });

  it('knows towers and banners by aspect ratio', () => {
    expect(copyLimitsForSize(160, 600).layout).toBe('tower');
    expect(copyLimitsForSize(728, 90).layout).toBe('banner');
    expect(copyLimitsForSize(1080, 1350).layout).toBe('box');
  });

  it('gives less room when the minimum text size is larger', () => {
    expect(copyLimitsForSize(320, 50, 16).headline).toBeLessThan(copyLimitsForSize(320, 50, 12).headline);
  });
});

describe('layoutGrid', () => {
  it('places versions in rows with a gap, wrapping at the row width', () => {
    const grid = layoutGrid([{ width: 300, height: 250 }, { width: 728, height: 90 }, { width: 160, height: 600 }], 40, 1100);
    expect(grid.cells).toEqual([
      { x: 0, y: 0, width: 300, height: 250 },
      { x: 340, y: 0, width: 728, height: 90 },
      { x: 0, y: 290, width: 160, height: 600 },
    ]);
    expect(grid).toMatchObject({ width: 1068, height: 890 });
  });

  it('is empty for no versions', () => expect(layoutGrid([], 40)).toEqual({ cells: [], width: 0, height: 0 }));
});

describe('hashSnapshot', () => {
  const build = (copy: string, x = 0) => snapshot(frame('v', [x, 0, 300, 250], [rect('bg', [0, 0, 300, 250], '#0B1F3A'), text('h', [10, 10, 200, 40], copy, 20)]));

  it('is deterministic and ignores key order and float noise', () => {
    expect(canonicalJson({ b: 1, a: [1.0000001, undefined, 'x'] })).toBe('{"a":[1,null,"x"],"b":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(hashSnapshot(build('Close faster'))).toBe(hashSnapshot(structuredClone(build('Close faster'))));
    expect(hashSnapshot(build('Close faster'))).toMatch(/^[0-9a-f]{8}$/);
  });

  it('changes when content is edited, not when the version is moved', () => {
    expect(hashSnapshot(build('Close faster'))).not.toBe(hashSnapshot(build('Close fastest')));
    expect(hashSnapshot(build('Close faster', 0))).toBe(hashSnapshot(build('Close faster', 900)));
    expect(hashSnapshot(build('Close faster', 0), { includePosition: true })).not.toBe(hashSnapshot(build('Close faster', 900), { includePosition: true }));
  });

  it('is FNV-1a over UTF-8', () => {
    // Published FNV-1a 32-bit test vectors.
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
    expect(fnv1a('é')).not.toBe(fnv1a('e'));
  });
});

describe('text measurement', () => {
  it('counts graphemes the way people do', () => {
    expect(graphemeCount('Café')).toBe(4);
    expect(graphemeCount('Cafe\u0301')).toBe(4);
    expect(graphemeCount('👍🏽 ok')).toBe(4);
    expect(graphemeCount('👨‍👩‍👧')).toBe(1);
    expect(graphemeCount('🇩🇪🇫🇷')).toBe(2);
    expect(graphemeCount('日本語')).toBe(3);
  });

  it('grows with the font size and boldness, and gives CJK a full em', () => {
    expect(textWidth('Ledger', { fontSize: 20 })).toBeCloseTo(2 * textWidth('Ledger', { fontSize: 10 }), 9);
    expect(textWidth('Ledger', { fontSize: 20, fontStyle: 'Bold' })).toBeGreaterThan(textWidth('Ledger', { fontSize: 20 }));
    expect(textWidth('日本', { fontSize: 10 })).toBe(20);
    expect(textWidth('ab', { fontSize: 10, letterSpacing: 2 })).toBeCloseTo(textWidth('ab', { fontSize: 10 }) + 4, 9);
  });

  it('wraps at word boundaries, breaks over-long words, and honours line breaks', () => {
    const one = measureText('Close the books faster', { fontSize: 20 });
    expect(one.lines).toBe(1);
    const wrapped = measureText('Close the books faster', { fontSize: 20 }, one.width / 2);
    expect(wrapped.lines).toBeGreaterThan(1);
    expect(wrapped.width).toBeLessThanOrEqual(one.width / 2);
    expect(measureText('Supercalifragilistic', { fontSize: 20 }, 50).lines).toBeGreaterThan(2);
    expect(measureText('a\nb\r\nc', { fontSize: 10, lineHeight: 15 })).toMatchObject({ lines: 3, height: 45 });
  });
});

describe('resizeOptionsFromKit', () => {
  it('takes the minimum for the output size and the logo rule from the kit', async () => {
    const { resizeOptionsFromKit } = await import('../../../shared/src/layout');
    const { visualKit } = await import('../../fixtures/snapshots/build');
    const visual = visualKit({ minTextSize: { default: 14, classes: { small: 10 } }, logo: { namePattern: '#brand', clearSpace: 0.5 } });
    // The size class allows 10 px; the kit's general 14 px is tried first.
    expect(resizeOptionsFromKit(visual, 728, 90)).toEqual({ minTextSize: 10, preferredMinTextSize: 14, logoClearSpace: 0.5, logoPattern: '#brand' });
    expect(resizeOptionsFromKit(visual, 1080, 1080).minTextSize).toBe(14);
    expect(resizeOptionsFromKit(visual, 1080, 1080).preferredMinTextSize).toBeUndefined();
    // An exact format's minimum is the kit's word for that size.
    const exact = visualKit({ minTextSize: { default: 14, classes: { small: 10 }, formats: [{ width: 728, height: 90, minimum: 11 }] }, safeZone: { margin: 0.05 } });
    expect(resizeOptionsFromKit(exact, 728, 90)).toMatchObject({ minTextSize: 11, safeArea: { x: 36.4, y: 4.5 } });
    expect(resizeOptionsFromKit(exact, 728, 90).preferredMinTextSize).toBeUndefined();
    expect(resizeOptionsFromKit(undefined, 728, 90)).toEqual({});
  });
});
