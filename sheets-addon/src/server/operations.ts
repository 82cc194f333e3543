import { appsScriptSleep, readApiKey, urlFetchTransport, withDocumentLock, type MenuItem } from '@onbrand/apps-script/server';
import type { Identity } from '@onbrand/shared/governance';
import type { Report } from '../contract';
import { analyzeExperiments } from './analyze';
import { brandCheckColumn } from './brand-check';
import { systemClock, type Clock } from './continuation';
import { writeInsights } from './insights';
import { findKit } from './kit-source';
import type { ModelAccess } from './model-narrative';
import { scoreUseCases } from './score';
import { issueList } from './report';
import { readSettings, type TrackerSettings } from './settings';
import { setupTracker } from './setup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// Each operation as the menu and the sidebar run it: under the document lock, with its services
// gathered here so the operations themselves take plain parameters (and a clock tests can drive).

export type OperationName = 'setup' | 'score' | 'analyze' | 'insights' | 'brand-check';

/** Who is running the add-on, as Session tells it; "unknown" where Apps Script withholds it. */
export function currentUser(): string {
  return Session.getActiveUser().getEmail() || 'unknown';
}

/**
 * Who is acting, for an approval check. Apps Script gives the email only with the userinfo.email
 * scope and, for consumer accounts, often not at all (''): then the identity is empty and a named
 * approver list refuses, saying it cannot tell who this is.
 */
export function activeIdentity(): Identity {
  const email = Session.getActiveUser().getEmail();
  return email ? { email } : {};
}

/** The model this user may call, or why the offline writer is used instead. */
function modelAccess({ provider, model, baseUrl }: TrackerSettings): { access: ModelAccess | null; note?: string } {
  if (provider === 'offline') return { access: null };
  if (provider === 'openai-compatible' && !baseUrl) return { access: null, note: 'no model server URL in Settings' };
  const apiKey = readApiKey(provider);
  if (!apiKey) return { access: null, note: `no ${provider} key saved for you` };
  return { access: { provider, model, baseUrl, apiKey, transport: urlFetchTransport, sleep: appsScriptSleep } };
}

const runners: Record<OperationName, (spreadsheet: Spreadsheet, clock: Clock) => Report> = {
  setup: setupTracker,
  score: scoreUseCases,
  analyze: (spreadsheet, clock) => analyzeExperiments(spreadsheet, { now: new Date(clock.now()), user: currentUser() }),
  insights: (spreadsheet, clock) => {
    const { settings } = readSettings(spreadsheet);
    const model = modelAccess(settings);
    const deps = { clock, settings, model: model.access, modelNote: model.note, kit: findKit(settings.kitJson).kit, user: currentUser() };
    // A model can take minutes: the lock is held only for each write, never while it writes.
    return model.access ? writeInsights(spreadsheet, { ...deps, locked: withDocumentLock }) : withDocumentLock(() => writeInsights(spreadsheet, deps));
  },
  'brand-check': (spreadsheet, clock) => {
    const { settings } = readSettings(spreadsheet);
    const found = findKit(settings.kitJson);
    const kitProblem = found.issues.length > 0 ? `The brand kit in Settings is not valid: ${issueList(found.issues.slice(0, 3))}` : undefined;
    return brandCheckColumn(spreadsheet, { clock, kit: found.kit, kitProblem, channel: settings.channel });
  },
};

// Operations that take the document lock themselves, only around their writes.
const locksItsWrites: ReadonlySet<OperationName> = new Set(['insights']);

/** Runs one operation on the active spreadsheet under the document lock (or its writes under it). */
export function runOperation(name: OperationName): Report {
  const run = () => runners[name](SpreadsheetApp.getActiveSpreadsheet(), systemClock);
  return locksItsWrites.has(name) ? run() : withDocumentLock(run);
}

/** Each operation's menu item and, for those that can run long, the toast shown as they start. */
export const operationMenu: Record<OperationName, MenuItem & { starting?: string }> = {
  setup: { caption: 'Set up tracker', functionName: 'menuSetUpTracker', starting: 'Setting up the tracker…' },
  score: { caption: 'Score use cases', functionName: 'menuScoreUseCases' },
  analyze: { caption: 'Analyze experiments', functionName: 'menuAnalyzeExperiments' },
  insights: { caption: 'Write insights', functionName: 'menuWriteInsights', starting: 'Looking for insights…' },
  'brand-check': { caption: 'Brand-check selected column', functionName: 'menuBrandCheckColumn', starting: 'Brand-checking the column…' },
};

/**
 * A menu item: progress and the outcome as toasts. Fast operations toast once, at the end; those
 * that can run long toast when they start too. A failure (say, the lock is busy) is a toast as well.
 */
export function runFromMenu(name: OperationName): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { starting } = operationMenu[name];
  if (starting) spreadsheet.toast(starting, 'Onbrand', 5);
  try {
    const report = runOperation(name);
    spreadsheet.toast(report.message, report.status === 'done' ? 'Onbrand' : report.status === 'paused' ? 'Onbrand: paused' : 'Onbrand: action needed', 10);
  } catch (error) {
    spreadsheet.toast((error as Error).message, 'Onbrand: not done', 10);
  }
}

/** The menu items' top-level functions, by the names Apps Script calls. */
export const menuFunctions = Object.fromEntries(Object.entries(operationMenu).map(([name, item]) => [item.functionName, () => runFromMenu(name as OperationName)]));
