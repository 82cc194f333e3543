import { sheetSafeValue } from '@onbrand/shared/cells';
import { cellText, isBlankCell } from '@onbrand/shared/experiments';
import type { SheetSpec } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

// One tracker sheet read in one getValues: through its named range (two calls) or, when someone
// removed the name, through the sheet's data range (three). Writes go back in one setValues.

export interface Table {
  spec: SheetSpec;
  /** The table from row 1, as wide as its header. */
  range: Range;
  header: string[];
  /** Data rows from row 2, with trailing blank rows dropped. */
  rows: unknown[][];
}

/** A formula the add-on means to write; every other string goes in as text, never as a formula. */
export class Formula {
  constructor(readonly text: string) {}
}

/** A value as it is written to a cell: the add-on's own formulas as formulas, any text as text. */
export function cellInput(value: unknown): unknown {
  return value instanceof Formula ? value.text : sheetSafeValue(value);
}

/** How many items there are up to the last one that is not blank. */
export function usedLength<T>(items: readonly T[], isBlank: (item: T) => boolean): number {
  let n = items.length;
  while (n > 0 && isBlank(items[n - 1]!)) n--;
  return n;
}

export const isBlankRow = (row: readonly unknown[]) => row.every(isBlankCell);

/** Reads a tracker sheet once, or null when the sheet does not exist yet. */
export function readTable(spreadsheet: Spreadsheet, spec: SheetSpec): Table | null {
  const range = spreadsheet.getRangeByName(spec.rangeName) ?? spreadsheet.getSheetByName(spec.name)?.getDataRange() ?? null;
  if (!range) return null;
  const values = range.getValues();
  const header = (values[0] ?? []).map((cell) => cellText(cell));
  const rows = values.slice(1);
  return { spec, range, header: header.slice(0, usedLength(header, isBlankCell)), rows: rows.slice(0, usedLength(rows, isBlankRow)) };
}

/** The 0-based column of a header, matched case-insensitively; -1 when absent. */
export function columnIndex(header: readonly string[], name: string): number {
  const wanted = name.trim().toLowerCase();
  return header.findIndex((cell) => cell.trim().toLowerCase() === wanted);
}

/** A reader of one column's cells as text, found by header; blank when the header is absent. */
export function textColumn(table: Table, name: string): (row: readonly unknown[]) => string {
  const index = columnIndex(table.header, name);
  return (row) => cellText(row[index]);
}

/** Like VLOOKUP: the text under `wanted` in the first row whose `key` cell reads `value`; blank when none. */
export function lookup(table: Table | null, key: string, value: string, wanted: string): string {
  if (!table) return '';
  const keyOf = textColumn(table, key);
  const row = table.rows.find((cells) => keyOf(cells) === value);
  return row ? textColumn(table, wanted)(row) : '';
}

/**
 * Writes the add-on's own columns (`headers`, with one row of `cells` per data row) in one
 * setValues. Columns missing from the header are appended after it. When people moved their own
 * columns between ours, the block spans those too: their values are written back as read, and
 * their formulas (read once, only then) as formulas, so nothing they typed changes.
 */
export function writeColumns(spreadsheet: Spreadsheet, table: Table, headers: readonly string[], cells: readonly (readonly unknown[])[]): void {
  const header = [...table.header];
  const targets = headers.map((name) => {
    const found = columnIndex(header, name);
    if (found >= 0) return found;
    header.push(name);
    return header.length - 1;
  });
  const added = header.length > table.header.length;
  if (cells.length === 0 && !added) return;
  const from = Math.min(...targets);
  const to = Math.max(...targets);
  const width = to - from + 1;
  const ours = new Map(targets.map((column, k) => [column, k]));
  const top = added ? 0 : 1;
  const height = cells.length + 1 - top;
  // The table starts in column A; columns added after its header may reach past the sheet's last.
  const sheet = added ? table.range.getSheet() : null;
  if (sheet) ensureGrid(sheet, 0, to + 1);
  const formulas = ours.size < width ? table.range.offset(top, from, height, width).getFormulas() : null;
  const block = Array.from({ length: height }, (_, r) => {
    const row = top + r;
    return Array.from({ length: width }, (_, c) => {
      const column = from + c;
      const k = ours.get(column);
      if (row === 0) return cellInput(header[column] ?? '');
      if (k !== undefined) return cellInput(cells[row - 1]![k] ?? '');
      // A person's formula is theirs to keep; their text goes back as text.
      return formulas?.[r]![c] || cellInput(table.rows[row - 1]?.[column] ?? '');
    });
  });
  table.range.offset(top, from, height, width).setValues(block);
  // Point the name at the wider table, so the added columns are read next time.
  if (sheet) pointName(spreadsheet, table.spec.rangeName, sheet.getRange(`A:${columnLetter(header.length)}`));
}

/** Appends rows (objects keyed by header) after the last data row, in one setValues. */
export function appendRows(table: Table, rows: readonly Record<string, unknown>[]): void {
  if (rows.length === 0) return;
  const block = rows.map((row) => {
    const byHeader = new Map(Object.entries(row).map(([key, value]) => [key.toLowerCase(), value]));
    return table.header.map((name) => cellInput(byHeader.get(name.toLowerCase()) ?? ''));
  });
  // Writing past the sheet's last row fails in Sheets, so the sheet grows first when it must.
  const spare = table.range.getNumRows() - (table.rows.length + 1);
  if (spare < block.length) table.range.getSheet().insertRowsAfter(table.range.getLastRow(), block.length - spare);
  table.range.offset(table.rows.length + 1, 0, block.length, table.header.length).setValues(block);
}

/**
 * Grows a sheet to at least `rows` rows and `columns` columns (the last ones a write reaches),
 * since Sheets refuses a range past the grid. Asks the sheet's size only when `check` says the
 * write may reach past what was read.
 */
export function ensureGrid(sheet: Sheet, rows: number, columns: number, check = true): void {
  if (!check) return;
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  if (rows > 0) {
    const maxRows = sheet.getMaxRows();
    if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  }
}

/** Names a range, moving the name if it already exists rather than adding a second one. */
export function pointName(spreadsheet: Spreadsheet, name: string, range: Range): void {
  const existing = spreadsheet.getNamedRanges().find((named) => named.getName() === name);
  if (existing) existing.setRange(range);
  else spreadsheet.setNamedRange(name, range);
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  let text = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}
