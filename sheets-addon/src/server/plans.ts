import { cellText, comparePlan, describeDeviation, describePlan, freezePlan, planFromRow, planJson, readFrozenPlan, type AnalysisPlan, type FrozenPlan, type PlanDeviation } from '@onbrand/shared/experiments';
import type { Plans } from './experiment-data';
import { appendRows, columnIndex, readTable, textColumn, type Table } from './table';
import { plansSheet } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// Frozen analysis plans live on their own Plans sheet, one row per freeze, rather than in a
// protected block of the Experiments sheet: an add-on cannot stop the file's owner editing a
// protected range, a separate append-only sheet keeps every version with the hash beside the JSON
// it is of (so anyone can re-check it), and the Experiments sheet stays the team's to edit. Edits
// to a plan's cells after the freeze are not refused (Sheets lets an add-on see an edit only after
// it lands); they are named as deviations beside the result and in the Audit log, and the result
// is still judged against the frozen plan.

export interface FrozenEntry {
  /** The latest frozen plan, or null when its row fails its hash check. */
  frozen: FrozenPlan | null;
  version: number;
  problem?: string;
}

/** The latest frozen plan of each experiment on the Plans sheet, checked against its hash. */
export function readFrozenPlans(table: Table | null): Map<string, FrozenEntry> {
  const latest = new Map<string, FrozenEntry>();
  if (!table) return latest;
  const [experiment, version, at, by, hash, plan] = ['Experiment', 'Version', 'Frozen at', 'Frozen by', 'Hash', 'Plan'].map((name) => textColumn(table, name));
  for (const row of table.rows) {
    const name = experiment!(row);
    if (name === '') continue;
    const read = readFrozenPlan(plan!(row), hash!(row), at!(row), by!(row));
    const entry: FrozenEntry = read.ok ? { frozen: read.value, version: Number(version!(row)) || 1 } : { frozen: null, version: Number(version!(row)) || 1, problem: `The frozen plan of ${name} on the Plans sheet cannot be trusted: ${read.reason}.` };
    if ((latest.get(name)?.version ?? 0) <= entry.version) latest.set(name, entry);
  }
  return latest;
}

/** Whether any Experiments row carries a frozen plan's mark, so the Plans sheet is worth reading. */
export function anyFrozen(experiments: Table | null): boolean {
  if (!experiments) return false;
  const plan = columnIndex(experiments.header, 'Plan');
  return plan >= 0 && experiments.rows.some((row) => cellText(row[plan]) !== '');
}

/** Each Experiments row's plan as it reads now, by experiment name. */
export function currentPlans(experiments: Table | null, plans: Plans): Map<string, { plan: AnalysisPlan; gaps: string[]; index: number }> {
  const current = new Map<string, { plan: AnalysisPlan; gaps: string[]; index: number }>();
  if (!experiments) return current;
  const name = textColumn(experiments, 'Experiment');
  experiments.rows.forEach((row, index) => {
    const experiment = name(row);
    if (experiment && !current.has(experiment)) current.set(experiment, { ...planFromRow(experiments.header, row, plans.plans[experiment]?.plannedPerArm ?? null), index });
  });
  return current;
}

export interface PlanReadout {
  summary: string;
  hash: string;
  version: number;
  deviations: string[];
}

/** The frozen plan a result is judged against, and what was edited since: for the card and the Plan cell. */
export function planReadout(entry: FrozenEntry, current: AnalysisPlan | undefined): PlanReadout | null {
  if (!entry.frozen) return entry.problem ? { summary: entry.problem, hash: '', version: entry.version, deviations: [] } : null;
  const deviations: PlanDeviation[] = current ? comparePlan(entry.frozen.plan, current) : [];
  return { summary: describePlan(entry.frozen), hash: entry.frozen.hash, version: entry.version, deviations: deviations.map(describeDeviation) };
}

/** The Plan cell: "frozen v1 · 3fa2c1d04b9e", or the fields edited since. */
export function planCell(readout: PlanReadout | null): string {
  if (!readout) return '';
  if (!readout.hash) return 'frozen plan fails its hash check';
  const mark = `frozen v${readout.version} · ${readout.hash.slice(0, 12)}`;
  return readout.deviations.length ? `changed since ${mark}: ${readout.deviations.map((text) => text.split(' changed')[0]).join(', ')}` : mark;
}

/** The experiment plan the analysis uses for a frozen experiment: α, planned sample, MDE and stop from the freeze. */
export function judgeByFrozen(plans: Plans, frozen: ReadonlyMap<string, FrozenEntry>): void {
  for (const [name, entry] of frozen) {
    const plan = entry.frozen?.plan;
    if (!plan) continue;
    plans.plans[name] = { ...plans.plans[name], alpha: plan.alpha, plannedPerArm: plan.plannedPerArm, mde: plan.mde, endDate: plan.plannedStop, metric: plan.primaryMetric };
  }
}

/** Appends a frozen record for each plan, the next version of any frozen before. */
export function appendFrozenPlans(spreadsheet: Spreadsheet, plans: readonly AnalysisPlan[], who: string, now: Date): FrozenPlan[] {
  const table = readTable(spreadsheet, plansSheet);
  if (!table) throw new Error('There is no Plans sheet yet. Choose Set up tracker first; it keeps any data you already have.');
  const versions = readFrozenPlans(table);
  const frozen = plans.map((plan) => freezePlan(plan, who, now));
  appendRows(
    table,
    frozen.map((record) => ({
      Experiment: record.plan.experiment,
      Version: (versions.get(record.plan.experiment)?.version ?? 0) + 1,
      'Frozen at': record.frozenAt,
      'Frozen by': record.frozenBy,
      Hash: record.hash,
      Plan: planJson(record.plan),
      Summary: describePlan(record),
    })),
  );
  return frozen;
}
