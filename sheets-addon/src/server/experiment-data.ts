import {
  analyzeResultsTable,
  cellText,
  defaultAlpha,
  designTable,
  findColumns,
  guardrailColumn,
  guardrailKind,
  isBlankCell,
  parseGuardrails,
  readNumberCell,
  type DesignAnalysis,
  type ExperimentPlan,
  type ResultsAnalysis,
} from '@onbrand/shared/experiments';
import type { Issue } from '@onbrand/shared';
import { under } from './report';
import { columnIndex, type Table } from './table';

// The Experiments and Results sheets read into the core's shapes. Each experiment is analyzed at
// the α it was designed with (its Alpha cell, 0.05 when blank). The control arm is the one named
// "control", else each group's first arm.

export interface Plans {
  plans: Record<string, ExperimentPlan>;
  /** Sample per arm, days and status for each Experiments row; issues when key columns are missing. */
  design: { ok: true; value: DesignAnalysis } | { ok: false; issues: Issue[] };
}

function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : cellText(value);
  const text = cellText(value);
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : undefined;
}

/** Plans by experiment name (planned sample, MDE, end date, decided, α, metric) and the design columns. */
export function readPlans(experiments: Table | null): Plans {
  const plans: Record<string, ExperimentPlan> = {};
  if (!experiments) return { plans, design: { ok: true, value: { statuses: [], cells: [] } } };
  const design = designTable(experiments.header, experiments.rows);
  // An absent column reads as blank: row[-1] is undefined.
  const [name, mde, alpha, end, decision, metric, guardrails] = ['Experiment', 'MDE', 'Alpha', 'End date', 'Decision', 'Primary metric', 'Guardrail metrics'].map((header) => columnIndex(experiments.header, header)) as [number, number, number, number, number, number, number];
  experiments.rows.forEach((row, index) => {
    const experiment = cellText(row[name]);
    if (experiment === '') return;
    const mdeRead = readNumberCell(row[mde], 'MDE');
    const alphaRead = readNumberCell(row[alpha], 'alpha');
    const perArm = design.ok ? design.value.cells[index]![0] : '';
    plans[experiment] = {
      alpha: alphaRead.ok && alphaRead.value > 0 && alphaRead.value < 1 ? alphaRead.value : defaultAlpha,
      plannedPerArm: typeof perArm === 'number' ? perArm : undefined,
      mde: mdeRead.ok ? mdeRead.value : undefined,
      endDate: isoDate(row[end]),
      decided: !isBlankCell(row[decision]),
      metric: cellText(row[metric]) || undefined,
      guardrails: parseGuardrails(cellText(row[guardrails])),
    };
  });
  return { plans, design };
}

// In the order the core reads a result row.
const resultAliases = {
  experiment: ['experiment'],
  arm: ['arm', 'variant'],
  period: ['period'],
  segment: ['segment'],
  visitors: ['visitors'],
  conversions: ['conversions'],
  revenue: ['revenue'],
  revenueSquares: ['revenue sum of squares', 'revenue squares'],
  brandFit: ['brand fit', 'brand-fit score', 'brand fit score'],
};
const canonical = Object.keys(resultAliases) as (keyof typeof resultAliases)[];

export interface AnalyzedResults {
  analysis: ResultsAnalysis;
  /** The α each group was judged at, by experiment. */
  alphaOf: (experiment: string) => number;
}

/** Analyzes every Results row at its experiment's α; missing key columns come back as issues. */
export function analyzeResults(results: Table, plans: Plans): { ok: true; value: AnalyzedResults } | { ok: false; issues: Issue[] } {
  const columns = findColumns<(typeof canonical)[number]>(results.header, resultAliases, ['experiment', 'arm', 'visitors', 'conversions']);
  if (!columns.ok) return { ok: false, issues: under(results.spec.name, columns.issues) };
  // The count columns the experiments' guardrails name, each read once after the fixed columns.
  const headers = results.header.map((header) => header.trim().toLowerCase());
  const guardrailNames = Object.values(plans.plans).flatMap((plan) => plan.guardrails ?? []).filter((name) => guardrailKind(name) === 'count');
  const countColumns = [...new Set(guardrailNames.map((name) => guardrailColumn(name, headers)).filter((column): column is string => column !== null))];
  // A column the sheet lacks reads as blank (row[-1]).
  const rows = results.rows.map((row) => [...canonical.map((key) => row[columns.value[key] ?? -1]), ...countColumns.map((column) => row[headers.indexOf(column)])]);
  const alphaOf = (experiment: string) => plans.plans[experiment]?.alpha ?? defaultAlpha;
  const analysis = analyzeResultsTable(rows, { plans: plans.plans, countColumns });
  // Valid rows and groups are listed α by α, in the order each α first comes on the sheet.
  const alphas = [...new Set(rows.map((row) => alphaOf(cellText(row[0]))))];
  const byAlpha = (a: { experiment: string }, b: { experiment: string }) => alphas.indexOf(alphaOf(a.experiment)) - alphas.indexOf(alphaOf(b.experiment));
  analysis.rows.sort(byAlpha);
  analysis.groups.sort(byAlpha);
  analysis.runs.sort(byAlpha);
  return { ok: true, value: { analysis, alphaOf } };
}
