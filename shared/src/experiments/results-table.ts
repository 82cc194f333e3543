import { analyzeAb, type VariantResult } from './ab-test';
import { cellText, isBlankCell, readCountCell, readNumberCell, readRangeCell, type CellRead } from './cells';
import { compareBrandFit, type BrandFitResult } from './brand-fit';
import { decide, type Decision, type VariantEvidence } from './decision';
import { checkCountGuardrail, checkMeanGuardrail, guardrailColumn, guardrailKind, type GuardrailResult } from './guardrails';
import { analyzeRevenue, revenueSumsProblem, type RevenueAnalysis, type RevenueArm } from './revenue';
import { percent, pText, signedPercent } from './format';
import { checkPeeking, type PeekingCheck } from './peeking';
import { comparePeriods } from './periods';
import { readRows, statusCells, type RowStatus } from './sheet-table';
import type { SrmResult } from './srm';

// The Results sheet, computed in one pass: rows of [experiment, arm, period, segment, visitors,
// conversions, revenue?, revenue sum of squares?, brand fit?, then one count per name in
// `countColumns`] in, one row of computed cells out for each. Each row is an aggregate over one
// arm and period, as a warehouse query returns it (see docs/warehouse.md): counts and sums add up,
// so pooled periods give exactly what the visitor rows would. Rows are compared within
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
  /** Guardrail metrics a winner must not harm (see guardrails.ts). */
  guardrails?: readonly string[];
}

export interface ResultsOptions {
  alpha?: number;
  controlArm?: string;
  plans?: Readonly<Record<string, ExperimentPlan>>;
  /** The sheet row number of the first data row (2 under a header row). */
  firstRow?: number;
  /** Names (lower case) of the count columns after brand fit, for count guardrails. */
  countColumns?: readonly string[];
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
  /** Σ of each visitor's revenue squared, for the revenue variance. */
  revenueSquares: number | null;
  /** The variant's brand-fit score, 0–100, where it came from the Figma plugin or Docs add-on. */
  brandFit: number | null;
  /** Counts for guardrails by column name (lower case); null where the cell is blank. */
  counts: Record<string, number | null>;
}

export interface ComparedArm extends VariantResult {
  arm: string;
  rowNumber: number;
  /** Revenue ÷ visitors; null without revenue. */
  revenuePerVisitor: number | null;
  brandFit: number | null;
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
  /** Revenue per visitor and average order value; null when some row has no revenue. */
  revenue: { perVisitor: RevenueAnalysis; aov: RevenueAnalysis } | null;
  /** The primary metric the decision is made on. */
  metric: string;
  guardrails: GuardrailResult[];
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
  /** On-brand against off-brand variants across the runs; null when no arm has a brand-fit score. */
  brandFit: BrandFitResult | null;
}

/** The row's own period first, then its arm over the whole run, then the run's decision. */
export const resultColumns = ['Rate', 'Lift', 'CI low', 'CI high', 'p-value', 'Holm p', 'P(beat control)', 'Lift to date', 'Holm p to date', 'P(beat) to date', 'Revenue per visitor', 'RPV lift to date', 'RPV Holm p to date', 'RPV P(beat) to date', 'Guardrails', 'SRM', 'Decision', 'Reasons', 'Status'] as const;

/** The input columns after conversions, in the order the core reads them. */
export const resultInputColumns = ['Revenue', 'Revenue sum of squares', 'Brand fit'] as const;

