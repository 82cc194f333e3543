import { exposeEndpoints } from '@onbrand/apps-script/server';
import { sheetsContract } from '../contract';
import { onInstall, onOpen, showSidebar } from './menu';
import { readSheetSummary } from './sheet-port';

const endpoints = exposeEndpoints(sheetsContract, {
  getSheetSummary: () => readSheetSummary(SpreadsheetApp.getActiveSpreadsheet()),
});

/** Functions Apps Script calls by name; the build writes a top-level stub for each. */
export const globals = { onOpen, onInstall, showSidebar, ...endpoints };

/** Custom functions; the build copies each one's JSDoc onto its stub so Sheets autocompletes it. */
export const customFunctions = {};
