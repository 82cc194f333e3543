import { deleteStoredJson, readStoredJson, writeStoredJson } from '@onbrand/apps-script/server';

// Apps Script stops an execution after 6 minutes. Long operations check the clock between units
// of work and stop early enough to write what they finished; they save where they stopped in the
// document properties (so any editor can continue), and running the operation again resumes there.

/** Work stops starting after 4.5 minutes, leaving time to write the results before the 6-minute limit. */
const workBudgetMs = 270_000;

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Apps Script's limit on one execution, less a margin to write what was finished. */
const runLimitMs = 360_000 - 20_000;

/** A deadline for this execution, from the time it started. */
export function deadline(clock: Clock): () => boolean {
  const stopAt = clock.now() + workBudgetMs;
  return () => clock.now() >= stopAt;
}

/** How long this execution may still take before Apps Script stops it, from the time it started. */
export function timeLeft(clock: Clock): () => number {
  const endAt = clock.now() + runLimitMs;
  return () => endAt - clock.now();
}

export interface Continuation {
  /** What the operation is working through: a column, a set of insights. */
  target: string;
  /** Units already done. */
  done: number;
  total: number;
  savedAt: string;
}

const key = (operation: string) => `onbrand.continue.${operation}`;

export function readContinuation(operation: string): Continuation | null {
  return readStoredJson(PropertiesService.getDocumentProperties(), key(operation)) as Continuation | null;
}

/** Saves where a paused operation stopped, or forgets it (null) once the operation finished. */
export function keepContinuation(operation: string, continuation: Continuation | null): void {
  const store = PropertiesService.getDocumentProperties();
  if (continuation) writeStoredJson(store, key(operation), continuation, `where ${operation} paused`);
  else deleteStoredJson(store, key(operation));
}
