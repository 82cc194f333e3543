import type { Parsed } from '../issues';
import { findColumns } from './columns';
import { cellText, isBlankCell, readAll, readNumberCell, readOptional, type CellRead } from './cells';
import { checkOpenUnit } from './checks';
import { insightDefaults } from './insights';
import { detectability, detectabilityWeeks, type Detectability } from './planning';
import { defaultWeights, qualificationScore, rankDescending, readRatings, riceScore, type ScoreInputs, type ScoreWeights } from './scoring';
import { readRows, statusCells, type RowStatus } from './sheet-table';
import { parseStage, recommendStage, stages, type Stage, type StageRecommendation, type StageThresholds } from './stage-gate';

// The Use cases / Scoring sheet, computed in one pass. Columns are found by their header,
// case-insensitively: name, impact, feasibility, risk and readiness (or "data readiness") are
// required; stage, reach, confidence, effort and "rice impact" are optional (RICE uses "rice impact"
// when present, else impact). Bad rows get their reason in Status and no rank; the rest are scored.
// With "weekly traffic" and "baseline rate" (and optionally "expected lift", else the winning lift
// in Settings) a row also gets the smallest lift it could detect in 2, 4 and 8 weeks, and its
// detectability rating caps the feasibility its score uses (planning.ts): a use case that cannot
// be measured in a quarter scores as feasibility 1 and says so in Why.

export interface UseCaseColumns {
  name: number;
  impact: number;
  feasibility: number;
  risk: number;
  readiness: number;
  stage?: number;
  reach?: number;
  riceImpact?: number;
  confidence?: number;
  effort?: number;
  weeklyTraffic?: number;
  baseline?: number;
  expectedLift?: number;
}

const required = ['name', 'impact', 'feasibility', 'risk', 'readiness'] as const;
const aliases: Record<keyof UseCaseColumns, string[]> = {
  name: ['name', 'use case'],
  impact: ['impact'],
  feasibility: ['feasibility'],
  risk: ['risk'],
  readiness: ['readiness', 'data readiness'],
  stage: ['stage'],
  reach: ['reach'],
  riceImpact: ['rice impact'],
  confidence: ['confidence'],
  effort: ['effort'],
  weeklyTraffic: ['weekly traffic', 'traffic per week'],
  baseline: ['baseline rate', 'baseline'],
  expectedLift: ['expected lift'],
};
const measuring = ['weeklyTraffic', 'baseline', 'expectedLift'] as const;

/** A use case row as read from the sheet. */
export interface ReadUseCase {
  rowNumber: number;
  name: string;
  inputs: ScoreInputs;
  /** The stage the row is at. */
  stage: Stage;
  rice: number | null;
  /** Weekly traffic, baseline rate and expected lift (null for the default), when given. */
  traffic: { weekly: number; baseline: number; expectedLift: number | null } | null;
}

/** A scored use case: its score, rank and recommended next stage. */
export interface UseCaseRow extends ReadUseCase {
  score: number;
  rank: number;
  next: StageRecommendation;
  /** What its traffic can detect, when weekly traffic and baseline are given. */
  detectability: Detectability | null;
}

export interface UseCaseAnalysis {
  statuses: RowStatus[];
  /** One row per input row, in `useCaseColumns` order, ready for one setValues. */
  cells: (string | number)[][];
  /** The valid rows, best first. */
  ranked: UseCaseRow[];
}

export const useCaseColumns = ['Score', 'RICE', 'Rank', 'Next stage', 'Why', 'Lift in 2 weeks', 'Lift in 4 weeks', 'Lift in 8 weeks', 'Detectability', 'Status'] as const;

export interface UseCaseOptions {
  /** Normalized weights (see normalizeWeights); the defaults when absent. */
  weights?: ScoreWeights;
  /** The stage gates' thresholds; the defaults when absent. */
  thresholds?: StageThresholds;
  /** The sheet row number of the first data row (2 under a header row). */
  firstRow?: number;
  /** False to read only the four score columns and name, leaving stage and RICE columns alone. */
  extras?: boolean;
  /** The lift a use case without an expected lift is judged against; Settings' winning lift. */
  targetLift?: number;
  alpha?: number;
  power?: number;
}

/** Finds the columns by header name, or names every required column that is missing. */
export function findUseCaseColumns(header: readonly unknown[], extras = true): Parsed<UseCaseColumns> {
  // Traffic and baseline change the score, so they are read even when other extras are not.
  const wanted: Partial<Record<keyof UseCaseColumns, string[]>> = extras ? aliases : Object.fromEntries([...required, ...measuring].map((key) => [key, aliases[key]]));
  // Every required key is present once the check passes, which is what UseCaseColumns says.
  return findColumns(header, wanted, required) as Parsed<UseCaseColumns>;
}

/** Optional RICE from a row: null when its cells are blank or absent, a reason when they are bad. */
function readRice(cells: readonly unknown[], columns: UseCaseColumns, impact: number): CellRead<number | null> {
  const parts = [columns.reach, columns.confidence, columns.effort];
  if (parts.some((c) => c === undefined) || parts.every((c) => isBlankCell(cells[c!]))) return { ok: true, value: null };
  const reach = readNumberCell(cells[columns.reach!], 'reach');
  const confidence = readNumberCell(cells[columns.confidence!], 'confidence');
  const effort = readNumberCell(cells[columns.effort!], 'effort');
  // Without a "rice impact" column the cell reads as blank (cells[-1]), so impact stands in.
  const riceImpact = readOptional(cells[columns.riceImpact ?? -1], impact, 'rice impact');
  const reasons = [reach, confidence, effort, riceImpact].flatMap((read) => (read.ok ? (read.value < 0 ? ['RICE fields cannot be negative'] : []) : [read.reason]));
  if (effort.ok && effort.value === 0) reasons.push('effort is 0');
  if (reasons.length > 0 || !reach.ok || !confidence.ok || !effort.ok || !riceImpact.ok) return { ok: false, reason: [...new Set(reasons)].join('; ') };
  return { ok: true, value: riceScore(reach.value, riceImpact.value, confidence.value, effort.value) };
}

