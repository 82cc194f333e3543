import { lineSpans, paragraphSpans, sentenceSpans, trimmedSpan, type Span } from './sentences';

// Structure the writer sees: headings, list items, table cells and paragraphs. No sentence,
// paragraph, line or limit is ever measured across one; a host that knows its structure (Docs
// paragraphs, Figma text layers) passes the blocks, and plain text is read as Markdown.

const headingLine = /^ {0,3}#{1,6}(?:\s|$)/;
const listLine = /^\s*(?:[-*+•]|\d+[.)])\s/;
const tableLine = /^\s*\|.*\|\s*$/;
const tableRule = /^[\s|:-]+$/;

/**
 * The blocks of Markdown-like text: each heading line, list item line and table cell is a block of
 * its own; other lines join their neighbours into a paragraph until a blank line or another block.
 */
export function markdownBlocks(text: string): Span[] {
  const out: Span[] = [];
  let paragraph: Span | undefined;
  const closeParagraph = () => {
    const span = paragraph && trimmedSpan(text, paragraph.start, paragraph.end);
    if (span) out.push(span);
    paragraph = undefined;
  };
  const breaks = /\r\n|\n|\r/g;
  for (let lineStart = 0; lineStart <= text.length; ) {
    breaks.lastIndex = lineStart;
    const m = breaks.exec(text);
    const lineEnd = m ? m.index : text.length;
    const raw = text.slice(lineStart, lineEnd);
    if (!raw.trim()) closeParagraph();
    else if (headingLine.test(raw) || listLine.test(raw)) {
      closeParagraph();
      out.push(trimmedSpan(text, lineStart, lineEnd)!);
    } else if (tableLine.test(raw)) {
      closeParagraph();
      if (!tableRule.test(raw)) {
        // Each cell between the pipes is a block.
        const bars: number[] = [];
        for (let i = raw.indexOf('|'); i !== -1; i = raw.indexOf('|', i + 1)) bars.push(lineStart + i);
        for (let b = 1; b < bars.length; b++) {
          const cell = trimmedSpan(text, bars[b - 1]! + 1, bars[b]!);
          if (cell) out.push(cell);
        }
      }
    } else if (paragraph) paragraph.end = lineEnd;
    else paragraph = { start: lineStart, end: lineEnd };
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  closeParagraph();
  return out;
}

/** The blocks of lines joined by '\n', one block per non-blank line (each a Docs paragraph, list item or cell). */
export function lineBlocks(lines: readonly string[]): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const line of lines) {
    const span = trimmedSpan(line, 0, line.length);
    if (span) out.push({ start: at + span.start, end: at + span.end });
    at += line.length + 1;
  }
  return out;
}

/** Text read as blocks: the spans of a scope found inside each block and never across two. */
export class BlockMap {
  private readonly starts: number[];
  constructor(
    readonly text: string,
    readonly blocks: readonly Span[],
  ) {
    this.starts = blocks.map((b) => b.start);
  }

  /** The index of the block holding an offset, or of the last block starting before it; -1 before the first. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    if (hi < 0 || this.starts[0]! > offset) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Whether `[start, end)` runs from one block into another (or into the gap after its block). */
  crosses(start: number, end: number): boolean {
    if (end <= start) return false;
    const i = this.indexAt(start);
    const block = this.blocks[i];
    return !block || start >= block.end ? this.indexAt(end - 1) !== i : end > block.end;
  }

  /** The part of `[start, end)` inside the first block it touches: a range that crossed structure, cut back. */
  clamp(start: number, end: number): Span {
    if (!this.crosses(start, end)) return { start, end };
    let i = this.indexAt(start);
    if (i < 0 || start >= this.blocks[i]!.end) i++;
    const block = this.blocks[i];
    if (!block) return { start, end: start };
    const from = Math.max(start, block.start);
    return { start: from, end: Math.max(from, Math.min(end, block.end)) };
  }

  /** A splitter's spans within each block, in text offsets. */
  within(split: (text: string) => Span[]): Span[] {
    return this.blocks.flatMap((block) => split(this.text.slice(block.start, block.end)).map((s) => ({ start: s.start + block.start, end: s.end + block.start })));
  }

  sentences(): Span[] {
    return this.within(sentenceSpans);
  }
  paragraphs(): Span[] {
    return this.within(paragraphSpans);
  }
  lines(): Span[] {
    return this.within(lineSpans);
  }
}
