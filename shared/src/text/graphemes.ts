// Grapheme clusters: what a person sees as one character, and what channels such as ad platforms
// and X count. Intl.Segmenter is missing from some hosts (Figma's sandbox, older Apps Script), so
// this implements the practical part of the extended grapheme cluster rules of Unicode UAX #29
// (GB3–GB13): CRLF, controls, combining marks, spacing marks, prepends, Hangul syllables, emoji ZWJ
// sequences, variation selectors, skin tones, tags and regional-indicator pairs.

const enum Kind {
  Other,
  CR,
  LF,
  Control,
  Extend,
  ZWJ,
  RegionalIndicator,
  Prepend,
  SpacingMark,
  L,
  V,
  T,
  LV,
  LVT,
  Pictographic,
}

const extendPattern = /^[\p{Mn}\p{Me}\u200C\uFF9E\uFF9F\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]$/u;
const spacingMarkPattern = /^\p{Mc}$/u;
const controlPattern = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]$/u;
const prependPattern = /^[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u0D4E\u{110BD}\u{110CD}\u{111C2}\u{111C3}]$/u;

// Extended_Pictographic ranges (emoji-data.txt), written out because `\p{Extended_Pictographic}` is
// missing from some embedded engines. Regional indicators and skin tones are carved out above it.
const pictographicRanges: readonly (readonly [number, number])[] = [
  [0xa9, 0xa9], [0xae, 0xae], [0x203c, 0x203c], [0x2049, 0x2049], [0x2122, 0x2122], [0x2139, 0x2139],
  [0x2194, 0x2199], [0x21a9, 0x21aa], [0x231a, 0x231b], [0x2328, 0x2328], [0x2388, 0x2388], [0x23cf, 0x23cf],
  [0x23e9, 0x23f3], [0x23f8, 0x23fa], [0x24c2, 0x24c2], [0x25aa, 0x25ab], [0x25b6, 0x25b6], [0x25c0, 0x25c0],
  [0x25fb, 0x25fe], [0x2600, 0x27bf], [0x2934, 0x2935], [0x2b05, 0x2b07], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50],
  [0x2b55, 0x2b55], [0x3030, 0x3030], [0x303d, 0x303d], [0x3297, 0x3297], [0x3299, 0x3299],
  [0x1f000, 0x1f0ff], [0x1f10d, 0x1f10f], [0x1f12f, 0x1f12f], [0x1f16c, 0x1f171], [0x1f17e, 0x1f17f],
  [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f1ad, 0x1f1e5], [0x1f201, 0x1f20f], [0x1f21a, 0x1f21a],
  [0x1f22f, 0x1f22f], [0x1f232, 0x1f23a], [0x1f23c, 0x1f23f], [0x1f249, 0x1f3fa], [0x1f400, 0x1f53d],
  [0x1f546, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f774, 0x1f77f], [0x1f7d5, 0x1f7ff], [0x1f80c, 0x1f80f],
  [0x1f848, 0x1f84f], [0x1f85a, 0x1f85f], [0x1f888, 0x1f88f], [0x1f8ae, 0x1f8ff], [0x1f90c, 0x1f93a],
  [0x1f93c, 0x1f945], [0x1f947, 0x1faff], [0x1fc00, 0x1fffd],
];

function isPictographic(cp: number): boolean {
  let lo = 0;
  let hi = pictographicRanges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = pictographicRanges[mid]!;
    if (cp < from) hi = mid - 1;
    else if (cp > to) lo = mid + 1;
    else return true;
  }
  return false;
}

function kindOf(cp: number): Kind {
  if (cp === 0x0d) return Kind.CR;
  if (cp === 0x0a) return Kind.LF;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return Kind.Control;
  if (cp < 0xa9) return Kind.Other;
  if (cp === 0x200d) return Kind.ZWJ;
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return Kind.RegionalIndicator;
  if (cp >= 0x1100 && cp <= 0x115f) return Kind.L;
  if (cp >= 0xa960 && cp <= 0xa97c) return Kind.L;
  if (cp >= 0x1160 && cp <= 0x11a7) return Kind.V;
  if (cp >= 0xd7b0 && cp <= 0xd7c6) return Kind.V;
  if (cp >= 0x11a8 && cp <= 0x11ff) return Kind.T;
  if (cp >= 0xd7cb && cp <= 0xd7fb) return Kind.T;
  if (cp >= 0xac00 && cp <= 0xd7a3) return (cp - 0xac00) % 28 === 0 ? Kind.LV : Kind.LVT;
  const char = String.fromCodePoint(cp);
  if (extendPattern.test(char)) return Kind.Extend;
  if (isPictographic(cp)) return Kind.Pictographic;
  if (prependPattern.test(char)) return Kind.Prepend;
  if (spacingMarkPattern.test(char)) return Kind.SpacingMark;
  if (controlPattern.test(char)) return Kind.Control;
  return Kind.Other;
}

