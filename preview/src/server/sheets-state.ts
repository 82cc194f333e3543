import type { SheetsEnvironment } from '../apps-script';
import type { FakeSheet } from '../apps-script/fake-spreadsheet';

// The spreadsheet as the preview draws it: display values (number formats applied), frozen rows,
// column widths, conditional colours and dropdown markers, read without counting host calls. Only
// the top-left of each sheet is sent; the preview is for looking, not for 5,000-row sheets.
const maxRows = 120;
const maxColumns = 30;

export interface CellStyle {
  background?: string;
  color?: string;
  dropdown?: boolean;
}

function sheetState(sheet: FakeSheet, selected: { row: number; column: number } | null) {
  const rows = Math.min(maxRows, Math.max(sheet.snapshotLastRow(), 1));
  const columns = Math.min(maxColumns, Math.max(sheet.snapshotLastColumn(), 1));
  const cells = sheet.readDisplay({ row: 1, column: 1, numRows: rows, numColumns: columns }).map((row) => {
    let used = row.length;
    while (used > 0 && row[used - 1] === '') used--;
    return row.slice(0, used);
  });
  const styles: Record<string, CellStyle> = {};
  for (let r = 1; r <= rows + 2; r++) {
    for (let c = 1; c <= columns; c++) {
      const style: CellStyle = {};
      const colour = r <= rows ? sheet.conditionalStyle(r, c) : null;
      if (colour?.background) style.background = colour.background;
      if (colour?.fontColor) style.color = colour.fontColor;
      if (sheet.validationAt(r, c)?.criteria === 'VALUE_IN_LIST') style.dropdown = true;
      if (Object.keys(style).length > 0) styles[`${r},${c}`] = style;
    }
  }
  return {
    name: sheet.snapshotName(),
    cells,
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
  return {
    kind: 'sheets' as const,
    activeSheet: spreadsheet.activeSheetSnapshot().snapshotName(),
    toasts: spreadsheet.toasts,
    sheets: spreadsheet.sheets.map((sheet) =>
      sheetState(sheet, selection?.snapshotSheet() === sheet ? { row: selection.getRow(), column: selection.getColumn() } : null),
    ),
  };
}
