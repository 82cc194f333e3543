import { designColumns, resultColumns } from '@onbrand/shared/experiments';
import type { Report } from '../contract';
import { analyzeResults, countFlagged, readPlans } from './experiment-data';
import { blocked, needsSetup } from './score';
import { readTable, writeColumns } from './table';
import { experimentsSheet, resultsSheet } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Computes the Experiments sheet's sample per arm and days, then every Results row's rate, lift,
 * interval, p-values, probability to beat control, SRM flag and decision. Two reads, two writes.
 * The control arm is the one named "control", else each group's first arm.
 */
export function analyzeExperiments(spreadsheet: Spreadsheet, controlArm = 'control'): Report {
  const experiments = readTable(spreadsheet, experimentsSheet);
  const results = readTable(spreadsheet, resultsSheet);
  if (!results) return needsSetup('analyze', resultsSheet.name);
  const plans = readPlans(experiments);
  const analyzed = analyzeResults(results, plans, controlArm);
  if (!analyzed.ok) return blocked('analyze', 'needs-fix', `The Results sheet is missing columns: ${analyzed.issues.map((issue) => issue.message).join('; ')}.`, analyzed.issues);
  if (experiments && plans.design.ok) writeColumns(spreadsheet, experiments, designColumns, plans.design.value.cells);
  writeColumns(spreadsheet, results, resultColumns, analyzed.value.analysis.cells);
  const { groups, statuses } = analyzed.value.analysis;
  const flagged = countFlagged(statuses) + (plans.design.ok ? countFlagged(plans.design.value.statuses) : 0);
  const decisions = new Map<string, number>();
  for (const group of groups) decisions.set(group.decision.decision, (decisions.get(group.decision.decision) ?? 0) + 1);
  const summary = [...decisions].map(([decision, n]) => `${n} ${decision}`).join(', ');
  const analyzedRows = analyzed.value.analysis.rows.length;
  return {
    operation: 'analyze',
    status: 'done',
    message: `Analyzed ${analyzedRows} result row${analyzedRows === 1 ? '' : 's'} in ${groups.length} comparison${groups.length === 1 ? '' : 's'}${summary ? ` (${summary})` : ''}.${flagged ? ` ${flagged} row${flagged === 1 ? '' : 's'} need fixing: see Status.` : ''}`,
    processed: analyzedRows,
    flagged,
    issues: plans.design.ok ? [] : plans.design.issues.map((issue) => ({ path: `Experiments › ${issue.path}`, message: issue.message })),
  };
}
