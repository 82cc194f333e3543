import type { CallLog } from '../call-log';
import { FakeUi } from './fake-ui';
import type { Mirror } from './mirror';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
export type Cell = string | number | boolean | Date;

function displayValue(value: Cell): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

function copyCell(value: Cell): Cell {
  return value instanceof Date ? new Date(value.getTime()) : value;
}

/** A rectangle of cells; reads copy values out, and writes must match its shape, as in Sheets. */
export class FakeRange
  implements Mirror<Range, 'getValues' | 'getDisplayValues' | 'setValues' | 'getRow' | 'getColumn' | 'getNumRows' | 'getNumColumns', { setValues: FakeRange }>
{
  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly column: number,
    private readonly numRows: number,
    private readonly numColumns: number,
    private readonly calls: CallLog,
  ) {}

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numColumns;
  }

  getValues(): any[][] {
    this.calls.record('Range.getValues');
    return this.sheet.read(this.row, this.column, this.numRows, this.numColumns).map((row) => row.map(copyCell));
  }

  getDisplayValues(): string[][] {
    this.calls.record('Range.getDisplayValues');
    return this.sheet.read(this.row, this.column, this.numRows, this.numColumns).map((row) => row.map(displayValue));
  }

  setValues(values: any[][]): FakeRange {
    this.calls.record('Range.setValues');
    if (values.length !== this.numRows) {
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.numRows}.`);
    }
    for (const row of values) {
      if (row.length !== this.numColumns) {
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numColumns}.`);
      }
    }
    this.sheet.write(this.row, this.column, values as Cell[][]);
    return this;
  }
}

/** One sheet: a grid of cells that grows as it is written, like a real sheet's data region. */
export class FakeSheet implements Mirror<Sheet, 'getName' | 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns'> {
  private cells: Cell[][];

  constructor(
    private name: string,
    rows: Cell[][],
    private readonly calls: CallLog,
  ) {
    this.cells = rows.map((row) => row.map(copyCell));
  }

  getName(): string {
    this.calls.record('Sheet.getName');
    return this.name;
  }

  /** The name without counting a host call; for the preview and the fake's own checks. */
  snapshotName(): string {
    return this.name;
  }

  getLastRow(): number {
    this.calls.record('Sheet.getLastRow');
    return this.snapshotLastRow();
  }

  getLastColumn(): number {
    this.calls.record('Sheet.getLastColumn');
    return this.cells.reduce((last, row) => {
      for (let column = row.length; column > last; column--) if (row[column - 1] !== '') return column;
      return last;
    }, 0);
  }

  getMaxRows(): number {
    return Math.max(1000, this.cells.length);
  }

  getMaxColumns(): number {
    return Math.max(26, ...this.cells.map((row) => row.length));
  }

  getRange(row: number, column: number, numRows = 1, numColumns = 1): FakeRange {
    this.calls.record('Sheet.getRange');
    if (row < 1 || column < 1 || numRows < 1 || numColumns < 1) throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    return new FakeRange(this, row, column, numRows, numColumns, this.calls);
  }

  getDataRange(): FakeRange {
    this.calls.record('Sheet.getDataRange');
    const rows = Math.max(1, this.snapshotLastRow());
    const columns = Math.max(1, ...this.cells.map((row) => row.length));
    return new FakeRange(this, 1, 1, rows, columns, this.calls);
  }

  /** The grid as the preview draws it; not an Apps Script method, so not counted. */
  snapshot(): Cell[][] {
    return this.cells.map((row) => row.map(copyCell));
  }

  read(row: number, column: number, numRows: number, numColumns: number): Cell[][] {
    return Array.from({ length: numRows }, (_, r) => Array.from({ length: numColumns }, (_, c) => this.cells[row - 1 + r]?.[column - 1 + c] ?? ''));
  }

  write(row: number, column: number, values: Cell[][]): void {
    values.forEach((rowValues, r) => {
      const target = (this.cells[row - 1 + r] ??= []);
      rowValues.forEach((value, c) => {
        while (target.length < column - 1 + c) target.push('');
        target[column - 1 + c] = value instanceof Date ? new Date(value.getTime()) : value;
      });
    });
    for (let r = 0; r < this.cells.length; r++) this.cells[r] ??= [];
  }

  private snapshotLastRow(): number {
    for (let row = this.cells.length; row > 0; row--) if (this.cells[row - 1]!.some((cell) => cell !== '')) return row;
    return 0;
  }
}

export class FakeSpreadsheet implements Mirror<Spreadsheet, 'getName' | 'getId'> {
  readonly sheets: FakeSheet[];
  private active: FakeSheet;
  readonly toasts: string[] = [];

  constructor(
    private readonly name: string,
    sheets: Record<string, Cell[][]>,
    private readonly calls: CallLog,
  ) {
    this.sheets = Object.entries(sheets).map(([sheetName, rows]) => new FakeSheet(sheetName, rows, calls));
    if (this.sheets.length === 0) this.sheets.push(new FakeSheet('Sheet1', [], calls));
    this.active = this.sheets[0]!;
  }

  getName(): string {
    this.calls.record('Spreadsheet.getName');
    return this.name;
  }

  getId(): string {
    return 'preview-spreadsheet';
  }

  getActiveSheet(): FakeSheet {
    this.calls.record('Spreadsheet.getActiveSheet');
    return this.active;
  }

  /** The active sheet without counting a host call; for the preview. */
  activeSheetSnapshot(): FakeSheet {
    return this.active;
  }

  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.calls.record('Spreadsheet.setActiveSheet');
    this.active = sheet;
    return sheet;
  }

  getSheets(): FakeSheet[] {
    this.calls.record('Spreadsheet.getSheets');
    return [...this.sheets];
  }

  getSheetByName(name: string): FakeSheet | null {
    this.calls.record('Spreadsheet.getSheetByName');
    return this.sheets.find((sheet) => sheet.snapshotName() === name) ?? null;
  }

  insertSheet(sheetName: string): FakeSheet {
    this.calls.record('Spreadsheet.insertSheet');
    if (this.sheets.some((sheet) => sheet.snapshotName() === sheetName)) {
      throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(sheetName, [], this.calls);
    this.sheets.push(sheet);
    this.active = sheet;
    return sheet;
  }

  toast(msg: string, _title?: string, _timeoutSeconds?: number): void {
    this.calls.record('Spreadsheet.toast');
    this.toasts.push(msg);
  }
}

export class FakeSpreadsheetApp implements Mirror<SpreadsheetApp, 'flush'> {
  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly ui: FakeUi,
    private readonly calls: CallLog,
  ) {}

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.calls.record('SpreadsheetApp.getActiveSpreadsheet');
    return this.spreadsheet;
  }

  getUi(): FakeUi {
    this.calls.record('SpreadsheetApp.getUi');
    return this.ui;
  }

  flush(): void {
    this.calls.record('SpreadsheetApp.flush');
  }
}
