import docsManifest from '../../../docs-addon/appsscript.json';
import sheetsManifest from '../../../sheets-addon/appsscript.json';
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
import { withScopes, type AppsScriptManifest } from './scopes';

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

/**
 * What every editor add-on sees: the editor UI, HTML files, properties, locks, the network, the user.
 * The manifest decides, as in Apps Script, which calls may run (oauthScopes) and which URLs may be
 * fetched (urlFetchWhitelist); `scriptUi` is the editor UI as the script reaches it, scope-checked.
 */
function commonServices(files: Record<string, string>, user: string, manifest: AppsScriptManifest) {
  const calls = new CallLog();
  const clock = new FakeClock();
  const fakes = {
    calls,
    clock,
    ui: new FakeUi('Onbrand', calls),
    properties: new FakePropertiesService(calls),
    lock: new FakeLockService(calls),
    urlFetch: new FakeUrlFetchApp(calls, manifest, clock),
    utilities: new FakeUtilities(calls, clock),
    session: new FakeSession(user, 'Etc/UTC', calls, manifest),
  };
  const scriptUi = withScopes('Ui', fakes.ui, manifest);
  const services: Services = {
    HtmlService: new FakeHtmlService(files, calls),
    PropertiesService: fakes.properties,
    LockService: fakes.lock,
    UrlFetchApp: fakes.urlFetch,
    Utilities: fakes.utilities,
    Session: fakes.session,
    console: quietConsole,
  };
  return { ...fakes, services, scriptUi };
}

/** An environment's options: the add-on's own appsscript.json unless a test passes another. */
interface EnvironmentOptions {
  files: Record<string, string>;
  user?: string;
  manifest?: AppsScriptManifest;
}

/** A spreadsheet with its editor UI and the services a Sheets add-on script sees. */
export function createSheetsEnvironment(options: EnvironmentOptions & { name: string; sheets: Record<string, Cell[][]> }): SheetsEnvironment {
  const manifest = options.manifest ?? sheetsManifest;
  const { scriptUi, ...common } = commonServices(options.files, options.user ?? 'maya@example.com', manifest);
  const spreadsheet = new FakeSpreadsheet(options.name, options.sheets, common.calls);
  common.services.SpreadsheetApp = withScopes('SpreadsheetApp', new FakeSpreadsheetApp(spreadsheet, scriptUi, common.calls), manifest);
  return { kind: 'sheets', ...common, spreadsheet };
}

/** A document with its editor UI and the services a Docs add-on script sees. */
export function createDocsEnvironment(options: EnvironmentOptions & { name: string; paragraphs: string[] }): DocsEnvironment {
  const manifest = options.manifest ?? docsManifest;
  const { scriptUi, ...common } = commonServices(options.files, options.user ?? 'maya@example.com', manifest);
  const document = new FakeDocument(options.name, options.paragraphs, common.calls);
  common.services.DocumentApp = withScopes('DocumentApp', new FakeDocumentApp(document, scriptUi, common.calls), manifest);
  return { kind: 'docs', ...common, document };
}
