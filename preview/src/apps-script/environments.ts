import { CallLog } from '../call-log';
import { FakeDocument, FakeDocumentApp } from './fake-document';
import { FakeHtmlService } from './fake-html-service';
import { FakeSpreadsheet, FakeSpreadsheetApp, type Cell } from './fake-spreadsheet';
import { FakeUi } from './fake-ui';

/** What Apps Script puts in a script's global scope, for the services an add-on uses. */
export type Services = Record<string, unknown>;

export interface SheetsEnvironment {
  kind: 'sheets';
  calls: CallLog;
  ui: FakeUi;
  spreadsheet: FakeSpreadsheet;
  services: Services;
}

export interface DocsEnvironment {
  kind: 'docs';
  calls: CallLog;
  ui: FakeUi;
  document: FakeDocument;
  services: Services;
}

// Apps Script gives every script a console that writes to the execution log.
const quietConsole = { log() {}, info() {}, warn() {}, error() {} };

/** What every editor add-on sees: the editor UI, the project's HTML files and a console. */
function commonServices(files: Record<string, string>) {
  const calls = new CallLog();
  const ui = new FakeUi('Onbrand', calls);
  return { calls, ui, services: { HtmlService: new FakeHtmlService(files, calls), console: quietConsole } as Services };
}

/** A spreadsheet with its editor UI and the services a Sheets add-on script sees. */
export function createSheetsEnvironment(options: { name: string; sheets: Record<string, Cell[][]>; files: Record<string, string> }): SheetsEnvironment {
  const { calls, ui, services } = commonServices(options.files);
  const spreadsheet = new FakeSpreadsheet(options.name, options.sheets, calls);
  services.SpreadsheetApp = new FakeSpreadsheetApp(spreadsheet, ui, calls);
  return { kind: 'sheets', calls, ui, spreadsheet, services };
}

/** A document with its editor UI and the services a Docs add-on script sees. */
export function createDocsEnvironment(options: { name: string; paragraphs: string[]; files: Record<string, string> }): DocsEnvironment {
  const { calls, ui, services } = commonServices(options.files);
  const document = new FakeDocument(options.name, options.paragraphs, calls);
  services.DocumentApp = new FakeDocumentApp(document, ui, calls);
  return { kind: 'docs', calls, ui, document, services };
}
