import * as z from '@onbrand/shared/zod';
import { defineContract } from '@onbrand/shared/rpc';

export const sheetSummarySchema = z.object({
  spreadsheetName: z.string(),
  sheetName: z.string(),
  rowCount: z.number(),
  columnCount: z.number(),
  headers: z.array(z.string()),
});
export type SheetSummary = z.output<typeof sheetSummarySchema>;

/** Everything the Sheets sidebar can ask of the server; each name is a google.script.run function. */
export const sheetsContract = defineContract({
  getSheetSummary: { input: z.object({}), output: sheetSummarySchema },
});
