import type { SheetsEnvironment } from '../apps-script';

/** The spreadsheet as the preview draws it. */
export function spreadsheetState(environment: SheetsEnvironment) {
  return {
    kind: 'sheets' as const,
    activeSheet: environment.spreadsheet.activeSheetSnapshot().snapshotName(),
    toasts: environment.spreadsheet.toasts,
    sheets: environment.spreadsheet.sheets.map((sheet) => ({ name: sheet.snapshotName(), cells: sheet.snapshot().map((row) => row.map(String)) })),
  };
}
