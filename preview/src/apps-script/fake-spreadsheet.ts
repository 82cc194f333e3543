import { countCalls, type CallLog } from '../call-log';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder, SheetCharts } from './fake-chart';
import { FakeUi } from './fake-ui';
import type { Mirror } from './mirror';

type Range = GoogleAppsScript.Spreadsheet.Range;
type RangeList = GoogleAppsScript.Spreadsheet.RangeList;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type ConditionalFormatRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type NamedRange = GoogleAppsScript.Spreadsheet.NamedRange;
export type Cell = string | number | boolean | Date;

function copyCell(value: Cell): Cell {
  return value instanceof Date ? new Date(value.getTime()) : value;
}

// ── A1 notation ────────────────────────────────────────────────────────────────────────────────

/** 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  let text = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

interface Box {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** True for "A:C" or "J2:J": the range runs to the last row, however many rows the sheet gets. */
  openRows?: boolean;
}

/** "B2", "B2:D9", "J2:J" and "A:C" as Sheets reads them; open ends run to the sheet's last row or column. */
export function parseA1(a1: string, maxRows: number, maxColumns: number): Box {
  const part = /^\$?([A-Za-z]*)\$?(\d*)$/;
  const [from, to = from] = a1.replace(/^'?[^'!]*'?!/, '').split(':');
  const a = part.exec(from!);
  const b = part.exec(to);
  if (!a || !b || (!a[1] && !a[2])) throw new Error(`Range not found: ${a1}`);
  const column = a[1] ? columnNumber(a[1]) : 1;
  const row = a[2] ? Number(a[2]) : 1;
  const lastColumn = b[1] ? columnNumber(b[1]) : maxColumns;
  const lastRow = b[2] ? Number(b[2]) : maxRows;
  return { row, column, numRows: lastRow - row + 1, numColumns: lastColumn - column + 1, ...(b[2] ? {} : { openRows: true }) };
}

function a1Of(box: Box): string {
  const start = `${columnLetter(box.column)}${box.row}`;
  if (box.numRows === 1 && box.numColumns === 1) return start;
  return `${start}:${columnLetter(box.column + box.numColumns - 1)}${box.row + box.numRows - 1}`;
}

function inside(box: Box, row: number, column: number): boolean {
  const rowInside = row >= box.row && (box.openRows || row < box.row + box.numRows);
  return rowInside && column >= box.column && column < box.column + box.numColumns;
}

// ── Typed input ────────────────────────────────────────────────────────────────────────────────

/** Sheets' limit on the text in one cell. */
const maxCellChars = 50_000;

/**
 * The formula a written string becomes, as when a person types it: "=…" is a formula, and so is
 * "+…" or "-…" unless it reads as a number (Sheets shows "=+…" / "=-…", an error for text).
 */
function typedFormula(value: Cell): string | null {
  if (typeof value !== 'string') return null;
  if (value.startsWith('=')) return value;
  if (/^[+-]/.test(value) && value.trim().length > 1 && !Number.isFinite(Number(value))) return `=${value}`;
  return null;
}

// ── Number formats, as the grid displays them ──────────────────────────────────────────────────

/** Formats a number the way the common Sheets patterns show it: 0, 0.0, 0.00%, #,##0, 0.000E+00. */
export function formatNumber(value: number, pattern: string): string {
  if (!pattern || pattern === 'General' || pattern === '@') return String(value);
  const percent = pattern.endsWith('%');
  const core = percent ? pattern.slice(0, -1) : pattern;
  const decimals = core.includes('.') ? core.split('.')[1]!.replace(/[^0#]/g, '').length : 0;
  const scaled = percent ? value * 100 : value;
  let text = scaled.toFixed(decimals);
  if (core.includes(',')) {
    const [whole, fraction] = text.split('.');
    text = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
  }
  return percent ? `${text}%` : text;
}

function displayValue(value: Cell, pattern: string): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return formatNumber(value, pattern);
  return String(value);
}

// ── Data validation ────────────────────────────────────────────────────────────────────────────

/** A built rule; only list rules (dropdowns) and number ranges, which is what the add-on sets. */
export class FakeDataValidation
  implements Mirror<DataValidation, 'getAllowInvalid' | 'getHelpText' | 'getCriteriaValues' | 'getCriteriaType', { getCriteriaType: string }>
{
  constructor(
    readonly criteria: 'VALUE_IN_LIST' | 'NUMBER_BETWEEN',
    readonly values: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}

  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string {
    return this.helpText;
  }
  getCriteriaValues(): any[] {
    return [...this.values];
  }
  getCriteriaType(): string {
    return this.criteria;
  }

  /** Whether a value passes; blanks always do, as in Sheets. */
  accepts(value: Cell): boolean {
    if (value === '') return true;
    if (this.criteria === 'VALUE_IN_LIST') return (this.values[0] as string[]).some((item) => item === String(value));
    return typeof value === 'number' && value >= (this.values[0] as number) && value <= (this.values[1] as number);
  }
}

export class FakeDataValidationBuilder
  implements
    Mirror<
      DataValidationBuilder,
      'requireNumberBetween' | 'setAllowInvalid' | 'setHelpText' | 'build',
      { requireNumberBetween: FakeDataValidationBuilder; setAllowInvalid: FakeDataValidationBuilder; setHelpText: FakeDataValidationBuilder; build: FakeDataValidation }
    >
{
  private criteria: FakeDataValidation['criteria'] = 'VALUE_IN_LIST';
  private values: unknown[] = [[]];
  private allowInvalid = true;
  private helpText = '';

  constructor(readonly calls: CallLog) {}

  requireValueInList(values: string[], showDropdown = true): FakeDataValidationBuilder {
    this.criteria = 'VALUE_IN_LIST';
    this.values = [[...values], showDropdown];
    return this;
  }

  requireNumberBetween(start: number, end: number): FakeDataValidationBuilder {
    this.criteria = 'NUMBER_BETWEEN';
    this.values = [start, end];
    return this;
  }

  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    this.allowInvalid = allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): FakeDataValidationBuilder {
    this.helpText = helpText;
    return this;
  }

  build(): FakeDataValidation {
    return new FakeDataValidation(this.criteria, this.values, this.allowInvalid, this.helpText);
  }
}

