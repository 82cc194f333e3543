// Reading spreadsheet cells, which arrive as numbers, strings, booleans, dates or nothing.
// A cell is never coerced silently: text in a numeric column is an error with the text quoted.

export type CellRead<T> = { ok: true; value: T } | { ok: false; reason: string };

const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// "12,345" as spreadsheets display thousands; only with exact groups of three, so "1,5" stays an error.
const grouped = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** True for an empty cell: nothing, or only spaces. */
export function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A cell as trimmed text; numbers are written plainly and dates as YYYY-MM-DD. */
export function cellText(value: unknown): string {
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return isBlankCell(value) ? '' : String(value).trim();
}

function quoted(value: unknown): string {
  const text = String(value);
  return text.length > 30 ? `"${text.slice(0, 27)}…"` : `"${text}"`;
}

/** A finite number from a cell, or the reason it is not one. */
export function readNumberCell(value: unknown, column: string): CellRead<number> {
  if (isBlankCell(value)) return { ok: false, reason: `${column} is blank` };
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: `${column} is not a finite number` };
  if (typeof value === 'string') {
    const text = value.trim();
    if (decimal.test(text)) return { ok: true, value: Number(text) };
    if (grouped.test(text)) return { ok: true, value: Number(text.replace(/,/g, '')) };
  }
  return { ok: false, reason: `${column} is text (${quoted(value)}), not a number` };
}

/** A whole number ≥ 0 (a count of visitors or conversions), or the reason it is not one. */
export function readCountCell(value: unknown, column: string): CellRead<number> {
  const read = readNumberCell(value, column);
  if (!read.ok) return read;
  if (read.value < 0) return { ok: false, reason: `${column} is negative (${read.value})` };
  if (!Number.isInteger(read.value)) return { ok: false, reason: `${column} is not a whole number (${read.value})` };
  return read;
}

/** A number read from a cell, or `fallback` when the cell is blank. */
export function readOptional(value: unknown, fallback: number, column: string, read = readNumberCell): CellRead<number> {
  return isBlankCell(value) ? { ok: true, value: fallback } : read(value, column);
}

/** Every read's value by name, or the reasons of those that failed, in order. */
export function readAll<K extends string>(reads: Record<K, CellRead<number>>): { ok: true; value: Record<K, number> } | { ok: false; reasons: string[] } {
  const value = {} as Record<K, number>;
  const reasons: string[] = [];
  for (const key of Object.keys(reads) as K[]) {
    const read = reads[key];
    if (read.ok) value[key] = read.value;
    else reasons.push(read.reason);
  }
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, value };
}

/** A number within [min, max], or the reason it is not. */
export function readRangeCell(value: unknown, column: string, min: number, max: number): CellRead<number> {
  const read = readNumberCell(value, column);
  if (!read.ok) return read;
  if (read.value < min || read.value > max) return { ok: false, reason: `${column} must be from ${min} to ${max}, got ${read.value}` };
  return read;
}
