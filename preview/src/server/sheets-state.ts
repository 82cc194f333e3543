import type { SheetsEnvironment } from '../apps-script';
import type { FakeSheet } from '../apps-script/fake-spreadsheet';
import { calculatorFor, type CellError, type SheetCalculator } from './sheet-formulas';
import { editableText } from './typed-input';

// The spreadsheet as the preview draws it: display values (number formats applied), what the
// editor shows for each cell (its formula or typed value), formula errors, frozen rows, column
// widths, conditional colours and dropdown markers, read without counting host calls. Each sheet
// is sent up to its last row with data (the grid draws only the rows in view) and a margin of
// empty rows and columns to type into.
const maxRows = 50_000;
const maxColumns = 200;

export interface CellStyle {
  background?: string;
  color?: string;
  dropdown?: boolean;
}

export interface Selection {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

function sheetState(sheet: FakeSheet, selected: Selection | null, calculator: SheetCalculator | null) {
  const rows = Math.min(maxRows, Math.max(sheet.snapshotLastRow(), 1));
  const columns = Math.min(maxColumns, Math.max(sheet.snapshotLastColumn(), 1));
  const box = { row: 1, column: 1, numRows: rows, numColumns: columns };
  const values = sheet.read(box);
  const display = sheet.readDisplay(box);
  const cells = display.map((row) => {
    let used = row.length;
    while (used > 0 && row[used - 1] === '') used--;
    return row.slice(0, used);
  });
  // Sparse: only where the editor's text differs from what the cell shows.
  const inputs: Record<string, string> = {};
  const errors: Record<string, CellError> = {};
  const styles: Record<string, CellStyle> = {};
  const hasRules = sheet.conditionalRules.length > 0;
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= columns; c++) {
      const key = `${r},${c}`;
      const text = editableText(values[r - 1]![c - 1]!, sheet.formulaAt(r, c));
      if (text !== display[r - 1]![c - 1]) inputs[key] = text;
      const error = calculator?.errorAt(sheet, r, c);
      if (error) errors[key] = error;
      const style: CellStyle = {};
      const colour = hasRules ? sheet.conditionalStyle(r, c) : null;
      if (colour?.background) style.background = colour.background;
      if (colour?.fontColor) style.color = colour.fontColor;
      if (sheet.validationAt(r, c)?.criteria === 'VALUE_IN_LIST') style.dropdown = true;
      if (style.background || style.color || style.dropdown) styles[key] = style;
    }
  }
  return {
    name: sheet.snapshotName(),
    cells,
    inputs,
    errors,
    rowCount: sheet.maxRows(),
    columnCount: sheet.maxColumns(),
    frozenRows: sheet.frozenRows,
    columnWidths: Array.from({ length: columns }, (_, c) => sheet.columnWidths.get(c + 1) ?? 100),
    styles,
    selected,
  };
}

/** The spreadsheet as the preview draws it. */
export function spreadsheetState(environment: SheetsEnvironment) {
  const spreadsheet = environment.spreadsheet;
  const selection = spreadsheet.selection();
  const calculator = calculatorFor(spreadsheet);
  return {
    kind: 'sheets' as const,
    activeSheet: spreadsheet.activeSheetSnapshot().snapshotName(),
    toasts: spreadsheet.toasts,
    sheets: spreadsheet.sheets.map((sheet) =>
      sheetState(
        sheet,
        selection?.snapshotSheet() === sheet ? { row: selection.getRow(), column: selection.getColumn(), numRows: selection.getNumRows(), numColumns: selection.getNumColumns() } : null,
        calculator,
      ),
    ),
  };
}