countCalls(FakeDataValidationBuilder, 'DataValidationBuilder', ['requireValueInList', 'requireNumberBetween', 'setAllowInvalid', 'setHelpText', 'build']);

// ── Conditional formatting ─────────────────────────────────────────────────────────────────────

export type FakeCondition =
  | { type: 'TEXT_EQ' | 'TEXT_CONTAINS'; text: string }
  | { type: 'NUMBER_LESS_THAN' | 'NUMBER_GREATER_THAN_OR_EQUAL_TO'; number: number }
  | { type: 'CUSTOM_FORMULA'; formula: string };

// A custom-formula condition is evaluated for the few shapes the add-on writes: a comparison of a
// reference with a literal (=$R2=TRUE, =$K2<>"OK"), or AND(…) of such comparisons. References are
// relative to the rule's top-left cell, as in Sheets; $ pins a column or row.
function evaluateFormula(formula: string, read: (row: number, column: number) => Cell, anchor: { row: number; column: number }, at: { row: number; column: number }): boolean {
  const body = formula.trim().replace(/^=/, '');
  const and = /^AND\((.*)\)$/i.exec(body);
  const parts = and ? and[1]!.split(',') : [body];
  return parts.every((part) => {
    const match = /^\s*(\$?)([A-Z]+)(\$?)(\d+)\s*(<>|>=|<=|=|<|>)\s*(.+?)\s*$/i.exec(part);
    if (!match) return false;
    const [, pinColumn, letters, pinRow, digits, op, literalText] = match;
    const column = pinColumn ? columnNumber(letters!) : columnNumber(letters!) + (at.column - anchor.column);
    const row = pinRow ? Number(digits) : Number(digits) + (at.row - anchor.row);
    const cell = read(row, column);
    const literal: Cell = /^TRUE$/i.test(literalText!) ? true : /^FALSE$/i.test(literalText!) ? false : /^".*"$/.test(literalText!) ? literalText!.slice(1, -1) : Number(literalText);
    const [a, b] = typeof literal === 'string' ? [String(cell).toLowerCase(), literal.toLowerCase()] : [cell, literal];
    switch (op) {
      case '=': return a === b;
      case '<>': return a !== b;
      case '<': return a < b;
      case '>': return a > b;
      case '<=': return a <= b;
      default: return a >= b;
    }
  });
}

export class FakeConditionalFormatRule implements Mirror<ConditionalFormatRule, 'getRanges', { getRanges: FakeRange[] }> {
  constructor(
    readonly ranges: FakeRange[],
    readonly condition: FakeCondition,
    readonly background: string | null,
    readonly fontColor: string | null,
  ) {}

  getRanges(): FakeRange[] {
    return [...this.ranges];
  }

  /** Whether the rule colours this cell; not an Apps Script method, for the preview. */
  matches(sheet: FakeSheet, row: number, column: number): boolean {
    const range = this.ranges.find((candidate) => candidate.snapshotSheet() === sheet && inside(candidate.box(), row, column));
    if (!range) return false;
    const value = sheet.cellAt(row, column);
    const c = this.condition;
    switch (c.type) {
      case 'TEXT_EQ': return value !== '' && String(value).toLowerCase() === c.text.toLowerCase();
      case 'TEXT_CONTAINS': return String(value).toLowerCase().includes(c.text.toLowerCase());
      case 'NUMBER_LESS_THAN': return typeof value === 'number' && value < c.number;
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return typeof value === 'number' && value >= c.number;
      case 'CUSTOM_FORMULA': return evaluateFormula(c.formula, (r, col) => sheet.cellAt(r, col), range.box(), { row, column });
    }
  }
}

