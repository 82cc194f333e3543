import type { ExperimentRun, ResultGroup } from '@onbrand/shared/experiments';
import type { StatsCard } from '../contract';
import { analyzeResults, readPlans } from './experiment-data';
import { issueMessages } from './report';
import { readLooks, runKey, sequentialReadout } from './ledger';
import { anyFrozen, currentPlans, judgeByFrozen, planReadout, readFrozenPlans, type FrozenEntry } from './plans';
import { readTable, textColumn } from './table';
import { experimentsSheet, ledgerSheet, plansSheet, resultsSheet } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Control first, then the variants, each with its rate. */
function armsOf(group: ResultGroup) {
  const { control } = group;
  const none = { lift: null, ciLow: null, ciHigh: null, pValue: null, pValueAdjusted: null, probabilityToBeatControl: null };
  return [{ ...control, ...none, rate: control.conversions / control.visitors }, ...group.variants];
}

// The contract's schema keeps only the card's own fields, so a run's parts go in whole.
function card(run: ExperimentRun, plannedPerArm: number | undefined, brandFit: string | null, extra: Pick<NonNullable<StatsCard['card']>, 'plan' | 'sequential'>): NonNullable<StatsCard['card']> {
  const perVisitor = run.revenue?.perVisitor;
  const rowsOf = (arm: string) => run.trend.flatMap((group) => [group.control, ...group.variants].filter((row) => row.arm.toLowerCase() === arm.toLowerCase()).map((row) => row.rowNumber));
  return {
    ...run,
    arms: armsOf(run).map((arm) => ({ ...arm, rows: rowsOf(arm.arm) })),
    trend: run.trend.map((group) => ({ period: group.period, arms: armsOf(group) })),
    peeking: run.peeking ?? null,
    decision: run.decision.decision,
    reasons: run.decision.reasons,
    plannedPerArm: plannedPerArm ?? null,
    revenue: !perVisitor ? null : perVisitor.ok
      ? { untestable: '', variants: perVisitor.variants.map((test, i) => ({ ...test, arm: run.variants[i]!.arm })) }
      : { untestable: perVisitor.reason, variants: [] },
    guardrails: run.guardrails,
    brandFit,
    ...extra,
  };
}

/** An experiment's run over all visitors (segment blank or "all") when it has one, else its first. */
function runOf(runs: readonly ExperimentRun[], experiment: string): ExperimentRun | undefined {
  const own = runs.filter((run) => run.experiment === experiment);
  return own.find((run) => ['', 'all'].includes(run.segment.toLowerCase())) ?? own[0];
}

/**
 * The stats card for the experiment asked for, else the one on the selected row of Results (that
 * row's segment) or Experiments, else the last. Every period is pooled per arm; the periods one
 * by one are its trend. Computed afresh.
 */
export function readStatsCard(spreadsheet: Spreadsheet, experiment?: string): StatsCard {
  const results = readTable(spreadsheet, resultsSheet);
  if (!results) return { experiments: [], card: null, hint: 'Choose Set up tracker, then add result rows to the Results sheet.' };
  const experimentsTable = readTable(spreadsheet, experimentsSheet);
  const plans = readPlans(experimentsTable);
  const frozen: Map<string, FrozenEntry> = anyFrozen(experimentsTable) ? readFrozenPlans(readTable(spreadsheet, plansSheet)) : new Map();
  const current = currentPlans(experimentsTable, plans);
  judgeByFrozen(plans, frozen);
  const analyzed = analyzeResults(results, plans);
  if (!analyzed.ok) return { experiments: [], card: null, hint: issueMessages(analyzed.issues) };
  const { runs } = analyzed.value.analysis;
  const names = [...new Set(runs.map((run) => run.experiment))];
  if (runs.length === 0) return { experiments: [], card: null, hint: 'No result rows can be analyzed yet: add visitors and conversions per arm on the Results sheet.' };

  let chosen: ExperimentRun | undefined;
  if (experiment) chosen = runOf(runs, experiment);
  else {
    const selection = spreadsheet.getActiveRange();
    const sheet = selection?.getSheet().getName();
    const row = selection?.getRow() ?? 0;
    if (sheet === resultsSheet.name) chosen = runs.find((run) => run.rowNumbers.includes(row));
    if (!chosen && (sheet === resultsSheet.name || sheet === experimentsSheet.name)) {
      const table = sheet === resultsSheet.name ? results : experimentsTable;
      chosen = runOf(runs, table ? textColumn(table, 'Experiment')(table.rows[row - 2] ?? []) : '');
    }
  }
  const hint = experiment || chosen ? '' : 'Select a row on the Results or Experiments sheet, or pick an experiment.';
  chosen ??= runs[runs.length - 1]!;
  const entry = frozen.get(chosen.experiment);
  const plan = entry ? planReadout(entry, current.get(chosen.experiment)?.plan) : null;
  const frozenPlan = entry?.frozen?.plan;
  const looks = frozenPlan ? (readLooks(readTable(spreadsheet, ledgerSheet)).get(runKey(chosen.experiment, chosen.segment)) ?? []) : [];
  const sequential = frozenPlan ? sequentialReadout(looks, chosen, frozenPlan.alpha, frozenPlan.plannedPerArm) : null;
  return { experiments: names, card: card(chosen, plans.plans[chosen.experiment]?.plannedPerArm, analyzed.value.analysis.brandFit?.text ?? null, { plan, sequential }), hint };
}
