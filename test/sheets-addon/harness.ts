import { createSheetsEnvironment, loadAppsScript, type Cell, type SheetsEnvironment } from '../../preview/src/apps-script';
import type { FakeSheet } from '../../preview/src/apps-script/fake-spreadsheet';
import type { AppsScriptManifest } from '../../preview/src/apps-script/scopes';
import { sampleSpreadsheet } from '../../preview/src/server/sample-spreadsheet';
import { readDist } from '../helpers/dist';

// A spreadsheet with the built Code.js loaded over it, as Apps Script runs it: each call evaluates
// the bundle afresh. Direct tests of server modules install the same fakes as globals instead.

const families = ['SpreadsheetApp.', 'Spreadsheet.', 'Sheet.', 'Range.', 'RangeList.', 'NamedRange.', 'DataValidationBuilder.', 'ConditionalFormatRuleBuilder.'];

/** Calls into the Spreadsheet service and its objects (not locks, properties or the UI). */
export function spreadsheetCalls(env: SheetsEnvironment): number {
  return Object.entries(env.calls.byName())
    .filter(([name]) => families.some((family) => name.startsWith(family)))
    .reduce((sum, [, n]) => sum + n, 0);
}

export function openTracker(sheets: Record<string, Cell[][]>, name = 'Portfolio', manifest?: AppsScriptManifest) {
  const env = createSheetsEnvironment({ name, sheets, files: { Sidebar: '<html></html>' }, ...(manifest ? { manifest } : {}) });
  const script = loadAppsScript(readDist('sheets-addon/Code.js'), env.services);
  /** Runs an endpoint and returns its value, failing the test on an error result. */
  const call = <T = any>(endpoint: string, input: unknown = {}): T => {
    const result = script.run(endpoint, [input]) as { ok: boolean; value?: T; error?: { message: string } };
    if (!result.ok) throw new Error(`${endpoint} failed: ${result.error?.message}`);
    return result.value as T;
  };
  /** Runs an endpoint and counts the Spreadsheet calls it made. */
  const measured = <T = any>(endpoint: string, input: unknown = {}) => {
    env.calls.reset();
    const value = call<T>(endpoint, input);
    return { value, calls: spreadsheetCalls(env), byName: env.calls.byName() };
  };
  const sheet = (sheetName: string): FakeSheet => {
    const found = env.spreadsheet.sheets.find((candidate) => candidate.snapshotName() === sheetName);
    if (!found) throw new Error(`No sheet ${sheetName}`);
    return found;
  };
  /** A sheet's rows as objects keyed by header, for reading results by column name. */
  const records = (sheetName: string): Record<string, Cell>[] => {
    const [header, ...rows] = sheet(sheetName).snapshot();
    return rows.map((row) => Object.fromEntries(header!.map((name, i) => [String(name), row[i] ?? ''])));
  };
  return { env, script, call, measured, sheet, records };
}

/** The preview's sample spreadsheet with the tracker set up, as a team starts with it. */
export function sampleTracker(manifest?: AppsScriptManifest) {
  const t = openTracker(structuredClone(sampleSpreadsheet.sheets), sampleSpreadsheet.name, manifest);
  t.call('setupTracker');
  return t;
}

/** Installs the fakes as Apps Script globals for a direct call; returns the undo. */
export function installGlobals(env: SheetsEnvironment): () => void {
  const globals = globalThis as Record<string, unknown>;
  const names = Object.keys(env.services).filter((name) => name !== 'console');
  for (const name of names) globals[name] = env.services[name];
  return () => {
    for (const name of names) delete globals[name];
  };
}

/** A clock that moves on by `stepMs` every time it is read, to run out of time on purpose. */
export function steppingClock(startMs: number, stepMs: number) {
  let now = startMs;
  return { now: () => (now += stepMs) - stepMs };
}
