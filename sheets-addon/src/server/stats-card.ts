import type { ResultGroup } from '@onbrand/shared/experiments';
import type { StatsCard } from '../contract';
import { analyzeResults, readPlans } from './experiment-data';
import { issueMessages } from './report';
import { readTable, textColumn } from './table';
import { experimentsSheet, resultsSheet } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// The contract's schema keeps only the card's own fields, so a group's parts go in whole.
function card(group: ResultGroup, plannedPerArm: number | undefined): NonNullable<StatsCard['card']> {
  const { control, decision } = group;
  const none = { lift: null, ciLow: null, ciHigh: null, pValue: null, pValueAdjusted: null, probabilityToBeatControl: null };
  return {
    ...group,
    arms: [{ ...control, ...none, row: control.rowNumber, rate: control.conversions / control.visitors }, ...group.variants.map((variant) => ({ ...variant, row: variant.rowNumber }))],
    peeking: group.peeking ?? null,
    decision: decision.decision,
    reasons: decision.reasons,
    plannedPerArm: plannedPerArm ?? null,
  };
}

/**
 * The stats card for the experiment asked for, else the one on the selected row of Results or
 * Experiments (on Results, that row's period and segment), else the first. Computed afresh.
 */
export function readStatsCard(spreadsheet: Spreadsheet, experiment?: string): StatsCard {
  const results = readTable(spreadsheet, resultsSheet);
  if (!results) return { experiments: [], card: null, hint: 'Choose Set up tracker, then add result rows to the Results sheet.' };
  const experimentsTable = readTable(spreadsheet, experimentsSheet);
  const plans = readPlans(experimentsTable);
  const analyzed = analyzeResults(results, plans);
  if (!analyzed.ok) return { experiments: [], card: null, hint: issueMessages(analyzed.issues) };
  const { groups } = analyzed.value.analysis;
  const names = [...new Set(groups.map((group) => group.experiment))];
  if (groups.length === 0) return { experiments: [], card: null, hint: 'No result rows can be analyzed yet: add visitors and conversions per arm on the Results sheet.' };

  const last = (name: string) => groups.filter((group) => group.experiment === name).pop();
  let chosen: ResultGroup | undefined;
  if (experiment) chosen = last(experiment);
  else {
    const selection = spreadsheet.getActiveRange();
    const sheet = selection?.getSheet().getName();
    const row = selection?.getRow() ?? 0;
    if (sheet === resultsSheet.name) chosen = groups.find((group) => group.rowNumbers.includes(row));
    if (!chosen && (sheet === resultsSheet.name || sheet === experimentsSheet.name)) {
      const table = sheet === resultsSheet.name ? results : experimentsTable;
      chosen = last(table ? textColumn(table, 'Experiment')(table.rows[row - 2] ?? []) : '');
    }
  }
  const hint = experiment || chosen ? '' : 'Select a row on the Results or Experiments sheet, or pick an experiment.';
  chosen ??= groups[groups.length - 1]!;
  return { experiments: names, card: card(chosen, plans.plans[chosen.experiment]?.plannedPerArm), hint };
}