// Indic conjuncts (GB9c): a consonant, a virama (linker), then another consonant stay one cluster.
const linkers = new Set([0x094d, 0x09cd, 0x0acd, 0x0b4d, 0x0c4d, 0x0d4d]);
const consonantRanges: readonly (readonly [number, number])[] = [
  [0x0915, 0x0939], [0x0958, 0x095f], [0x0978, 0x097f], [0x0995, 0x09b9], [0x09dc, 0x09df], [0x0a95, 0x0ab9],
  [0x0b15, 0x0b39], [0x0b5c, 0x0b5f], [0x0c15, 0x0c39], [0x0d15, 0x0d3a],
];
const isConsonant = (cp: number) => consonantRanges.some(([from, to]) => cp >= from && cp <= to);

/** Whether rules GB6–GB13 keep `next` in the cluster after `prev` (GB3–GB5 are handled by the caller). */
function joins(prev: Kind, next: Kind, pictographicBeforeZwj: boolean, regionalCount: number): boolean {
  if (prev === Kind.L) return next === Kind.L || next === Kind.V || next === Kind.LV || next === Kind.LVT;
  if ((prev === Kind.LV || prev === Kind.V) && (next === Kind.V || next === Kind.T)) return true;
  if ((prev === Kind.LVT || prev === Kind.T) && next === Kind.T) return true;
  if (next === Kind.Extend || next === Kind.ZWJ || next === Kind.SpacingMark) return true;
  if (prev === Kind.Prepend) return true;
  if (prev === Kind.ZWJ && next === Kind.Pictographic) return pictographicBeforeZwj;
  return prev === Kind.RegionalIndicator && next === Kind.RegionalIndicator && regionalCount % 2 === 1;
}

/** The UTF-16 offset where the grapheme cluster starting at `start` ends. */
export function nextGraphemeBreak(text: string, start: number): number {
  const length = text.length;
  if (start >= length) return length;
  const first = text.charCodeAt(start);
  // Fast path: nothing below U+0300 extends a cluster, so plain Latin text needs no lookups.
  if (first < 0xa9 && first !== 0x0d && (start + 1 >= length || text.charCodeAt(start + 1) < 0x300)) return start + 1;
  let cp = text.codePointAt(start)!;
  let prev = kindOf(cp);
  let i = start + (cp > 0xffff ? 2 : 1);
  if (prev === Kind.CR) return i < length && text.charCodeAt(i) === 0x0a ? i + 1 : i;
  if (prev === Kind.LF || prev === Kind.Control) return i;
  let pictographic = prev === Kind.Pictographic;
  let pictographicBeforeZwj = false;
  let regionalCount = prev === Kind.RegionalIndicator ? 1 : 0;
  // 0: no conjunct under way; 1: after a consonant (and marks); 2: after consonant + linker.
  let conjunct = isConsonant(cp) ? 1 : 0;
  while (i < length) {
    cp = text.codePointAt(i)!;
    const next = kindOf(cp);
    if (next === Kind.CR || next === Kind.LF || next === Kind.Control) break;
    const consonant = isConsonant(cp);
    if (!(conjunct === 2 && consonant) && !joins(prev, next, pictographicBeforeZwj, regionalCount)) break;
    if (consonant) conjunct = 1;
    else if (conjunct > 0 && linkers.has(cp)) conjunct = 2;
    else if (next !== Kind.Extend) conjunct = 0;
    pictographicBeforeZwj = next === Kind.ZWJ && pictographic;
    if (next === Kind.Pictographic) pictographic = true;
    else if (next !== Kind.Extend) pictographic = false;
    regionalCount = next === Kind.RegionalIndicator ? regionalCount + 1 : 0;
    prev = next;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** The number of grapheme clusters (user-perceived characters) in the text. */
export function countGraphemes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i = nextGraphemeBreak(text, i)) n++;
  return n;
}

/** The text split into grapheme clusters. */
export function segmentGraphemes(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const end = nextGraphemeBreak(text, i);
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/** The UTF-16 offset after the first `count` graphemes (the text's length when it has fewer). */
export function graphemeOffset(text: string, count: number): number {
  let i = 0;
  for (let n = 0; n < count && i < text.length; n++) i = nextGraphemeBreak(text, i);
  return i;
}

/** The first `max` graphemes of the text, never splitting a cluster. */
export function truncateToGraphemes(text: string, max: number): string {
  return text.slice(0, graphemeOffset(text, Math.max(0, max)));
}

/**
 * The text cut to at most `maxGraphemes`, at the last word break that fits, without trailing
 * spaces or dangling punctuation. A single word longer than the limit is cut inside it.
 */
export function cutAtWordBoundary(text: string, maxGraphemes: number): string {
  const end = graphemeOffset(text, Math.max(0, maxGraphemes));
  if (end >= text.length) return text;
  let cut = text.slice(0, end);
  if (!/\s/.test(text[end]!)) {
    const lastSpace = cut.search(/\s\S*$/);
    if (lastSpace > 0) cut = cut.slice(0, lastSpace);
  }
  // A loop, not a pattern anchored at the end, which would backtrack quadratically on long runs.
  let kept = cut.length;
  while (kept > 0 && /[\s,;:\-–—(/]/.test(cut[kept - 1]!)) kept--;
  return kept > 0 ? cut.slice(0, kept) : cut;
}
