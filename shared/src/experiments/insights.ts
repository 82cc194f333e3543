import { comparePeriods } from './periods';
import type { ResultGroup, ResultRow, ResultsAnalysis, ExperimentPlan } from './results-table';

// Anomalies worth a sentence, found in an analyzed Results sheet. Thresholds (all overridable):
// - winner: a variant ahead of control by at least `minLift` (10% relative) with Holm-adjusted p < α
//   (the α its group was judged at, unless one is given);
// - falling segment: an arm's rate in one segment fell in each of `fallingPeriods` (3) consecutive
//   periods, so at least four periods are needed; periods sort as numbers when they all are,
//   else as text with digit runs compared by value ("week 2" before "week 10");
// - SRM: the group's split failed the χ² test (p < 0.001);
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
  rows: number[];
}

export type Insight =
  | (Base & { kind: 'winner'; period: string; segment: string; variant: string; lift: number; ciLow: number | null; ciHigh: number | null; pValueAdjusted: number; probabilityToBeatControl: number })
  | (Base & { kind: 'falling-segment'; arm: string; segment: string; periods: string[]; rates: number[] })
  | (Base & { kind: 'srm'; period: string; segment: string; pValue: number; visitors: Record<string, number> })
  | (Base & { kind: 'overdue'; endDate: string; daysOverdue: number });

export const insightDefaults = { minLift: 0.1, fallingPeriods: 3, graceDays: 7 };
const dayMs = 86_400_000;

function winners(groups: readonly ResultGroup[], alpha: number | undefined, minLift: number): Insight[] {
  return groups.flatMap((group) =>
    group.variants
      .filter((v) => v.lift !== null && v.lift >= minLift && v.pValueAdjusted < (alpha ?? group.alpha))
      .map((v): Insight => ({
        kind: 'winner', experiment: group.experiment, period: group.period, segment: group.segment, variant: v.arm, lift: v.lift!,
        ciLow: v.ciLow, ciHigh: v.ciHigh, pValueAdjusted: v.pValueAdjusted, probabilityToBeatControl: v.probabilityToBeatControl,
        rows: [group.control.rowNumber, v.rowNumber],
      })),
  );
}

function srmAlarms(groups: readonly ResultGroup[]): Insight[] {
  return groups.filter((group) => group.srm.mismatch).map((group): Insight => ({
    kind: 'srm', experiment: group.experiment, period: group.period, segment: group.segment, pValue: group.srm.pValue,
    visitors: Object.fromEntries([group.control, ...group.variants].map((row) => [row.arm, row.visitors])), rows: group.rowNumbers,
  }));
}

function fallingSegments(rows: readonly ResultRow[], falls: number): Insight[] {
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
    let run = 0;
    for (let i = 1; i < sorted.length; i++) {
      run = rates[i] < rates[i - 1] ? run + 1 : 0;
      // Report each run once, at its longest.
      const runEnds = i === sorted.length - 1 || !(rates[i + 1] < rates[i]);
      if (run >= falls && runEnds) {
        const span = sorted.slice(i - run, i + 1);
        found.push({ kind: 'falling-segment', experiment: span[0].experiment, arm: span[0].arm, segment: span[0].segment, periods: span.map((r) => r.period), rates: rates.slice(i - run, i + 1), rows: span.map((r) => r.rowNumber) });
      }
    }
  }
  return found;
}

function overdue(rows: readonly ResultRow[], plans: Readonly<Record<string, ExperimentPlan>>, now: string, graceDays: number): Insight[] {
  const nowMs = Date.parse(now);
  if (!Number.isFinite(nowMs)) return [];
  return Object.entries(plans).flatMap(([experiment, plan]): Insight[] => {
    const endMs = plan.endDate ? Date.parse(plan.endDate) : NaN;
    if (plan.decided || !Number.isFinite(endMs)) return [];
    const daysOverdue = Math.floor((nowMs - endMs) / dayMs);
    if (daysOverdue <= graceDays) return [];
    const linked = rows.filter((row) => row.experiment === experiment).map((row) => row.rowNumber);
    return [{ kind: 'overdue', experiment, endDate: plan.endDate!, daysOverdue, rows: linked }];
  });
}

/** Every insight in an analyzed Results sheet, in a stable order: winners, SRM, falling segments, overdue. */
export function findInsights(analysis: ResultsAnalysis, options: InsightOptions): Insight[] {
  return [
    ...winners(analysis.groups, options.alpha, options.minLift ?? insightDefaults.minLift),
    ...srmAlarms(analysis.groups),
    ...fallingSegments(analysis.rows, options.fallingPeriods ?? insightDefaults.fallingPeriods),
    ...overdue(analysis.rows, options.plans ?? {}, options.now, options.graceDays ?? insightDefaults.graceDays),
  ];
}
