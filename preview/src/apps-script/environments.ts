import { CallLog } from '../call-log';
import { FakeClock } from './fake-clock';
import { FakeDocument, FakeDocumentApp } from './fake-document';
import { FakeHtmlService } from './fake-html-service';
import { FakeLockService } from './fake-lock';
import { FakePropertiesService } from './fake-properties';
import { FakeSession, FakeUtilities } from './fake-session';
import { FakeUrlFetchApp } from './fake-url-fetch';
import { FakeSpreadsheet, FakeSpreadsheetApp, type Cell } from './fake-spreadsheet';
import { FakeUi } from './fake-ui';

/** What Apps Script puts in a script's global scope, for the services an add-on uses. */
export type Services = Record<string, unknown>;

/** The services every editor add-on sees, kept as typed handles for tests and the preview. */
export interface CommonFakes {
  calls: CallLog;
  /** Simulated time: the script's Date, Utilities.sleep and fetch latency all follow it. */
  clock: FakeClock;
  ui: FakeUi;
  properties: FakePropertiesService;
  lock: FakeLockService;
  urlFetch: FakeUrlFetchApp;
  utilities: FakeUtilities;
  session: FakeSession;
}

export interface SheetsEnvironment extends CommonFakes {
  kind: 'sheets';
  spreadsheet: FakeSpreadsheet;
  services: Services;
}

export interface DocsEnvironment extends CommonFakes {
  kind: 'docs';
  document: FakeDocument;
  services: Services;
}

// Apps Script gives every script a console that writes to the execution log.
const quietConsole = { log() {}, info() {}, warn() {}, error() {} };

/** What every editor add-on sees: the editor UI, HTML files, properties, locks, the network, the user. */
function commonServices(files: Record<string, string>, user: string) {
  const calls = new CallLog();
  const clock = new FakeClock();
  const fakes = {
    calls,
    clock,
    ui: new FakeUi('Onbrand', calls),
    properties: new FakePropertiesService(calls),
    lock: new FakeLockService(calls),
    urlFetch: new FakeUrlFetchApp(calls, clock),
    utilities: new FakeUtilities(calls, clock),
    session: new FakeSession(user, 'Etc/UTC', calls),
  };
  const services: Services = {
    HtmlService: new FakeHtmlService(files, calls),
    PropertiesService: fakes.properties,
    LockService: fakes.lock,
    UrlFetchApp: fakes.urlFetch,
    Utilities: fakes.utilities,
    Session: fakes.session,
    console: quietConsole,
  };
  return { ...fakes, services };
}

/** A spreadsheet with its editor UI and the services a Sheets add-on script sees. */
export function createSheetsEnvironment(options: { name: string; sheets: Record<string, Cell[][]>; files: Record<string, string>; user?: string }): SheetsEnvironment {
  const common = commonServices(options.files, options.user ?? 'maya@example.com');
  const spreadsheet = new FakeSpreadsheet(options.name, options.sheets, common.calls);
  common.services.SpreadsheetApp = new FakeSpreadsheetApp(spreadsheet, common.ui, common.calls);
  return { kind: 'sheets', ...common, spreadsheet };
}

/** A document with its editor UI and the services a Docs add-on script sees. */
export function createDocsEnvironment(options: { name: string; paragraphs: string[]; files: Record<string, string>; user?: string }): DocsEnvironment {
  const common = commonServices(options.files, options.user ?? 'maya@example.com');
  const document = new FakeDocument(options.name, options.paragraphs, common.calls);
  common.services.DocumentApp = new FakeDocumentApp(document, common.ui, common.calls);
  return { kind: 'docs', ...common, document };
}
