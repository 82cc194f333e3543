// Lint works on one flat string; Docs edits work on one element at a time. This map joins the
// checked paragraphs' texts with '\n' and translates between a flat UTF-16 offset and
// (paragraph, offset in that paragraph). Docs, the core and JS strings all count UTF-16 units, so
// emoji (two units), combining marks and right-to-left text need no special case: the map only
// ever adds and subtracts whole paragraph lengths.

/** Where a paragraph sits: its section and either its ordinal in section.getParagraphs() or a child-index path. */
export interface ParagraphRef {
  section: string;
  /** A number is the paragraph's index in `getParagraphs()`; an array is a path of child indices from the section. */
  ref: number | number[];
}

/** One checked paragraph (or the selected part of one, starting at `base`). */
export interface MappedParagraph extends ParagraphRef {
  text: string;
  /** Offset in the paragraph where `text` starts (non-zero for a partial selection). */
  base: number;
}

/** A span inside one paragraph, in that paragraph's own offsets. */
export interface ParagraphSpan extends ParagraphRef {
  start: number;
  end: number;
}

export class OffsetMap {
  /** Flat offset where each paragraph's text starts. */
  readonly starts: number[] = [];
  readonly flat: string;

  constructor(readonly paragraphs: readonly MappedParagraph[]) {
    let at = 0;
    for (const paragraph of paragraphs) {
      this.starts.push(at);
      at += paragraph.text.length + 1;
    }
    this.flat = paragraphs.map((p) => p.text).join('\n');
  }

  /** The paragraph holding a flat offset; an offset on a '\n' belongs to the paragraph it ends. */
  indexAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Flat [start, end) → a span in one paragraph, or null when it crosses a paragraph break. */
  toSpan(start: number, end: number): ParagraphSpan | null {
    if (this.paragraphs.length === 0 || start < 0 || end > this.flat.length || start > end) return null;
    const index = this.indexAt(start);
    const paragraph = this.paragraphs[index]!;
    const local = start - this.starts[index]!;
    const localEnd = end - this.starts[index]!;
    if (localEnd > paragraph.text.length) return null;
    return { section: paragraph.section, ref: paragraph.ref, start: paragraph.base + local, end: paragraph.base + localEnd };
  }

  /** A paragraph span → flat [start, end), or null when that paragraph (or that part of it) was not checked. */
  toFlat(span: ParagraphSpan): { start: number; end: number } | null {
    const index = this.paragraphs.findIndex((p) => p.section === span.section && sameRef(p.ref, span.ref));
    if (index < 0) return null;
    const paragraph = this.paragraphs[index]!;
    const start = span.start - paragraph.base;
    const end = span.end - paragraph.base;
    if (start < 0 || end > paragraph.text.length || start > end) return null;
    return { start: this.starts[index]! + start, end: this.starts[index]! + end };
  }
}

export function sameRef(a: number | readonly number[], b: number | readonly number[]): boolean {
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
