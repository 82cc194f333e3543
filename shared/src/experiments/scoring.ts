import type { Issue, Parsed } from '../issues';
import { isBlankCell, readNumberCell, readRangeCell, type CellRead } from './cells';

// Qualification score on 0–100 for an AI use case, all inputs on 1–5 (risk: 5 is riskiest):
//   score = 100 × (w_i·(impact−1) + w_f·(feasibility−1) + w_d·(readiness−1) + w_r·(5−risk)) / 4
// with default weights impact 0.4, feasibility 0.25, data readiness 0.2, risk 0.15 (they sum to 1,
// so the score spans exactly 0–100). Weights that do not sum to 1 are rescaled so they do:
// "40, 25, 20, 15" means the same as the defaults.
// RICE (Intercom, McBride 2016) = reach × impact × confidence / effort.

export interface ScoreWeights {
  impact: number;
  feasibility: number;
  readiness: number;
  risk: number;
}

export const defaultWeights: ScoreWeights = { impact: 0.4, feasibility: 0.25, readiness: 0.2, risk: 0.15 };

export const weightNames = ['impact', 'feasibility', 'readiness', 'risk'] as const;

export interface ScoreInputs {
  impact: number;
  feasibility: number;
  readiness: number;
  risk: number;
}

/** The four 1–5 ratings read from their cells, each with the reason it is bad. */
export function readRatings(impact: unknown, feasibility: unknown, risk: unknown, readiness: unknown): Record<keyof ScoreInputs, CellRead<number>> {
  return {
    impact: readRangeCell(impact, 'impact', 1, 5),
    feasibility: readRangeCell(feasibility, 'feasibility', 1, 5),
    risk: readRangeCell(risk, 'risk', 1, 5),
    readiness: readRangeCell(readiness, 'readiness', 1, 5),
  };
}

/** Checks weights (finite, not negative, not all zero) and rescales them to sum to 1. */
export function normalizeWeights(weights: ScoreWeights): Parsed<ScoreWeights> {
  const issues: Issue[] = weightNames
    .filter((name) => !(Number.isFinite(weights[name]) && weights[name] >= 0))
    .map((name) => ({ path: `weights.${name}`, message: `the ${name} weight must be a number of at least 0, got ${weights[name]}` }));
  if (issues.length > 0) return { ok: false, issues };
  // Divided by the largest first, so weights near the largest double (1e308) do not sum to Infinity.
  const largest = Math.max(...weightNames.map((name) => weights[name]));
  if (largest <= 0) return { ok: false, issues: [{ path: 'weights', message: 'at least one weight must be above 0' }] };
  const scaled = (name: keyof ScoreWeights) => weights[name] / largest;
  const total = weightNames.reduce((sum, name) => sum + scaled(name), 0);
  return { ok: true, value: { impact: scaled('impact') / total, feasibility: scaled('feasibility') / total, readiness: scaled('readiness') / total, risk: scaled('risk') / total } };
}

/** Parses "impact=0.4,feasibility=0.25,…"; names not given keep their defaults. */
export function parseWeights(text: string): Parsed<ScoreWeights> {
  const cells: Partial<Record<keyof ScoreWeights, string>> = {};
  const issues: Issue[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [rawName, rawValue, ...rest] = part.split('=');
    const name = rawName.trim().toLowerCase() as keyof ScoreWeights;
    if (!weightNames.includes(name)) issues.push({ path: 'weights', message: `unknown weight "${rawName.trim()}": use impact, feasibility, readiness or risk` });
    else if (rest.length > 0 || rawValue === undefined || rawValue.trim() === '') issues.push({ path: `weights.${name}`, message: `"${part}" is not name=number` });
    else cells[name] = rawValue;
  }
  return issues.length > 0 ? { ok: false, issues } : weightsFromCells(cells);
}

/** Weights read from Settings cells; a blank cell keeps its default, text is an issue. */
export function weightsFromCells(cells: Readonly<Partial<Record<keyof ScoreWeights, unknown>>>): Parsed<ScoreWeights> {
  const weights = { ...defaultWeights };
  const issues: Issue[] = [];
  for (const name of weightNames) {
    if (isBlankCell(cells[name])) continue;
    const read = readNumberCell(cells[name], `the ${name} weight`);
    if (read.ok) weights[name] = read.value;
    else issues.push({ path: `weights.${name}`, message: read.reason });
  }
  return issues.length > 0 ? { ok: false, issues } : normalizeWeights(weights);
}

/** The 0–100 qualification score; weights are assumed normalized. */
export function qualificationScore(inputs: ScoreInputs, weights: ScoreWeights = defaultWeights): number {
  const sum = weights.impact * (inputs.impact - 1) + weights.feasibility * (inputs.feasibility - 1) +
    weights.readiness * (inputs.readiness - 1) + weights.risk * (5 - inputs.risk);
  return (100 * sum) / 4;
}

/** RICE = reach × impact × confidence / effort (effort > 0). */
export function riceScore(reach: number, impact: number, confidence: number, effort: number): number {
  return (reach * impact * confidence) / effort;
}

/** 1-based ranks by descending score; equal scores keep their input order (a stable sort). */
export function rankDescending(scores: readonly number[]): number[] {
  const order = scores.map((score, index) => ({ score, index })).sort((a, b) => b.score - a.score || a.index - b.index);
  const ranks = new Array<number>(scores.length);
  order.forEach(({ index }, position) => {
    ranks[index] = position + 1;
  });
  return ranks;
}