type RuleBuilderResults = {
  whenTextEqualTo: FakeConditionalFormatRuleBuilder;
  whenTextContains: FakeConditionalFormatRuleBuilder;
  whenNumberLessThan: FakeConditionalFormatRuleBuilder;
  whenNumberGreaterThanOrEqualTo: FakeConditionalFormatRuleBuilder;
  whenFormulaSatisfied: FakeConditionalFormatRuleBuilder;
  setBackground: FakeConditionalFormatRuleBuilder;
  setFontColor: FakeConditionalFormatRuleBuilder;
  build: FakeConditionalFormatRule;
};

export class FakeConditionalFormatRuleBuilder
  implements
    Mirror<
      ConditionalFormatRuleBuilder,
      'whenTextEqualTo' | 'whenTextContains' | 'whenNumberLessThan' | 'whenNumberGreaterThanOrEqualTo' | 'whenFormulaSatisfied' | 'setBackground' | 'setFontColor' | 'build',
      RuleBuilderResults
    >
{
  private condition: FakeCondition | null = null;
  private background: string | null = null;
  private fontColor: string | null = null;
  private ranges: FakeRange[] = [];

  constructor(readonly calls: CallLog) {}

  /** Every when… method sets its condition here, so they all count as one call, `when`. */
  when(condition: FakeCondition): FakeConditionalFormatRuleBuilder {
    this.condition = condition;
    return this;
  }

  whenTextEqualTo(text: string): FakeConditionalFormatRuleBuilder {
    return this.when({ type: 'TEXT_EQ', text });
  }
  whenTextContains(text: string): FakeConditionalFormatRuleBuilder {
    return this.when({ type: 'TEXT_CONTAINS', text });
  }
  whenNumberLessThan(number: number): FakeConditionalFormatRuleBuilder {
    return this.when({ type: 'NUMBER_LESS_THAN', number });
  }
  whenNumberGreaterThanOrEqualTo(number: number): FakeConditionalFormatRuleBuilder {
    return this.when({ type: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', number });
  }
  whenFormulaSatisfied(formula: string): FakeConditionalFormatRuleBuilder {
    return this.when({ type: 'CUSTOM_FORMULA', formula });
  }

  setBackground(color: string | null): FakeConditionalFormatRuleBuilder {
    this.background = color;
    return this;
  }

  setFontColor(color: string | null): FakeConditionalFormatRuleBuilder {
    this.fontColor = color;
    return this;
  }

  setRanges(ranges: (Range | FakeRange)[]): FakeConditionalFormatRuleBuilder {
    this.ranges = ranges as FakeRange[];
    return this;
  }

  build(): FakeConditionalFormatRule {
    // The message Sheets gives for a rule without a condition.
    if (!this.condition) throw new Error('Conditional format rule must have a boolean condition or gradient.');
    if (this.ranges.length === 0) throw new Error('Conditional format rule must have at least one range.');
    return new FakeConditionalFormatRule(this.ranges, this.condition, this.background, this.fontColor);
  }
}

countCalls(FakeConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder', ['when', 'setBackground', 'setFontColor', 'setRanges', 'build']);

// ── Ranges ─────────────────────────────────────────────────────────────────────────────────────

type RangeResults = {
  setValue: FakeRange;
  setValues: FakeRange;
  setNumberFormat: FakeRange;
  setNumberFormats: FakeRange;
  setDataValidation: FakeRange;
  setDataValidations: FakeRange;
  getDataValidation: FakeDataValidation | null;
  getDataValidations: (FakeDataValidation | null)[][];
  clear: FakeRange;
  clearContent: FakeRange;
  activate: FakeRange;
  getSheet: FakeSheet;
};

/** A rectangle of cells; reads copy values out, and writes must match its shape, as in Sheets. */
export class FakeRange
  implements
    Mirror<
      Range,
      | 'getValue' | 'setValue' | 'getValues' | 'getDisplayValues' | 'getFormulas' | 'setValues' | 'getRow' | 'getColumn' | 'getNumRows' | 'getNumColumns' | 'getLastRow' | 'getLastColumn'
      | 'getA1Notation' | 'setNumberFormat' | 'setNumberFormats' | 'getNumberFormats' | 'setDataValidation' | 'setDataValidations' | 'getDataValidation' | 'getDataValidations'
      | 'clear' | 'clearContent' | 'activate' | 'getSheet',
      RangeResults
    >
{
  constructor(
    private readonly sheet: FakeSheet,
    private row: number,
    private column: number,
    private readonly fixedRows: number,
    private numColumns: number,
    readonly calls: CallLog,
    private readonly openRows = false,
  ) {}

  private get numRows(): number {
    return this.openRows ? this.sheet.maxRows() - this.row + 1 : this.fixedRows;
  }

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
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }
  getA1Notation(): string {
    return a1Of(this.box());
  }

  getSheet(): FakeSheet {
    return this.sheet;
  }

  /** The sheet without counting a host call. */
  snapshotSheet(): FakeSheet {
    return this.sheet;
  }

  box(): Box {
    return { row: this.row, column: this.column, numRows: this.numRows, numColumns: this.numColumns, ...(this.openRows ? { openRows: true } : {}) };
  }

  /** Follows an insertion of columns, as Sheets moves ranges, rules and names with their cells. */
  shiftForInsertedColumns(after: number, howMany: number): void {
    if (this.column > after) this.column += howMany;
    else if (this.column + this.numColumns - 1 > after) this.numColumns += howMany;
  }

  offset(rowOffset: number, columnOffset: number, numRows = this.numRows, numColumns = this.numColumns): FakeRange {
    return this.sheet.rangeAt(this.row + rowOffset, this.column + columnOffset, numRows, numColumns);
  }

  getValue(): any {
    return copyCell(this.sheet.cellAt(this.row, this.column));
  }

  setValue(value: any): FakeRange {
    this.sheet.write(this.row, this.column, [[value as Cell]]);
    return this;
  }

  getValues(): any[][] {
    return this.sheet.read(this.box()).map((row) => row.map(copyCell));
  }

  getDisplayValues(): string[][] {
    return this.sheet.readDisplay(this.box());
  }

  getFormulas(): string[][] {
    return this.sheet.readFormulas(this.box());
  }

  private checkShape(values: unknown[][], what: string): void {
    if (values.length !== this.numRows) {
      throw new Error(`The number of rows in the ${what} does not match the number of rows in the range. The data has ${values.length} but the range has ${this.numRows}.`);
    }
    for (const row of values) {
      if (row.length !== this.numColumns) {
        throw new Error(`The number of columns in the ${what} does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numColumns}.`);
      }
    }
  }

  setValues(values: any[][]): FakeRange {
    this.checkShape(values, 'data');
    this.sheet.write(this.row, this.column, values as Cell[][]);
    return this;
  }

  setNumberFormat(numberFormat: string): FakeRange {
    this.sheet.formats.push({ box: this.box(), value: numberFormat });
    return this;
  }

  setNumberFormats(numberFormats: string[][]): FakeRange {
    this.checkShape(numberFormats, 'data');
    numberFormats.forEach((row, r) => row.forEach((value, c) => this.sheet.formats.push({ box: { row: this.row + r, column: this.column + c, numRows: 1, numColumns: 1 }, value })));
    return this;
  }

  getNumberFormats(): string[][] {
    return this.grid((row, column) => this.sheet.formatAt(row, column) || 'General');
  }

  setDataValidation(rule: DataValidation | FakeDataValidation | null): FakeRange {
    this.sheet.validations.push({ box: this.box(), value: rule as FakeDataValidation | null });
    return this;
  }

  setDataValidations(rules: (DataValidation | FakeDataValidation | null)[][]): FakeRange {
    this.checkShape(rules, 'data');
    rules.forEach((row, r) => row.forEach((value, c) => this.sheet.validations.push({ box: { row: this.row + r, column: this.column + c, numRows: 1, numColumns: 1 }, value: value as FakeDataValidation | null })));
    return this;
  }

  getDataValidation(): FakeDataValidation | null {
    return this.sheet.validationAt(this.row, this.column);
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.grid((row, column) => this.sheet.validationAt(row, column));
  }

  clear(): FakeRange {
    this.sheet.write(this.row, this.column, this.grid(() => ''), true);
    this.sheet.formats.push({ box: this.box(), value: '' });
    this.sheet.validations.push({ box: this.box(), value: null });
    return this;
  }

  clearContent(): FakeRange {
    this.sheet.write(this.row, this.column, this.grid(() => ''), true);
    return this;
  }

  activate(): FakeRange {
    this.sheet.spreadsheet.select(this);
    return this;
  }

  private grid<T>(cell: (row: number, column: number) => T): T[][] {
    return Array.from({ length: this.numRows }, (_, r) => Array.from({ length: this.numColumns }, (_, c) => cell(this.row + r, this.column + c)));
  }
}

countCalls(FakeRange, 'Range', [
  'getSheet', 'offset', 'getValue', 'setValue', 'getValues', 'getDisplayValues', 'getFormulas', 'setValues', 'setNumberFormat', 'setNumberFormats', 'getNumberFormats',
  'setDataValidation', 'setDataValidations', 'getDataValidation', 'getDataValidations', 'clear', 'clearContent', 'activate',
]);

export class FakeRangeList implements Mirror<RangeList, 'setNumberFormat' | 'getRanges', { setNumberFormat: FakeRangeList; getRanges: FakeRange[] }> {
  constructor(
    private readonly ranges: FakeRange[],
    readonly calls: CallLog,
  ) {}

  getRanges(): FakeRange[] {
    return [...this.ranges];
  }

  setNumberFormat(format: string): FakeRangeList {
    for (const range of this.ranges) range.snapshotSheet().formats.push({ box: range.box(), value: format });
    return this;
  }
}

countCalls(FakeRangeList, 'RangeList', ['getRanges', 'setNumberFormat']);

// ── Sheets ─────────────────────────────────────────────────────────────────────────────────────

interface Region<T> {
  box: Box;
  value: T;
}

type SheetResults = {
  getRange: FakeRange;
  getDataRange: FakeRange;
  getRangeList: FakeRangeList;
  insertRowsAfter: FakeSheet;
  insertColumnsAfter: FakeSheet;
  setColumnWidth: FakeSheet;
  activate: FakeSheet;
  getConditionalFormatRules: FakeConditionalFormatRule[];
  clear: FakeSheet;
  getActiveRange: FakeRange | null;
};

let nextSheetId = 1_000;

/** One sheet: a grid of cells that grows as it is written, like a real sheet's data region. */
export class FakeSheet
  implements
    Mirror<
      Sheet,
      | 'getName' | 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns' | 'getSheetId' | 'getFrozenRows' | 'setFrozenRows' | 'getDataRange'
      | 'getRangeList' | 'insertRowsAfter' | 'insertColumnsAfter' | 'setColumnWidth' | 'getColumnWidth' | 'activate' | 'getConditionalFormatRules' | 'setConditionalFormatRules' | 'clear' | 'getActiveRange',
      SheetResults
    >
{
  private cells: Cell[][];
  private readonly formulas = new Map<string, string>();
  readonly formats: Region<string>[] = [];
  readonly validations: Region<FakeDataValidation | null>[] = [];
  conditionalRules: FakeConditionalFormatRule[] = [];
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;
  /** The sheet's rows and columns: 1,000 × 26 for a new sheet, as in Sheets; more only when inserted. */
  private rowCount: number;
  private columnCount: number;
  readonly sheetId: number;

  constructor(
    private name: string,
    rows: Cell[][],
    readonly spreadsheet: FakeSpreadsheet,
    readonly calls: CallLog,
    sheetId?: number,
  ) {
    this.cells = rows.map((row) => row.map(copyCell));
    this.rowCount = Math.max(1000, this.cells.length);
    this.columnCount = Math.max(26, ...this.cells.map((row) => row.length));
    this.sheetId = sheetId ?? nextSheetId++;
  }

  getName(): string {
    return this.name;
  }

  /** The name without counting a host call; for the preview and the fake's own checks. */
  snapshotName(): string {
    return this.name;
  }

  getSheetId(): number {
    return this.sheetId;
  }

  getLastRow(): number {
    return this.snapshotLastRow();
  }

  getLastColumn(): number {
    return this.snapshotLastColumn();
  }

  getMaxRows(): number {
    return this.maxRows();
  }

  getMaxColumns(): number {
    return this.maxColumns();
  }

  maxRows(): number {
    return this.rowCount;
  }

  maxColumns(): number {
    return this.columnCount;
  }

  /** Sets the grid's size, as a person adding or deleting the last rows or columns does; not an Apps Script method. */
  resize(rows: number, columns: number): void {
    this.cells = this.cells.slice(0, rows).map((row) => row.slice(0, columns));
    this.rowCount = rows;
    this.columnCount = columns;
  }

  getFrozenRows(): number {
    return this.frozenRows;
  }

  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }

  getColumnWidth(columnPosition: number): number {
    return this.columnWidths.get(columnPosition) ?? 100;
  }

  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.columnWidths.set(columnPosition, width);
    return this;
  }

  getRange(a1Notation: string): FakeRange;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): FakeRange;
  getRange(rowOrA1: number | string, column = 1, numRows = 1, numColumns = 1): FakeRange {
    if (typeof rowOrA1 === 'string') {
      const box = parseA1(rowOrA1, this.maxRows(), this.maxColumns());
      return this.rangeAt(box.row, box.column, box.numRows, box.numColumns, box.openRows);
    }
    return this.rangeAt(rowOrA1, column, numRows, numColumns);
  }

  /** A range without counting a call; what getRange and offset hand out. */
  rangeAt(row: number, column: number, numRows: number, numColumns: number, openRows = false): FakeRange {
    const past = row + numRows - 1 > this.maxRows() || column + numColumns - 1 > this.maxColumns();
    if (![row, column, numRows, numColumns].every(Number.isInteger) || row < 1 || column < 1 || numRows < 1 || numColumns < 1 || past) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, column, numRows, numColumns, this.calls, openRows);
  }

  getRangeList(a1Notations: string[]): FakeRangeList {
    return new FakeRangeList(a1Notations.map((a1) => {
      const box = parseA1(a1, this.maxRows(), this.maxColumns());
      return this.rangeAt(box.row, box.column, box.numRows, box.numColumns, box.openRows);
    }), this.calls);
  }

  getDataRange(): FakeRange {
    return new FakeRange(this, 1, 1, Math.max(1, this.snapshotLastRow()), Math.max(1, this.snapshotLastColumn()), this.calls);
  }

  getActiveRange(): FakeRange | null {
    const selection = this.spreadsheet.selection();
    return selection?.snapshotSheet() === this ? selection : null;
  }

  activate(): FakeSheet {
    this.spreadsheet.select(this.rangeAt(1, 1, 1, 1));
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    const rows = this.maxRows();
    if (afterPosition < this.cells.length) this.cells.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => []));
    this.rowCount = rows + howMany;
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.columnCount += howMany;
    for (const row of this.cells) if (row.length > afterPosition) row.splice(afterPosition, 0, ...Array<Cell>(howMany).fill(''));
    const moved = [...this.formulas].map(([key, formula]) => {
      const [r, c] = key.split(',').map(Number) as [number, number];
      return [`${r},${c > afterPosition ? c + howMany : c}`, formula] as const;
    });
    this.formulas.clear();
    for (const [key, formula] of moved) this.formulas.set(key, formula);
    for (const region of [...this.formats, ...this.validations]) {
      if (region.box.column > afterPosition) region.box = { ...region.box, column: region.box.column + howMany };
      else if (region.box.column + region.box.numColumns - 1 > afterPosition) region.box = { ...region.box, numColumns: region.box.numColumns + howMany };
    }
    for (const rule of this.conditionalRules) for (const range of rule.ranges) range.shiftForInsertedColumns(afterPosition, howMany);
    this.spreadsheet.shiftNamedRanges(this, afterPosition, howMany);
    return this;
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return [...this.conditionalRules];
  }

  setConditionalFormatRules(rules: (ConditionalFormatRule | FakeConditionalFormatRule)[]): void {
    this.conditionalRules = [...(rules as FakeConditionalFormatRule[])];
  }

  /** The sheet's embedded charts; clear() leaves them, as in Sheets. */
  readonly chartList = new SheetCharts(this);

  newChart(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this, this.calls);
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.chartList.insert(chart as unknown as FakeEmbeddedChart);
  }

  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.chartList.update(chart as unknown as FakeEmbeddedChart);
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.chartList.remove(chart as unknown as FakeEmbeddedChart);
  }

  getCharts(): FakeEmbeddedChart[] {
    return [...this.chartList.charts];
  }

  clear(): FakeSheet {
    this.cells = [];
    this.formulas.clear();
    this.formats.length = 0;
    this.validations.length = 0;
    return this;
  }

  /** The grid as the preview draws it; not an Apps Script method, so not counted. */
  snapshot(): Cell[][] {
    return this.cells.map((row) => row.map(copyCell));
  }

  cellAt(row: number, column: number): Cell {
    return this.cells[row - 1]?.[column - 1] ?? '';
  }

  formulaAt(row: number, column: number): string {
    return this.formulas.get(`${row},${column}`) ?? '';
  }

  /** Every cell holding a formula, in no particular order; for the preview's calculation, not counted. */
  formulaCells(): { row: number; column: number; formula: string }[] {
    return [...this.formulas].map(([key, formula]) => {
      const [row, column] = key.split(',').map(Number) as [number, number];
      return { row, column, formula };
    });
  }

  formatAt(row: number, column: number): string {
    for (let i = this.formats.length - 1; i >= 0; i--) if (inside(this.formats[i]!.box, row, column)) return this.formats[i]!.value;
    return '';
  }

  validationAt(row: number, column: number): FakeDataValidation | null {
    for (let i = this.validations.length - 1; i >= 0; i--) if (inside(this.validations[i]!.box, row, column)) return this.validations[i]!.value;
    return null;
  }

  /** The first matching conditional rule's colours for a cell; for the preview. */
  conditionalStyle(row: number, column: number): { background: string | null; fontColor: string | null } | null {
    const rule = this.conditionalRules.find((candidate) => candidate.matches(this, row, column));
    return rule ? { background: rule.background, fontColor: rule.fontColor } : null;
  }

  /** Seeds a formula and its computed value, as a user typing one would; not counted. */
  seedFormula(row: number, column: number, formula: string, value: Cell): void {
    this.write(row, column, [[value]], true);
    this.formulas.set(`${row},${column}`, formula);
  }

  read(box: Box): Cell[][] {
    return Array.from({ length: box.numRows }, (_, r) => Array.from({ length: box.numColumns }, (_, c) => this.cellAt(box.row + r, box.column + c)));
  }

  readDisplay(box: Box): string[][] {
    return this.read(box).map((row, r) => row.map((value, c) => displayValue(value, this.formatAt(box.row + r, box.column + c))));
  }

  readFormulas(box: Box): string[][] {
    return Array.from({ length: box.numRows }, (_, r) => Array.from({ length: box.numColumns }, (_, c) => this.formulaAt(box.row + r, box.column + c)));
  }

  /**
   * Writes values as setValues does, reading strings as a person typing them: "=…" (and "+…" or
   * "-…" that is not a number) becomes a formula, whose value the fake computes for HYPERLINK and
   * otherwise shows as #ERROR! (it evaluates nothing else), keeping the last value of a formula
   * written again unchanged;
   * a leading apostrophe writes the rest as plain text. A value a strict dropdown rejects, or text
   * longer than a cell holds, fails the whole write with Sheets' message.
   */
  write(row: number, column: number, values: Cell[][], raw = false): void {
    if (!raw) {
      values.forEach((rowValues, r) =>
        rowValues.forEach((value, c) => {
          if (typeof value === 'string' && value.length > maxCellChars) throw new Error(`Your input contains more than the maximum of ${maxCellChars} characters in a single cell.`);
          const rule = this.validationAt(row + r, column + c);
          if (rule && !rule.allowInvalid && !(typeof value === 'string' && value.startsWith('=')) && !rule.accepts(value)) {
            throw new Error(`The data you entered in cell ${columnLetter(column + c)}${row + r} violates the data validation rules set on this cell.`);
          }
        }),
      );
    }
    values.forEach((rowValues, r) => {
      const target = (this.cells[row - 1 + r] ??= []);
      rowValues.forEach((value, c) => {
        while (target.length < column - 1 + c) target.push('');
        const key = `${row + r},${column + c}`;
        const formula = raw ? null : typedFormula(value);
        if (formula) {
          const same = this.formulas.get(key) === formula;
          this.formulas.set(key, formula);
          const link = /^=HYPERLINK\(\s*"[^"]*"\s*,\s*"([^"]*)"\s*\)$/i.exec(formula);
          target[column - 1 + c] = same ? (target[column - 1 + c] ?? '') : link ? link[1]! : '#ERROR!';
        } else {
          if (!raw) this.formulas.delete(key);
          // A leading apostrophe marks text; Sheets keeps the text without it.
          target[column - 1 + c] = !raw && typeof value === 'string' && value.startsWith("'") ? value.slice(1) : copyCell(value);
        }
      });
    });
    for (let r = 0; r < this.cells.length; r++) this.cells[r] ??= [];
    // Ranges stay inside the grid; a test writing straight to the grid grows it.
    this.rowCount = Math.max(this.rowCount, this.cells.length);
    this.columnCount = Math.max(this.columnCount, ...this.cells.map((cells) => cells.length));
  }

  snapshotLastRow(): number {
    for (let row = this.cells.length; row > 0; row--) if (this.cells[row - 1]!.some((cell) => cell !== '')) return row;
    return 0;
  }

  snapshotLastColumn(): number {
    return this.cells.reduce((last, row) => {
      for (let column = row.length; column > last; column--) if (row[column - 1] !== '') return column;
      return last;
    }, 0);
  }
}

