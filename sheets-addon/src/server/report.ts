import { describeIssues, type Issue } from '@onbrand/shared';
import { plural } from '@onbrand/shared/experiments';
import type { Report } from '../contract';

type Operation = Report['operation'];

/** What an operation did; nothing processed, flagged or at issue unless `more` says so. */
export function report(operation: Operation, status: Report['status'], message: string, more?: Partial<Report>): Report {
  return { operation, status, message, processed: 0, flagged: 0, issues: [], ...more };
}

/** An operation that cannot start until something is fixed, saying what. */
export function needsFix(operation: Operation, message: string, issues: Report['issues'] = []): Report {
  return report(operation, 'needs-fix', message, { issues });
}

export const needsSetup = (operation: Operation, sheet: string) =>
  report(operation, 'needs-setup', `There is no ${sheet} sheet yet. Choose Set up tracker first; it keeps any data you already have.`);

/** Issues in one line: `path: message; path: message`. */
export const issueList = (issues: readonly Issue[]) => describeIssues(issues, '; ');

/** Only the issues' messages, in one line. */
export const issueMessages = (issues: readonly Issue[]) => issues.map((issue) => issue.message).join('; ');

/** Issues placed under a sheet or setting: `Results › column arm`. */
export const under = (where: string, issues: readonly Issue[]): Issue[] => issues.map((issue) => ({ path: `${where} › ${issue.path}`, message: issue.message }));

/** The message for a header that lacks required columns. */
export const missingColumns = (sheet: string, issues: readonly Issue[]) => `The ${sheet} sheet is missing columns: ${issueMessages(issues)}.`;

/** The sentence that closes a message when rows were left out, or nothing. */
export const rowsToFix = (flagged: number) => (flagged ? ` ${plural(flagged, 'row')} need fixing: see Status.` : '');

/** Counts by value, in the order first seen after any given keys. */
export function tally(values: Iterable<string>, keys: readonly string[] = []): Map<string, number> {
  const counts = new Map<string, number>(keys.map((key) => [key, 0]));
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Rows whose Status holds a reason rather than OK or nothing. */
export function countFlagged(statuses: readonly { status: string }[]): number {
  return statuses.filter((s) => s.status !== '' && s.status !== 'OK').length;
}
