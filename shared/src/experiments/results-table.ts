import { analyzeAb, type VariantResult } from './ab-test';
import { cellText, isBlankCell, readCountCell, readNumberCell, type CellRead } from './cells';
import { decide, type Decision } from './decision';
import { checkPeeking, type PeekingCheck } from './peeking';
import { comparePeriods } from './periods';
import { readRows, statusCells, type RowStatus } from './sheet-table';
import type { SrmResult } from './srm';

// The Results sheet, computed in one pass: rows of [experiment, arm, period, segment, visitors,
// conversions, revenue?] in, one row of computed cells out for each. Rows are compared within
// their experiment × period × segment; control is the arm named `controlArm` ("control" unless
// told), or else the group's first arm. A bad row (text in a number cell, a blank, a negative
// number, conversions above visitors, a repeated arm) gets its reason in Status and is left out;
// the others are still computed. Nothing here throws on a cell's content.
// An experiment is judged on its whole run: every period pooled per arm within each segment (a
// week alone is too thin and too noisy to decide on). The periods one by one are its trend. The
// pooled figures assume the split stayed the same from period to period; the SRM test on the
// pooled visitors catches a split that did not.

export interface ExperimentPlan {
  /** The significance level the experiment was designed with; the table's α when absent. */
  alpha?: number;
  /** Planned traffic weights by arm name; an equal split when absent. */
  weights?: Readonly<Record<string, number>>;
  /** Planned visitors per arm, for the peeking warning. */
  plannedPerArm?: number;
  /** The relative lift worth having, for the stop rule. */
  mde?: number;
  /** Planned end, ISO date, for the overdue insight. */
  endDate?: string;
  /** True once a decision is recorded. */
  decided?: boolean;
  /** The primary metric, as the plan names it ("click rate"). */
  metric?: string;
}

export interface ResultsOptions {
  alpha?: number;
  controlArm?: string;
  plans?: Readonly<Record<string, ExperimentPlan>>;
  /** The sheet row number of the first data row (2 under a header row). */
  firstRow?: number;
}

export interface ResultRow {
  rowNumber: number;
  experiment: string;
  arm: string;
  period: string;
  segment: string;
  visitors: number;
  conversions: number;
  revenue: number | null;
}

export interface ComparedArm extends VariantResult {
  arm: string;
  rowNumber: number;
}

export interface ResultGroup {
  experiment: string;
  period: string;
  segment: string;
  /** The significance level the group was judged at. */
  alpha: number;
  control: ResultRow;
  variants: ComparedArm[];
  srm: SrmResult;
  peeking?: PeekingCheck;
  decision: Decision;
  rowNumbers: number[];
}

/** One experiment × segment over every period so far, all periods pooled per arm. */
export interface ExperimentRun extends ResultGroup {
  /** The periods pooled, in period order ("" for rows without one). */
  periods: string[];
  /** The same comparison period by period, in period order: the trend beside the pooled result. */
  trend: ResultGroup[];
}

export type ResultCell = string | number | boolean;

export interface ResultsAnalysis {
  /** Sheet row number of each input row and its Status: "OK", a reason, or "" for an empty row. */
  statuses: RowStatus[];
  /** One row of cells per input row, in `resultColumns` order, ready for one setValues. */
  cells: ResultCell[][];
  rows: ResultRow[];
  /** Each experiment × period × segment on its own. */
  groups: ResultGroup[];
  /** Each experiment × segment over its whole run: what decisions are made on. */
  runs: ExperimentRun[];
}

/** The row's own period first, then its arm over the whole run, then the run's decision. */
export const resultColumns = ['Rate', 'Lift', 'CI low', 'CI high', 'p-value', 'Holm p', 'P(beat control)', 'Lift to date', 'Holm p to date', 'P(beat) to date', 'SRM', 'Decision', 'Reasons', 'Status'] as const;

/** Reads one result row, or the reasons it cannot be used. */
export function readResultRow(cells: readonly unknown[], rowNumber: number): CellRead<ResultRow> {
  const reasons: string[] = [];
  const experiment = cellText(cells[0]);
  const arm = cellText(cells[1]);
  if (experiment === '') reasons.push('experiment is blank');
  if (arm === '') reasons.push('arm is blank');
  const visitors = readCountCell(cells[4], 'visitors');
  const conversions = readCountCell(cells[5], 'conversions');
  const revenue = isBlankCell(cells[6]) ? null : readNumberCell(cells[6], 'revenue');
  for (const read of [visitors, conversions, revenue]) if (read && !read.ok) reasons.push(read.reason);
  if (revenue?.ok && revenue.value < 0) reasons.push(`revenue is negative (${revenue.value})`);
  if (visitors.ok && conversions.ok) {
    if (conversions.value > visitors.value) reasons.push(`conversions (${conversions.value}) exceed visitors (${visitors.value})`);
    if (visitors.value === 0) reasons.push('the arm is empty: visitors is 0');
  }
  if (reasons.length > 0 || !visitors.ok || !conversions.ok) return { ok: false, reason: reasons.join('; ') };
  return {
    ok: true,
    value: { rowNumber, experiment, arm, period: cellText(cells[2]), segment: cellText(cells[3]), visitors: visitors.value, conversions: conversions.value, revenue: revenue?.ok ? revenue.value : null },
  };
}

function groupKey(row: ResultRow): string {
  return JSON.stringify([row.experiment, row.period, row.segment]);
}