countCalls(FakeSheet, 'Sheet', [
  'getName', 'getSheetId', 'getLastRow', 'getLastColumn', 'getMaxRows', 'getMaxColumns', 'getFrozenRows', 'setFrozenRows', 'getColumnWidth', 'setColumnWidth', 'getRange',
  'getRangeList', 'getDataRange', 'getActiveRange', 'activate', 'insertRowsAfter', 'insertColumnsAfter', 'getConditionalFormatRules', 'setConditionalFormatRules', 'clear',
  'newChart', 'insertChart', 'updateChart', 'removeChart', 'getCharts',
]);

// ── Named ranges and the spreadsheet ───────────────────────────────────────────────────────────

export class FakeNamedRange implements Mirror<NamedRange, 'getName' | 'getRange' | 'setRange' | 'remove', { getRange: FakeRange; setRange: FakeNamedRange }> {
  constructor(
    readonly name: string,
    public range: FakeRange,
    private readonly spreadsheet: FakeSpreadsheet,
    readonly calls: CallLog,
  ) {}

  getName(): string {
    return this.name;
  }

  getRange(): FakeRange {
    return this.range;
  }

  setRange(range: Range | FakeRange): FakeNamedRange {
    this.range = range as FakeRange;
    return this;
  }

  remove(): void {
    this.spreadsheet.namedRanges.delete(this.name);
  }
}

