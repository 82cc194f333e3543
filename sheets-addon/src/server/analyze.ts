import { designColumns, plural, resultColumns } from '@onbrand/shared/experiments';
import type { Report } from '../contract';
import { analyzeResults, readPlans } from './experiment-data';
import { countFlagged, missingColumns, needsFix, needsSetup, report, rowsToFix, tally, under } from './report';
import { readTable, writeColumns } from './table';
import { experimentsSheet, resultsSheet } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Computes the Experiments sheet's sample per arm and days, then every Results row's rate, lift,
 * interval, p-values and probability to beat control for its period, its arm's figures over the
 * whole run, and the run's decision. Two reads, two writes.
 * The control arm is the one named "control", else each group's first arm.
 */
export function analyzeExperiments(spreadsheet: Spreadsheet): Report {
  const experiments = readTable(spreadsheet, experimentsSheet);
  const results = readTable(spreadsheet, resultsSheet);
  if (!results) return needsSetup('analyze', resultsSheet.name);
  const plans = readPlans(experiments);
  const analyzed = analyzeResults(results, plans);
  if (!analyzed.ok) return needsFix('analyze', missingColumns(resultsSheet.name, analyzed.issues), analyzed.issues);
  const { design } = plans;
  if (experiments && design.ok) writeColumns(spreadsheet, experiments, designColumns, design.value.cells);
  const { runs, statuses, cells, rows } = analyzed.value.analysis;
  writeColumns(spreadsheet, results, resultColumns, cells);
  const flagged = countFlagged(statuses) + (design.ok ? countFlagged(design.value.statuses) : 0);
  // One decision per experiment × segment, made on its whole run.
  const summary = [...tally(runs.map((run) => run.decision.decision))].map(([decision, n]) => `${n} ${decision}`).join(', ');
  return report('analyze', 'done', `Analyzed ${plural(rows.length, 'result row')} in ${plural(runs.length, 'experiment run')}${summary ? ` (${summary})` : ''}.${rowsToFix(flagged)}`, {
    processed: rows.length,
    flagged,
    issues: design.ok ? [] : under(experimentsSheet.name, design.issues),
  });
}
