import { graphemes } from './graphemes';

// Text size estimate without font files: an average advance-width model.
// Widths are in em (multiples of the font size), averaged from common UI sans-serifs
// (Inter, Helvetica, Roboto, Source Sans): lowercase about 0.52 em, capitals 0.66 em, digits 0.56 em,
// narrow letters and punctuation 0.28–0.36 em, m/w 0.82 em, M/W 0.9 em, CJK and full-width forms 1 em,
// emoji 1.1 em. Bold styles are 6% wider. The estimate tends to err wide by a few percent, so it flags
// overflow early rather than late; the resize plan also calibrates it on the master (see plan.ts).
const narrow = new Set([...'iljI.,:;\'!|`']);
const semiNarrow = new Set([...'ftr()[]{}"-/\\ ']);
const wideLower = new Set([...'mw']);
const wideUpper = new Set([...'MW@%']);
const fullWidth = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;
const emoji = /\p{Extended_Pictographic}|\p{RI}/u;

// Advances are looked up for every character of every candidate line, so each grapheme is classified once.
const advances = new Map<string, number>();

/** Estimated advance of one grapheme, in em. */
export function advanceEm(grapheme: string): number {
  let em = advances.get(grapheme);
  if (em === undefined) {
    em = classify(grapheme);
    if (advances.size < 10_000) advances.set(grapheme, em);
  }
  return em;
}

function classify(grapheme: string): number {
  if (grapheme === ' ') return 0.28;
  if (narrow.has(grapheme)) return 0.28;
  if (semiNarrow.has(grapheme)) return 0.36;
  if (wideLower.has(grapheme)) return 0.82;
  if (wideUpper.has(grapheme)) return 0.9;
  if (/^[0-9]$/.test(grapheme)) return 0.56;
  if (/^\p{Lu}/u.test(grapheme)) return 0.66;
  if (fullWidth.test(grapheme)) return 1;
  if (emoji.test(grapheme)) return 1.1;
  return 0.52;
}

export interface FontMetrics {
  fontSize: number;
  fontStyle?: string;
  /** Extra space after every character, in pixels. */
  letterSpacing?: number;
  /** Line height in pixels; absent means 1.2 × the font size (close to Figma's "auto"). */
  lineHeight?: number;
}

export interface TextMeasure {
  width: number;
  height: number;
  lines: number;
}

const isBold = (style = '') => /bold|black|heavy/i.test(style) && !/semi|demi/i.test(style);

/** Estimated width of a run of text on one line, in pixels. */
export function textWidth(text: string, font: FontMetrics): number {
  const boldFactor = isBold(font.fontStyle) ? 1.06 : 1;
  let em = 0;
  let count = 0;
  for (const g of graphemes(text)) {
    em += advanceEm(g);
    count++;
  }
  return em * font.fontSize * boldFactor + count * (font.letterSpacing ?? 0);
}

/**
 * Estimated size of text set at `font`, wrapped greedily at word boundaries to `maxWidth`
 * (no wrapping when undefined). A word longer than the line breaks between characters;
 * CJK text may break between any two characters.
 */
export function measureText(text: string, font: FontMetrics, maxWidth?: number): TextMeasure {
  const lineHeight = font.lineHeight ?? font.fontSize * 1.2;
  let widest = 0;
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\n|\u2028/)) {
    for (const line of wrap(paragraph, font, maxWidth)) {
      widest = Math.max(widest, textWidth(line, font));
      lines++;
    }
  }
  return { width: widest, height: lines * lineHeight, lines };
}

/** The lines text breaks into at `maxWidth`, as measureText counts them (to draw text where it was measured). */
export function textLines(text: string, font: FontMetrics, maxWidth?: number): string[] {
  return text.split(/\r\n|\n|\u2028/).flatMap((paragraph) => wrap(paragraph, font, maxWidth));
}

function wrap(paragraph: string, font: FontMetrics, maxWidth?: number): string[] {
  if (maxWidth === undefined) return [paragraph];
  // Words keep their trailing space; CJK characters are words of their own.
  const words = paragraph.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+\s*|\s+/gu) ?? [''];
  const lines: string[] = [];
  let line = '';
  // The model is additive, so a line's width grows word by word; trailing spaces never count.
  let lineWidth = 0;
  for (const word of words) {
    const full = textWidth(word, font);
    if (!line || lineWidth + textWidth(word.trimEnd(), font) <= maxWidth) {
      line += word;
      lineWidth += full;
      continue;
    }
    lines.push(line.trimEnd());
    line = word;
    lineWidth = full;
  }
  lines.push(line.trimEnd());
  return lines.flatMap((entry) => breakLongWord(entry, font, maxWidth));
}

// A single word wider than the line breaks between graphemes, as Figma does.
function breakLongWord(line: string, font: FontMetrics, maxWidth: number): string[] {
  if (textWidth(line, font) <= maxWidth) return [line];
  const out: string[] = [];
  let current = '';
  for (const g of graphemes(line)) {
    if (current && textWidth(current + g, font) > maxWidth) {
      out.push(current);
      current = g.trimStart();
    } else current += g;
  }
  if (current) out.push(current);
  return out;
}
