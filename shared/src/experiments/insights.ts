import { comparePeriods } from './periods';
import type { ExperimentRun, ResultRow, ResultsAnalysis, ExperimentPlan } from './results-table';

// Anomalies worth a sentence, found in an analyzed Results sheet: one insight per finding per
// experiment, metric and segment, so a finding that holds week after week is one insight whose
// figures move on (see `insightKey`), never one copy per week. Thresholds (all overridable):
// - winner: over the experiment's whole run, a variant ahead of control by at least `minLift`
//   (10% relative) with Holm-adjusted p < α (the α its run was judged at, unless one is given);
// - falling segment: an arm's rate in one segment fell in each of `fallingPeriods` (3) consecutive
//   periods, so at least four periods are needed; periods sort as numbers when they all are,
//   else as text with digit runs compared by value ("week 2" before "week 10");
// - SRM: the run's pooled split failed the χ² test (p < 0.001);
// - overdue: the plan's end date is more than `graceDays` (7) before `now` with no decision.
// Every insight carries the sheet row numbers it comes from.

export interface InsightOptions {
  alpha?: number;
  minLift?: number;
  fallingPeriods?: number;
  graceDays?: number;
  plans?: Readonly<Record<string, ExperimentPlan>>;
  /** The current time as an ISO string: passed in so results are reproducible. */
  now: string;
}

interface Base {
  experiment: string;
  /** The experiment's primary metric, "conversion rate" when its plan names none. */
  metric: string;
  /** The segment the finding is about; "" for all visitors. */
  segment: string;
  rows: number[];
}

export type Insight =
  | (Base & { kind: 'winner'; periods: string[]; variant: string; lift: number; ciLow: number | null; ciHigh: number | null; pValueAdjusted: number; probabilityToBeatControl: number })
  | (Base & { kind: 'falling-segment'; arm: string; periods: string[]; rates: number[] })
  | (Base & { kind: 'srm'; periods: string[]; pValue: number; visitors: Record<string, number> })
  | (Base & { kind: 'overdue'; endDate: string; daysOverdue: number });

/** The metric an experiment is judged on, as its plan names it. */
export function metricOf(plans: Readonly<Record<string, ExperimentPlan>> | undefined, experiment: string): string {
  return plans?.[experiment]?.metric || 'conversion rate';
}

/**
 * What makes a finding the same finding from one run to the next: its kind, experiment, metric,
 * segment and the arm it is about. The figures, periods and rows it rests on may change.
 */
export function insightKey(insight: Insight): string {
  const arm = insight.kind === 'winner' ? insight.variant : insight.kind === 'falling-segment' ? insight.arm.toLowerCase() : '';
  return JSON.stringify([insight.kind, insight.experiment, insight.metric, insight.segment, arm]);
}

export const insightDefaults = { minLift: 0.1, fallingPeriods: 3, graceDays: 7 };
const dayMs = 86_400_000;

function winners(runs: readonly ExperimentRun[], alpha: number | undefined, minLift: number, metric: (experiment: string) => string): Insight[] {
  return runs.flatMap((run) =>
    run.variants
      .filter((v) => v.lift !== null && v.lift >= minLift && v.pValueAdjusted < (alpha ?? run.alpha))
      .map((v): Insight => ({
        kind: 'winner', experiment: run.experiment, metric: metric(run.experiment), segment: run.segment, periods: run.periods, variant: v.arm, lift: v.lift!,
        ciLow: v.ciLow, ciHigh: v.ciHigh, pValueAdjusted: v.pValueAdjusted, probabilityToBeatControl: v.probabilityToBeatControl,
        rows: run.trend.flatMap((group) => [group.control, ...group.variants].filter((row) => [run.control.arm, v.arm].some((arm) => arm.toLowerCase() === row.arm.toLowerCase())).map((row) => row.rowNumber)),
      })),
  );
}

function srmAlarms(runs: readonly ExperimentRun[], metric: (experiment: string) => string): Insight[] {
  return runs.filter((run) => run.srm.mismatch).map((run): Insight => ({
    kind: 'srm', experiment: run.experiment, metric: metric(run.experiment), segment: run.segment, periods: run.periods, pValue: run.srm.pValue,
    visitors: Object.fromEntries([run.control, ...run.variants].map((row) => [row.arm, row.visitors])), rows: run.rowNumbers,
  }));
}

function fallingSegments(rows: readonly ResultRow[], falls: number, metric: (experiment: string) => string): Insight[] {
  const series = new Map<string, ResultRow[]>();
  for (const row of rows) {
    if (row.period === '') continue;
    const key = JSON.stringify([row.experiment, row.arm.toLowerCase(), row.segment]);
    series.set(key, [...(series.get(key) ?? []), row]);
  }
  const found: Insight[] = [];
  for (const members of series.values()) {
    const sorted = [...members].sort((a, b) => comparePeriods(a.period, b.period));
    const rates = sorted.map((row) => row.conversions / row.visitors);
    // One finding per arm and segment: the latest fall long enough to count, at its longest.
    let latest: Insight | undefined;
    let run = 0;
    for (let i = 1; i < sorted.length; i++) {
      run = rates[i] < rates[i - 1] ? run + 1 : 0;
      const runEnds = i === sorted.length - 1 || !(rates[i + 1] < rates[i]);
      if (run >= falls && runEnds) {
        const span = sorted.slice(i - run, i + 1);
        const first = span[0];
        latest = { kind: 'falling-segment', experiment: first.experiment, metric: metric(first.experiment), arm: first.arm, segment: first.segment, periods: span.map((r) => r.period), rates: rates.slice(i - run, i + 1), rows: span.map((r) => r.rowNumber) };
      }
    }
    if (latest) found.push(latest);
  }
  return found;
}

function overdue(rows: readonly ResultRow[], plans: Readonly<Record<string, ExperimentPlan>>, now: string, graceDays: number, metric: (experiment: string) => string): Insight[] {
  const nowMs = Date.parse(now);
  if (!Number.isFinite(nowMs)) return [];
  return Object.entries(plans).flatMap(([experiment, plan]): Insight[] => {
    const endMs = plan.endDate ? Date.parse(plan.endDate) : NaN;
    if (plan.decided || !Number.isFinite(endMs)) return [];
    const daysOverdue = Math.floor((nowMs - endMs) / dayMs);
    if (daysOverdue <= graceDays) return [];
    const linked = rows.filter((row) => row.experiment === experiment).map((row) => row.rowNumber);
    return [{ kind: 'overdue', experiment, metric: metric(experiment), segment: '', endDate: plan.endDate!, daysOverdue, rows: linked }];
  });
}

/** Every insight in an analyzed Results sheet, in a stable order: winners, SRM, falling segments, overdue. */
export function findInsights(analysis: ResultsAnalysis, options: InsightOptions): Insight[] {
  const metric = (experiment: string) => metricOf(options.plans, experiment);
  return [
    ...winners(analysis.runs, options.alpha, options.minLift ?? insightDefaults.minLift, metric),
    ...srmAlarms(analysis.runs, metric),
    ...fallingSegments(analysis.rows, options.fallingPeriods ?? insightDefaults.fallingPeriods, metric),
    ...overdue(analysis.rows, options.plans ?? {}, options.now, options.graceDays ?? insightDefaults.graceDays, metric),
  ];
}