/** Reads one result row, or the reasons it cannot be used. */
export function readResultRow(cells: readonly unknown[], rowNumber: number, countColumns: readonly string[] = []): CellRead<ResultRow> {
  const reasons: string[] = [];
  const experiment = cellText(cells[0]);
  const arm = cellText(cells[1]);
  if (experiment === '') reasons.push('experiment is blank');
  if (arm === '') reasons.push('arm is blank');
  const visitors = readCountCell(cells[4], 'visitors');
  const conversions = readCountCell(cells[5], 'conversions');
  const revenue = isBlankCell(cells[6]) ? null : readNumberCell(cells[6], 'revenue');
  const squares = isBlankCell(cells[7]) ? null : readNumberCell(cells[7], 'revenue sum of squares');
  const brandFit = isBlankCell(cells[8]) ? null : readRangeCell(cells[8], 'brand fit', 0, 100);
  const counts = countColumns.map((name, i) => (isBlankCell(cells[9 + i]) ? null : readCountCell(cells[9 + i], name)));
  for (const read of [visitors, conversions, revenue, squares, brandFit, ...counts]) if (read && !read.ok) reasons.push(read.reason);
  if (revenue?.ok && revenue.value < 0) reasons.push(`revenue is negative (${revenue.value})`);
  if (squares && !revenue) reasons.push('revenue sum of squares is given without revenue');
  if (revenue?.ok && squares?.ok && conversions.ok) {
    const problem = revenueSumsProblem({ visitors: 0, conversions: conversions.value, revenue: revenue.value, revenueSquares: squares.value });
    if (problem) reasons.push(problem);
  }
  if (visitors.ok && conversions.ok) {
    if (conversions.value > visitors.value) reasons.push(`conversions (${conversions.value}) exceed visitors (${visitors.value})`);
    if (visitors.value === 0) reasons.push('the arm is empty: visitors is 0');
  }
  if (reasons.length > 0 || !visitors.ok || !conversions.ok) return { ok: false, reason: reasons.join('; ') };
  const value = (read: CellRead<number> | null) => (read?.ok ? read.value : null);
  return {
    ok: true,
    value: {
      rowNumber, experiment, arm, period: cellText(cells[2]), segment: cellText(cells[3]), visitors: visitors.value, conversions: conversions.value,
      revenue: value(revenue), revenueSquares: value(squares), brandFit: value(brandFit), counts: Object.fromEntries(countColumns.map((name, i) => [name, value(counts[i]!)])),
    },
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
  const variants = ab.variants.map((result, i) => {
    const row = variantRows[i]!;
    return { ...result, arm: row.arm, rowNumber: row.rowNumber, revenuePerVisitor: row.revenue === null ? null : row.revenue / row.visitors, brandFit: row.brandFit };
  });
  const peeking = plan?.plannedPerArm ? checkPeeking(members.map((row) => row.visitors), plan.plannedPerArm) : undefined;
  const revenue = revenueOf(control, variantRows, alpha);
  const metric = plan?.metric || 'conversion rate';
  // A plan whose primary metric is revenue per visitor is decided on it, when it can be tested.
  const onRevenue = guardrailKind(metric) === 'revenue per visitor' && revenue?.perVisitor.ok === true;
  const evidence: VariantEvidence[] = onRevenue && revenue.perVisitor.ok
    ? revenue.perVisitor.variants.map((test, i) => ({ arm: variantRows[i]!.arm, lift: test.lift, ciLow: test.liftLow, ciHigh: test.liftHigh, pValueAdjusted: test.pValueAdjusted, probabilityToBeatControl: test.probabilityToBeatControl }))
    : variants;
  const guardrails = (plan?.guardrails ?? []).flatMap((name) => checkGuardrail(name, control, variantRows, variants, revenue, alpha, options.countColumns ?? []));
  const decision = decide({ variants: evidence, srmMismatch: ab.srm.mismatch, peeking, alpha, mde: plan?.mde, guardrails });
  const revenueReason = revenue && !revenue.perVisitor.ok ? revenue.perVisitor.reason : '';
  if (revenueReason && !decision.reasons.some((reason) => reason.includes(revenueReason))) decision.reasons.push(`Revenue: ${revenueReason}.`);
  return { experiment: control.experiment, period: control.period, segment: control.segment, alpha, control, variants, srm: ab.srm, peeking, revenue, metric, guardrails, decision, rowNumbers: members.map((row) => row.rowNumber) };
}

function revenueArm(row: ResultRow): RevenueArm {
  return { visitors: row.visitors, conversions: row.conversions, revenue: row.revenue ?? 0, revenueSquares: row.revenueSquares };
}

/** Revenue per visitor and average order value, when every arm has revenue. */
function revenueOf(control: ResultRow, variants: readonly ResultRow[], alpha: number): ResultGroup['revenue'] {
  if ([control, ...variants].some((row) => row.revenue === null) || variants.length === 0) return null;
  return {
    perVisitor: analyzeRevenue('revenue per visitor', revenueArm(control), variants.map(revenueArm), alpha),
    aov: analyzeRevenue('average order value', revenueArm(control), variants.map(revenueArm), alpha),
  };
}

/** One guardrail checked for every variant. */
function checkGuardrail(name: string, control: ResultRow, variantRows: readonly ResultRow[], variants: readonly ComparedArm[], revenue: ResultGroup['revenue'], alpha: number, countColumns: readonly string[]): GuardrailResult[] {
  const arms = variantRows.map((row) => row.arm);
  const kind = guardrailKind(name);
  if (kind === 'revenue per visitor') return checkMeanGuardrail(name, arms, revenue?.perVisitor ?? null, alpha);
  if (kind === 'average order value') return checkMeanGuardrail(name, arms, revenue?.aov ?? null, alpha);
  if (kind === 'conversion') {
    return variants.map((v) => {
      const harmed = v.diff < 0 && v.pValue < alpha;
      return { arm: v.arm, metric: name, status: harmed ? 'harmed' : 'ok', lift: v.lift, pValue: v.pValue, text: harmed ? `${v.arm} lowers ${name} by ${percent(v.lift === null ? null : -v.lift)} (${pText(v.pValue)}): a guardrail is harmed.` : `${v.arm}'s ${name} is not significantly lower (${signedPercent(v.lift)}, ${pText(v.pValue)}).` };
    });
  }
  const column = guardrailColumn(name, countColumns);
  if (!column) return arms.map((arm) => ({ arm, metric: name, status: 'unchecked', lift: null, pValue: null, text: `${arm}'s ${name} was not checked: the Results sheet has no "${name}" column of counts.` }));
  const countArm = (row: ResultRow) => ({ arm: row.arm, visitors: row.visitors, count: row.counts[column] ?? null });
  return checkCountGuardrail(name, countArm(control), variantRows.map(countArm), alpha);
}

/** The rows of one experiment × segment, pooled per arm in the order arms first appear. */
function poolRun(members: readonly ResultRow[]): ResultRow[] {
  const arms = new Map<string, ResultRow>();
  for (const row of members) {
    const key = row.arm.toLowerCase();
    const sum = arms.get(key);
    // The pooled row stands at the arm's latest row; a sum is pooled only when every period has it.
    const add = (a: number | null, b: number | null) => (a !== null && b !== null ? a + b : null);
    arms.set(key, sum
      ? {
          ...sum, rowNumber: row.rowNumber, visitors: sum.visitors + row.visitors, conversions: sum.conversions + row.conversions,
          revenue: add(sum.revenue, row.revenue), revenueSquares: add(sum.revenueSquares, row.revenueSquares),
          // A variant's brand fit is one score; periods that repeat it keep it, visitor-weighted if they differ.
          brandFit: sum.brandFit === null ? row.brandFit : row.brandFit === null ? sum.brandFit : (sum.brandFit * sum.visitors + row.brandFit * row.visitors) / (sum.visitors + row.visitors),
          counts: Object.fromEntries(Object.keys(sum.counts).map((name) => [name, add(sum.counts[name] ?? null, row.counts[name] ?? null)])),
        }
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
  const perVisitor = (row: ResultRow) => (row.revenue === null ? '' : row.revenue / row.visitors);
  cells.set(control.rowNumber, [control.conversions / control.visitors, '', '', '', '', '', '', '', '', '', perVisitor(control), '', '', '', '', ...shared]);
  for (const v of group.variants) {
    const at = run.variants.findIndex((arm) => arm.arm.toLowerCase() === v.arm.toLowerCase());
    const pooled = run.variants[at];
    const toDate = pooled ? [pooled.lift ?? '', pooled.pValueAdjusted, pooled.probabilityToBeatControl] : ['', '', ''];
    const rpv = run.revenue?.perVisitor.ok && at >= 0 ? run.revenue.perVisitor.variants[at]! : null;
    const revenueToDate = rpv ? [rpv.lift ?? '', rpv.pValueAdjusted, rpv.probabilityToBeatControl] : ['', '', ''];
    const guardrails = run.guardrails.filter((g) => g.arm.toLowerCase() === v.arm.toLowerCase()).map((g) => g.text).join(' ');
    cells.set(v.rowNumber, [v.rate, v.lift ?? '', v.ciLow ?? '', v.ciHigh ?? '', v.pValue, v.pValueAdjusted, v.probabilityToBeatControl, ...toDate, v.revenuePerVisitor ?? '', ...revenueToDate, guardrails, ...shared]);
  }
}

/** Computes every row of a Results sheet; bad rows come back flagged in Status, never thrown. */
export function analyzeResultsTable(rows: readonly (readonly unknown[])[], options: ResultsOptions = {}): ResultsAnalysis {
  const firstRow = options.firstRow ?? 2;
  const groups = new Map<string, ResultRow[]>();
  const { valid, reasons } = readRows(rows, firstRow, (cells, rowNumber) => {
    const read = readResultRow(cells, rowNumber, options.countColumns);
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
  const strata = runs.map((run) => [run.control, ...run.variants]);
  const brandFit = valid.some((row) => row.brandFit !== null) ? compareBrandFit(strata, options.alpha ?? 0.05) : null;
  return { ...statusCells(rows.length, firstRow, resultColumns.length - 1, reasons, computed), rows: valid, groups: analyzed, runs, brandFit };
}
