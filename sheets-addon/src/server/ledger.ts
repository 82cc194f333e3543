import { isNewLook, lookDataText, readLookData, sequentialByVariant, type ArmData, type ExperimentRun, type Look, type SequentialResult } from '@onbrand/shared/experiments';
import { appendRows, textColumn, type Table } from './table';

// The peeking ledger on its sheet. A look is logged when an analysis sees new data for a running
// experiment (a frozen plan, no decision yet); reading the same numbers again is not a new look.
// The always-valid figures are recomputed from every look's data seen, never trusted from the
// sheet's own figure cells.

/** The looks logged so far, by experiment and segment, in sheet order. */
export function readLooks(table: Table | null): Map<string, Look[]> {
  const looks = new Map<string, Look[]>();
  if (!table) return looks;
  const [when, experiment, segment, look, data] = ['When', 'Experiment', 'Segment', 'Look', 'Data seen'].map((name) => textColumn(table, name));
  const seen = new Set<string>();
  for (const row of table.rows) {
    const arms = readLookData(data!(row));
    const key = runKey(experiment!(row), segment!(row));
    // One row per variant: the look is the same for each.
    const id = `${key}#${look!(row)}`;
    if (!arms || seen.has(id)) continue;
    seen.add(id);
    looks.set(key, [...(looks.get(key) ?? []), { when: when!(row), experiment: experiment!(row), segment: segment!(row), arms }]);
  }
  return looks;
}

export const runKey = (experiment: string, segment: string) => JSON.stringify([experiment, segment.toLowerCase()]);

/** A run's arms as a look sees them: control first. */
export const runArms = (run: ExperimentRun): ArmData[] => [run.control, ...run.variants].map((arm) => ({ arm: arm.arm, visitors: arm.visitors, conversions: arm.conversions }));

export interface LoggedLook {
  experiment: string;
  look: number;
}

/**
 * Appends a look for every run of a running experiment whose data changed since its last look,
 * with each variant's always-valid interval and p-value as of that look.
 */
export function logLooks(
  table: Table,
  runs: readonly ExperimentRun[],
  running: (experiment: string) => { alpha: number; plannedPerArm: number } | null,
  who: string,
  now: Date,
): LoggedLook[] {
  const looks = readLooks(table);
  const rows: Record<string, unknown>[] = [];
  const logged: LoggedLook[] = [];
  for (const run of runs) {
    const plan = running(run.experiment);
    if (!plan) continue;
    const key = runKey(run.experiment, run.segment);
    const before = looks.get(key) ?? [];
    const arms = runArms(run);
    if (!isNewLook(before[before.length - 1], arms)) continue;
    const all = [...before, { when: now.toISOString(), experiment: run.experiment, segment: run.segment, arms }];
    const number = all.length;
    for (const variant of sequentialByVariant(all, plan.alpha, plan.plannedPerArm)) {
      const result = variant.byLook[variant.byLook.length - 1] ?? null;
      rows.push({
        When: now.toISOString(),
        Experiment: run.experiment,
        Segment: run.segment,
        Look: number,
        'Data seen': lookDataText(arms),
        Arm: variant.arm,
        Difference: result?.difference ?? '',
        'Always-valid low': result?.low ?? '',
        'Always-valid high': result?.high ?? '',
        'Always-valid p': result?.pValue ?? '',
        By: who,
      });
    }
    logged.push({ experiment: run.experiment, look: number });
  }
  appendRows(table, rows);
  return logged;
}

export interface SequentialReadout {
  looks: { look: number; when: string; data: string }[];
  arms: ({ arm: string } & SequentialResult)[];
  /** The data changed since the last logged look: Analyze logs it. */
  pending: boolean;
}

/** A run's looks and each variant's always-valid result as of its last look. */
export function sequentialReadout(looks: readonly Look[], run: ExperimentRun, alpha: number, plannedPerArm: number): SequentialReadout | null {
  if (looks.length === 0) return null;
  const arms = sequentialByVariant(looks, alpha, plannedPerArm).flatMap((variant) => {
    const last = variant.byLook[variant.byLook.length - 1];
    return last ? [{ arm: variant.arm, ...last }] : [];
  });
  return {
    looks: looks.map((look, i) => ({ look: i + 1, when: look.when, data: lookDataText(look.arms) })),
    arms,
    pending: isNewLook(looks[looks.length - 1], runArms(run)),
  };
}
