import type { FakeSheet, FakeSpreadsheet } from '../apps-script';
import { calculatorFor } from './sheet-formulas';
import { typedValue } from './typed-input';

// What a person does in the preview's grid, applied to the simulated spreadsheet: typing, pasting
// and clearing write values as typed input (so the add-on's code reads numbers as numbers), and
// selecting moves the active range that getActiveRange() returns. Neither counts as a host call.

function sheetNamed(spreadsheet: FakeSpreadsheet, body: Record<string, unknown>): FakeSheet {
  if (typeof body.sheet !== 'string') throw new Error('The grid request names no sheet: "sheet" must be the name of a sheet.');
  const sheet = spreadsheet.sheets.find((candidate) => candidate.snapshotName() === body.sheet);
  if (!sheet) throw new Error(`There is no sheet called "${body.sheet}" in ${spreadsheet.getName()}.`);
  return sheet;
}

function position(body: Record<string, unknown>, field: 'row' | 'column' | 'numRows' | 'numColumns'): number {
  const value = body[field] ?? (field.startsWith('num') ? 1 : undefined);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new Error(`The grid request's "${field}" must be a whole number from 1; it was ${JSON.stringify(value)}.`);
  return value;
}

const asObject = (body: unknown): Record<string, unknown> => (body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {});

/** Selects a range on a sheet, as clicking or shift-clicking in Sheets does; the sheet becomes active. */
export function selectCells(spreadsheet: FakeSpreadsheet, request: unknown): void {
  const body = asObject(request);
  const sheet = sheetNamed(spreadsheet, body);
  spreadsheet.select(sheet.rangeAt(position(body, 'row'), position(body, 'column'), position(body, 'numRows'), position(body, 'numColumns')));
}

/**
 * Writes typed text into the cells from (row, column): one row of strings per sheet row, as a
 * paste of tab-separated rows gives them. Short rows are filled with blanks. A rejected value
 * (a strict dropdown, an over-long cell) leaves every cell as it was and names the cell.
 */
export function editCells(spreadsheet: FakeSpreadsheet, request: unknown): void {
  const body = asObject(request);
  const sheet = sheetNamed(spreadsheet, body);
  const row = position(body, 'row');
  const column = position(body, 'column');
  const rows = body.values;
  if (!Array.isArray(rows) || rows.length === 0 || !rows.every((cells) => Array.isArray(cells) && cells.every((cell) => typeof cell === 'string'))) {
    throw new Error('The grid request\'s "values" must be rows of text, e.g. [["Name", "4"]].');
  }
  const width = Math.max(1, ...(rows as string[][]).map((cells) => cells.length));
  const values = (rows as string[][]).map((cells) => Array.from({ length: width }, (_, c) => typedValue(cells[c] ?? '')));
  sheet.write(row, column, values);
  const calculator = calculatorFor(spreadsheet);
  calculator?.edited(sheet, row, column, values.length, width);
  calculator?.recalculate();
}
