import type { Cell } from '../apps-script';

// What a person's typing becomes in a Sheets cell: numbers, percentages, TRUE/FALSE and ISO dates
// are read as values, everything else stays text. Formulas ("=…") and text marked with a leading
// apostrophe are passed on as typed, for the spreadsheet to read as it does any typed input.
const plainNumber = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The value a cell holds after a person types `text` into it. */
export function typedValue(text: string): Cell {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  const percent = trimmed.endsWith('%');
  const body = percent ? trimmed.slice(0, -1).trim() : trimmed;
  if (/\d/.test(body) && plainNumber.test(body)) {
    const number = Number(body.replace(/,/g, ''));
    if (Number.isFinite(number)) return percent ? number / 100 : number;
  }
  const date = isoDate.exec(trimmed);
  if (date) {
    const value = new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
    // 2026-02-31 is not a date, so Sheets keeps it as text.
    if (value.getUTCMonth() === Number(date[2]) - 1 && value.getUTCDate() === Number(date[3])) return value;
  }
  return text;
}

/** What the cell editor starts with: the formula, or the value as a person would type it again. */
export function editableText(value: Cell, formula: string): string {
  if (formula) return formula;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