countCalls(FakeNamedRange, 'NamedRange', ['getName', 'getRange', 'setRange', 'remove']);

export interface Toast {
  message: string;
  title: string;
}

type SpreadsheetResults = {
  getActiveSheet: FakeSheet;
  setActiveSheet: FakeSheet;
  getSheets: FakeSheet[];
  getSheetByName: FakeSheet | null;
  insertSheet: FakeSheet;
  getRangeByName: FakeRange | null;
  getNamedRanges: FakeNamedRange[];
  getActiveRange: FakeRange | null;
};

export class FakeSpreadsheet
  implements
    Mirror<
      Spreadsheet,
      'getName' | 'getId' | 'getUrl' | 'getActiveSheet' | 'setActiveSheet' | 'getSheets' | 'getSheetByName' | 'getRangeByName' | 'setNamedRange' | 'getNamedRanges' | 'getActiveRange',
      SpreadsheetResults
    >
{
  readonly sheets: FakeSheet[];
  private active: FakeSheet;
  private activeRange: FakeRange | null = null;
  readonly toasts: string[] = [];
  readonly toastLog: Toast[] = [];
  readonly namedRanges = new Map<string, FakeNamedRange>();

  constructor(
    private readonly name: string,
    sheets: Record<string, Cell[][]>,
    readonly calls: CallLog,
  ) {
    this.sheets = Object.entries(sheets).map(([sheetName, rows], index) => new FakeSheet(sheetName, rows, this, calls, index === 0 ? 0 : undefined));
    if (this.sheets.length === 0) this.sheets.push(new FakeSheet('Sheet1', [], this, calls, 0));
    this.active = this.sheets[0]!;
  }

  getName(): string {
    return this.name;
  }

  getId(): string {
    return 'preview-spreadsheet';
  }

  getUrl(): string {
    return 'https://docs.google.com/spreadsheets/d/preview-spreadsheet/edit';
  }

  getActiveSheet(): FakeSheet {
    return this.active;
  }

  /** The active sheet without counting a host call; for the preview. */
  activeSheetSnapshot(): FakeSheet {
    return this.active;
  }

  setActiveSheet(sheet: Sheet | FakeSheet): FakeSheet {
    this.select((sheet as FakeSheet).rangeAt(1, 1, 1, 1));
    return this.active;
  }

  /** Selects a range as a click in the grid does; not counted. */
  select(range: FakeRange): void {
    this.active = range.snapshotSheet();
    this.activeRange = range;
  }

  /** The selection without counting a host call. */
  selection(): FakeRange | null {
    return this.activeRange?.snapshotSheet() === this.active ? this.activeRange : null;
  }

  getActiveRange(): FakeRange | null {
    return this.selection() ?? this.active.rangeAt(1, 1, 1, 1);
  }

  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }

  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((sheet) => sheet.snapshotName() === name) ?? null;
  }

  insertSheet(sheetName: string, sheetIndex?: number): FakeSheet {
    if (this.sheets.some((sheet) => sheet.snapshotName() === sheetName)) {
      throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(sheetName, [], this, this.calls);
    this.sheets.splice(sheetIndex ?? this.sheets.length, 0, sheet);
    this.select(sheet.rangeAt(1, 1, 1, 1));
    return sheet;
  }

  getRangeByName(name: string): FakeRange | null {
    return this.namedRanges.get(name)?.range ?? null;
  }

  setNamedRange(name: string, range: Range | FakeRange): void {
    // Sheets' rule for names: a letter or underscore first, then letters, digits and underscores.
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Named range name "${name}" is invalid.`);
    this.namedRanges.set(name, new FakeNamedRange(name, range as FakeRange, this, this.calls));
  }

  getNamedRanges(): FakeNamedRange[] {
    return [...this.namedRanges.values()];
  }

  shiftNamedRanges(sheet: FakeSheet, after: number, howMany: number): void {
    for (const named of this.namedRanges.values()) if (named.range.snapshotSheet() === sheet) named.range.shiftForInsertedColumns(after, howMany);
  }

  toast(msg: string, title = '', _timeoutSeconds?: number | null): void {
    this.toasts.push(msg);
    this.toastLog.push({ message: msg, title });
  }
}

countCalls(FakeSpreadsheet, 'Spreadsheet', [
  'getName', 'getActiveSheet', 'setActiveSheet', 'getActiveRange', 'getSheets', 'getSheetByName', 'insertSheet', 'getRangeByName', 'setNamedRange', 'getNamedRanges', 'toast',
]);

export class FakeSpreadsheetApp
  implements Mirror<SpreadsheetApp, 'flush' | 'newDataValidation' | 'newConditionalFormatRule', { newDataValidation: FakeDataValidationBuilder; newConditionalFormatRule: FakeConditionalFormatRuleBuilder }>
{
  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly ui: FakeUi,
    readonly calls: CallLog,
  ) {}

  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.spreadsheet;
  }

  getActive(): FakeSpreadsheet {
    return this.spreadsheet;
  }

  getUi(): FakeUi {
    return this.ui;
  }

  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.calls);
  }

  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.calls);
  }

  /** Nothing is pending in the fake; only the call is counted. */
  flush(): void {}
}

countCalls(FakeSpreadsheetApp, 'SpreadsheetApp', ['getActiveSpreadsheet', 'getActive', 'getUi', 'newDataValidation', 'newConditionalFormatRule', 'flush']);
