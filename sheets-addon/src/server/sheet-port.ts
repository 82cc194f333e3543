import type { SheetSummary } from '../contract';

/** Reads the active sheet's shape and header row: three range reads, whatever the sheet's size. */
export function readSheetSummary(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetSummary {
  const sheet = spreadsheet.getActiveSheet();
  const rowCount = sheet.getLastRow();
  const columnCount = sheet.getLastColumn();
  const headers = columnCount > 0 && rowCount > 0 ? sheet.getRange(1, 1, 1, columnCount).getDisplayValues()[0]! : [];
  return { spreadsheetName: spreadsheet.getName(), sheetName: sheet.getName(), rowCount, columnCount, headers };
}