/** Reads one use case row, or the reasons it cannot be scored. */
export function readUseCaseRow(cells: readonly unknown[], columns: UseCaseColumns, rowNumber: number): CellRead<ReadUseCase> {
  const reads = readRatings(cells[columns.impact], cells[columns.feasibility], cells[columns.risk], cells[columns.readiness]);
  const ratings = readAll(reads);
  const name = cellText(cells[columns.name]);
  const reasons = name === '' ? ['name is blank'] : [];
  if (!ratings.ok) reasons.push(...ratings.reasons);
  const stageText = columns.stage === undefined ? '' : cellText(cells[columns.stage]);
  const stage = parseStage(stageText);
  if (stage === null) reasons.push(`stage "${stageText}" is not one of ${stages.join(', ')}`);
  const rice = reads.impact.ok ? readRice(cells, columns, reads.impact.value) : ({ ok: true, value: null } as const);
  if (!rice.ok) reasons.push(rice.reason);
  const traffic = readTraffic(cells, columns);
  if (!traffic.ok) reasons.push(traffic.reason);
  if (reasons.length > 0 || !ratings.ok || !rice.ok || !traffic.ok || stage === null) return { ok: false, reason: reasons.join('; ') };
  return { ok: true, value: { rowNumber, name, inputs: ratings.value, stage, rice: rice.value, traffic: traffic.value } };
}

/** Weekly traffic and baseline rate (and expected lift) when the row gives them; both or neither. */
function readTraffic(cells: readonly unknown[], columns: UseCaseColumns): CellRead<ReadUseCase['traffic']> {
  const at = (column: number | undefined) => (column === undefined ? undefined : cells[column]);
  const [weekly, baseline, lift] = [at(columns.weeklyTraffic), at(columns.baseline), at(columns.expectedLift)];
  if (isBlankCell(weekly) && isBlankCell(baseline)) return { ok: true, value: null };
  if (isBlankCell(weekly) || isBlankCell(baseline)) return { ok: false, reason: `${isBlankCell(weekly) ? 'weekly traffic' : 'baseline rate'} is blank: give both weekly traffic and baseline rate, or neither` };
  const read = readAll({ weekly: readNumberCell(weekly, 'weekly traffic'), baseline: readNumberCell(baseline, 'baseline rate'), lift: isBlankCell(lift) ? { ok: true, value: 0 } : readNumberCell(lift, 'expected lift') });
  if (!read.ok) return { ok: false, reason: read.reasons.join('; ') };
  const problems = [
    ...(read.value.weekly > 0 ? [] : [`weekly traffic must be above 0, got ${read.value.weekly}`]),
    ...checkOpenUnit('baseline', read.value.baseline, 'the baseline rate').map((issue) => issue.message),
    ...(isBlankCell(lift) || read.value.lift > 0 ? [] : [`expected lift must be above 0, got ${read.value.lift}`]),
  ];
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
  return { ok: true, value: { weekly: read.value.weekly, baseline: read.value.baseline, expectedLift: isBlankCell(lift) ? null : read.value.lift } };
}

/** Scores, ranks and recommends the next stage for every use case row. */
export function scoreUseCaseTable(header: readonly unknown[], rows: readonly (readonly unknown[])[], options: UseCaseOptions = {}): Parsed<UseCaseAnalysis> {
  const weights = options.weights ?? defaultWeights;
  const firstRow = options.firstRow ?? 2;
  const columns = findUseCaseColumns(header, options.extras);
  if (!columns.ok) return columns;
  const { valid: scored, reasons } = readRows(rows, firstRow, (cells, rowNumber) => readUseCaseRow(cells, columns.value, rowNumber));
  const found = scored.map((row) => (row.traffic ? detectability(row.traffic.baseline, row.traffic.weekly, row.traffic.expectedLift ?? options.targetLift ?? insightDefaults.minLift, options.alpha, options.power) : null));
  // A use case is no more feasible than it is measurable.
  const scores = scored.map((row, i) => qualificationScore({ ...row.inputs, feasibility: Math.min(row.inputs.feasibility, found[i]?.rating ?? 5) }, weights));
  const ranks = rankDescending(scores);
  const results = scored.map((row, i): UseCaseRow => ({
    ...row,
    score: scores[i],
    rank: ranks[i],
    next: recommendStage(row.stage, scores[i], row.inputs.risk, options.thresholds),
    detectability: found[i]!,
  }));
  const capped = (row: UseCaseRow) => (row.detectability && row.detectability.rating < row.inputs.feasibility ? ` Feasibility counts as ${row.detectability.rating}, not ${row.inputs.feasibility}: ${row.detectability.text}` : '');
  const lifts = (row: UseCaseRow) => detectabilityWeeks.map((weeks) => row.detectability?.lifts.find((entry) => entry.weeks === weeks)?.lift ?? '');
  const computed = new Map(results.map((row) => [row.rowNumber, [row.score, row.rice ?? '', row.rank, row.next.stage, row.next.reason + capped(row), ...lifts(row), row.detectability?.text ?? '']]));
  return { ok: true, value: { ...statusCells(rows.length, firstRow, useCaseColumns.length - 1, reasons, computed), ranked: [...results].sort((a, b) => a.rank - b.rank) } };
}
