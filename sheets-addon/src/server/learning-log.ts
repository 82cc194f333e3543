import { periodSpan } from '@onbrand/shared/experiments';
import { readStatsCard } from './stats-card';
import { appendRows, lookup, readTable } from './table';
import { experimentsSheet, learningSheet, recordedDecisions } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// A Learning log row is started from the evidence the add-on computed (the decision and its
// reasons), marked "emerging"; what was learned is for a person to write, so that cell stays blank.

/** Appends a Learning log row for the experiment (or the selected one), or says why it cannot. */
export function logLearning(spreadsheet: Spreadsheet, experiment: string, who: string, now: Date): { logged: boolean; message: string } {
  const log = readTable(spreadsheet, learningSheet);
  if (!log) return { logged: false, message: 'There is no Learning log sheet yet. Choose Set up tracker first.' };
  const { card } = readStatsCard(spreadsheet, experiment || undefined);
  if (!card) return { logged: false, message: 'There is no analyzed experiment to log yet.' };
  const useCase = lookup(readTable(spreadsheet, experimentsSheet), 'Experiment', card.experiment, 'Use case');
  const decision = (recordedDecisions as readonly string[]).includes(card.decision) ? card.decision : '';
  const where = [periodSpan(card.periods), card.segment].filter(Boolean).join(', ');
  appendRows(log, [{ Date: now.toISOString().slice(0, 10), 'Use case': useCase, Experiment: card.experiment, Decision: decision, Evidence: `${where ? `${where}: ` : ''}${card.reasons.join(' ')}`, Learning: '', Status: 'emerging', Owner: who }]);
  return { logged: true, message: `Added ${card.experiment} to the Learning log as emerging: write what was learned in its Learning cell.` };
}
