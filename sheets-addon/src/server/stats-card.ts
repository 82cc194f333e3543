import { cellText, type ResultGroup } from '@onbrand/shared/experiments';
import type { StatsCard } from '../contract';
import { analyzeResults, readPlans } from './experiment-data';
import { columnIndex, readTable } from './table';
import { experimentsSheet, resultsSheet } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function card(group: ResultGroup, alpha: number, plannedPerArm: number | undefined): NonNullable<StatsCard['card']> {
  const control = group.control;
  return {
    experiment: group.experiment,
    period: group.period,
    segment: group.segment,
    alpha,
    arms: [
      { arm: control.arm, row: control.rowNumber, visitors: control.visitors, conversions: control.conversions, rate: control.conversions / control.visitors, lift: null, ciLow: null, ciHigh: null, pValue: null, pValueAdjusted: null, probabilityToBeatControl: null },
      ...group.variants.map((v) => ({ arm: v.arm, row: v.rowNumber, visitors: v.visitors, conversions: v.conversions, rate: v.rate, lift: v.lift, ciLow: v.ciLow, ciHigh: v.ciHigh, pValue: v.pValue, pValueAdjusted: v.pValueAdjusted, probabilityToBeatControl: v.probabilityToBeatControl })),
    ],
    srm: { pValue: group.srm.pValue, mismatch: group.srm.mismatch },
    peeking: group.peeking ? { progress: group.peeking.progress, message: group.peeking.message } : null,
    decision: group.decision.decision,
    reasons: group.decision.reasons,
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
  const analyzed = analyzeResults(results, plans, 'control');
  if (!analyzed.ok) return { experiments: [], card: null, hint: analyzed.issues.map((issue) => issue.message).join('; ') };
  const { groups } = analyzed.value.analysis;
  const names = [...new Set(groups.map((group) => group.experiment))];
  if (groups.length === 0) return { experiments: [], card: null, hint: 'No result rows can be analyzed yet: add visitors and conversions per arm on the Results sheet.' };

  let chosen: ResultGroup | undefined;
  if (experiment) chosen = groups.filter((group) => group.experiment === experiment).pop();
  else {
    const selection = spreadsheet.getActiveRange();
    const sheet = selection?.getSheet().getName();
    const row = selection?.getRow() ?? 0;
    if (sheet === resultsSheet.name) chosen = groups.find((group) => group.rowNumbers.includes(row));
    if (!chosen && (sheet === resultsSheet.name || sheet === experimentsSheet.name)) {
      const table = sheet === resultsSheet.name ? results : experimentsTable;
      const name = table ? cellText(table.rows[row - 2]?.[columnIndex(table.header, 'Experiment')]) : '';
      chosen = groups.filter((group) => group.experiment === name).pop();
    }
  }
  const hint = experiment || chosen ? '' : 'Select a row on the Results or Experiments sheet, or pick an experiment.';
  chosen ??= groups[groups.length - 1]!;
  return { experiments: names, card: card(chosen, analyzed.value.alphaOf(chosen.experiment), plans.plans[chosen.experiment]?.plannedPerArm), hint };
}
