// Line and column for a UTF-16 offset: 1-based, with CRLF, LF and a lone CR each ending one line.
// Columns count UTF-16 units, as editors and the Language Server Protocol do.

/** Offsets where each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // indexOf runs natively, far faster than a loop over every unit on long texts.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf !== -1 || cr !== -1) {
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      const end = text.charCodeAt(cr + 1) === 0x0a ? cr + 2 : cr + 1;
      starts.push(end);
      if (end === cr + 2) lf = text.indexOf('\n', end);
      cr = text.indexOf('\r', end);
    } else {
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  return starts;
}

/** Maps offsets to 1-based line and column; built once per text. */
export class LineMap {
  private readonly starts: number[];
  constructor(text: string) {
    this.starts = lineStarts(text);
  }

  /** The line and column of a UTF-16 offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/** The 1-based line and column of one offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return new LineMap(text).position(offset);
}
