import { appsScriptSleep, readApiKey, urlFetchTransport, withDocumentLock } from '@onbrand/apps-script/server';
import type { Report } from '../contract';
import { analyzeExperiments } from './analyze';
import { brandCheckColumn } from './brand-check';
import { systemClock, type Clock } from './continuation';
import { writeInsights } from './insights';
import { findKit } from './kit-source';
import type { ModelAccess } from './model-narrative';
import { scoreUseCases } from './score';
import { issueList } from './report';
import { readSettings } from './settings';
import { setupTracker } from './setup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// Each operation as the menu and the sidebar run it: under the document lock, with its services
// gathered here so the operations themselves take plain parameters (and a clock tests can drive).

export type OperationName = 'setup' | 'score' | 'analyze' | 'insights' | 'brand-check';

/** Who is running the add-on, as Session tells it; "unknown" where Apps Script withholds it. */
export function currentUser(): string {
  return Session.getActiveUser().getEmail() || 'unknown';
}

/** The model this user may call, or why the offline writer is used instead. */
function modelAccess(provider: ModelAccess['provider'] | 'offline', model: string): { access: ModelAccess | null; note?: string } {
  if (provider === 'offline') return { access: null };
  const apiKey = readApiKey(provider);
  if (!apiKey) return { access: null, note: `no ${provider} key saved for you` };
  return { access: { provider, model, apiKey, transport: urlFetchTransport, sleep: appsScriptSleep } };
}

const runners: Record<OperationName, (spreadsheet: Spreadsheet, clock: Clock) => Report> = {
  setup: (spreadsheet) => setupTracker(spreadsheet),
  score: (spreadsheet) => scoreUseCases(spreadsheet),
  analyze: (spreadsheet) => analyzeExperiments(spreadsheet),
  insights: (spreadsheet, clock) => {
    const { settings } = readSettings(spreadsheet);
    const model = modelAccess(settings.provider, settings.model);
    return writeInsights(spreadsheet, { clock, settings, model: model.access, modelNote: model.note, kit: findKit(settings.kitJson).kit, user: currentUser() });
  },
  'brand-check': (spreadsheet, clock) => {
    const { settings } = readSettings(spreadsheet);
    const found = findKit(settings.kitJson);
    const kitProblem = found.issues.length > 0 ? `The brand kit in Settings is not valid: ${issueList(found.issues.slice(0, 3))}` : undefined;
    return brandCheckColumn(spreadsheet, { clock, kit: found.kit, kitProblem, channel: settings.channel });
  },
};

/** Runs one operation on the active spreadsheet under the document lock. */
export function runOperation(name: OperationName): Report {
  return withDocumentLock(() => runners[name](SpreadsheetApp.getActiveSpreadsheet(), systemClock));
}

const slow: ReadonlySet<OperationName> = new Set(['setup', 'insights', 'brand-check']);
const startNotes: Record<OperationName, string> = {
  setup: 'Setting up the tracker…',
  score: 'Scoring use cases…',
  analyze: 'Analyzing experiments…',
  insights: 'Looking for insights…',
  'brand-check': 'Brand-checking the column…',
};

/**
 * A menu item: progress and the outcome as toasts. Fast operations toast once, at the end; those
 * that can run long toast when they start too. A failure (say, the lock is busy) is a toast as well.
 */
export function runFromMenu(name: OperationName): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (slow.has(name)) spreadsheet.toast(startNotes[name], 'Onbrand', 5);
  try {
    const report = runOperation(name);
    spreadsheet.toast(report.message, report.status === 'done' ? 'Onbrand' : report.status === 'paused' ? 'Onbrand: paused' : 'Onbrand: action needed', 10);
  } catch (error) {
    spreadsheet.toast((error as Error).message, 'Onbrand: not done', 10);
  }
}