function analyzeGroup(members: ResultRow[], options: ResultsOptions): ResultGroup {
  const controlName = (options.controlArm ?? 'control').toLowerCase();
  const controlIndex = Math.max(0, members.findIndex((row) => row.arm.toLowerCase() === controlName));
  const control = members[controlIndex];
  const variantRows = members.filter((_, i) => i !== controlIndex);
  const plan = options.plans?.[control.experiment];
  const alpha = plan?.alpha ?? options.alpha ?? 0.05;
  // A plan that misses an arm cannot say what split to expect; the equal split is tested instead.
  const weights = plan?.weights ? [control, ...variantRows].map((row) => plan.weights?.[row.arm] ?? 0) : undefined;
  const ab = analyzeAb(control, variantRows, alpha, weights?.every((w) => w > 0) ? weights : undefined);
  const variants = ab.variants.map((result, i) => ({ ...result, arm: variantRows[i].arm, rowNumber: variantRows[i].rowNumber }));
  const peeking = plan?.plannedPerArm ? checkPeeking(members.map((row) => row.visitors), plan.plannedPerArm) : undefined;
  const decision = decide({
    variants,
    srmMismatch: ab.srm.mismatch,
    peeking,
    alpha,
    mde: plan?.mde,
  });
  return { experiment: control.experiment, period: control.period, segment: control.segment, alpha, control, variants, srm: ab.srm, peeking, decision, rowNumbers: members.map((row) => row.rowNumber) };
}

/** The rows of one experiment × segment, pooled per arm in the order arms first appear. */
function poolRun(members: readonly ResultRow[]): ResultRow[] {
  const arms = new Map<string, ResultRow>();
  for (const row of members) {
    const key = row.arm.toLowerCase();
    const sum = arms.get(key);
    // The pooled row stands at the arm's latest row; revenue is pooled only when every period has it.
    arms.set(key, sum
      ? { ...sum, rowNumber: row.rowNumber, visitors: sum.visitors + row.visitors, conversions: sum.conversions + row.conversions, revenue: sum.revenue !== null && row.revenue !== null ? sum.revenue + row.revenue : null }
      : { ...row, period: '' });
  }
  return [...arms.values()];
}

function analyzeRun(members: ResultRow[], periodGroups: ResultGroup[], options: ResultsOptions): ExperimentRun {
  const trend = [...periodGroups].sort((a, b) => comparePeriods(a.period, b.period));
  return { ...analyzeGroup(poolRun(members), options), rowNumbers: members.map((row) => row.rowNumber), periods: trend.map((group) => group.period), trend };
}

/**
 * Each row's computed cells by sheet row number, control first: its period's figures, its arm's
 * figures over the run, then the run's SRM flag and decision. An undefined lift or interval is blank.
 */
function groupCells(group: ResultGroup, run: ExperimentRun, cells: Map<number, ResultCell[]>): void {
  const shared: ResultCell[] = [group.srm.mismatch, run.decision.decision, run.decision.reasons.join(' ')];
  const control = group.control;
  cells.set(control.rowNumber, [control.conversions / control.visitors, '', '', '', '', '', '', '', '', '', ...shared]);
  for (const v of group.variants) {
    const pooled = run.variants.find((arm) => arm.arm.toLowerCase() === v.arm.toLowerCase());
    const toDate = pooled ? [pooled.lift ?? '', pooled.pValueAdjusted, pooled.probabilityToBeatControl] : ['', '', ''];
    cells.set(v.rowNumber, [v.rate, v.lift ?? '', v.ciLow ?? '', v.ciHigh ?? '', v.pValue, v.pValueAdjusted, v.probabilityToBeatControl, ...toDate, ...shared]);
  }
}

/** Computes every row of a Results sheet; bad rows come back flagged in Status, never thrown. */
export function analyzeResultsTable(rows: readonly (readonly unknown[])[], options: ResultsOptions = {}): ResultsAnalysis {
  const firstRow = options.firstRow ?? 2;
  const groups = new Map<string, ResultRow[]>();
  const { valid, reasons } = readRows(rows, firstRow, (cells, rowNumber) => {
    const read = readResultRow(cells, rowNumber);
    if (!read.ok) return read;
    const key = groupKey(read.value);
    const members = groups.get(key) ?? [];
    const twin = members.find((row) => row.arm.toLowerCase() === read.value.arm.toLowerCase());
    if (twin) return { ok: false, reason: `arm "${read.value.arm}" appears twice for this experiment, period and segment (also row ${twin.rowNumber})` };
    members.push(read.value);
    groups.set(key, members);
    return read;
  });
  const analyzed = [...groups.values()].map((members) => analyzeGroup(members, options));
  const runKey = (row: { experiment: string; segment: string }) => JSON.stringify([row.experiment, row.segment]);
  const runKeys = [...new Set(analyzed.map(runKey))];
  const runs = runKeys.map((key) => analyzeRun(valid.filter((row) => runKey(row) === key), analyzed.filter((group) => runKey(group) === key), options));
  const computed = new Map<number, ResultCell[]>();
  for (const group of analyzed) groupCells(group, runs[runKeys.indexOf(runKey(group))]!, computed);
  return { ...statusCells(rows.length, firstRow, resultColumns.length - 1, reasons, computed), rows: valid, groups: analyzed, runs };
}
