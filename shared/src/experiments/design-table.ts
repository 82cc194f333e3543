import type { Parsed } from '../issues';
import { readAll, readCountCell, readNumberCell, readOptional, type CellRead } from './cells';
import { findColumns } from './columns';
import { durationDays } from './duration';
import { planArms } from './planning';
import { readRows, statusCells, type RowStatus } from './sheet-table';
import { defaultAlpha, defaultPower } from './sample-size';

// The Experiments (design) sheet: from baseline, MDE (relative), α, power, daily traffic and the
// number of arms (2 unless given), the required sample per arm and the expected duration in days.
// With three or more arms each comparison is sized at α/(arms − 1), so the power planned holds under
// the Holm correction the analysis applies (planning.ts), and the row says what its last arm costs.
// Columns are found by header, case-insensitively; α, power and arms may be blank for defaults.

const aliases = {
  baseline: ['baseline', 'baseline rate'],
  mde: ['mde', 'minimum detectable effect'],
  alpha: ['alpha', 'α'],
  power: ['power'],
  traffic: ['daily traffic', 'traffic per day'],
  arms: ['arms', 'number of arms'],
};
type DesignColumn = keyof typeof aliases;

export const designColumns = ['Sample per arm', 'Days', 'Alpha per comparison', 'Last arm costs', 'Status'] as const;

export interface DesignAnalysis {
  statuses: RowStatus[];
  /** One row per input row, in `designColumns` order. */
  cells: (string | number)[][];
}

/** The sample-size inputs read from cells; α and power take their defaults when blank. */
export function readSampleSizeCells(baseline: unknown, mde: unknown, alpha: unknown, power: unknown) {
  return { baseline: readNumberCell(baseline, 'baseline'), mde: readNumberCell(mde, 'MDE'), alpha: readOptional(alpha, defaultAlpha, 'alpha'), power: readOptional(power, defaultPower, 'power') };
}

/** Sample per arm and days for one design row, or the reason it cannot be computed. */
export function designRow(cells: readonly unknown[], columns: Partial<Record<DesignColumn, number>>): CellRead<{ perArm: number; days: number; alphaPerComparison: number; lastArmCost: number }> {
  const at = (key: DesignColumn) => (columns[key] === undefined ? undefined : cells[columns[key]!]);
  const read = readAll({
    ...readSampleSizeCells(at('baseline'), at('mde'), at('alpha'), at('power')),
    traffic: readNumberCell(at('traffic'), 'daily traffic'),
    arms: readOptional(at('arms'), 2, 'arms', readCountCell),
  });
  if (!read.ok) return { ok: false, reason: read.reasons.join('; ') };
  const { traffic, arms, ...input } = read.value;
  if (arms < 2) return { ok: false, reason: 'an experiment needs at least 2 arms' };
  const plan = planArms({ ...input, arms });
  if (!plan.ok) return { ok: false, reason: plan.issues.map((issue) => issue.message).join('; ') };
  if (traffic <= 0) return { ok: false, reason: 'daily traffic must be above 0' };
  const { perArm, alphaPerComparison, lastArmCost } = plan.value;
  return { ok: true, value: { perArm, days: durationDays(perArm, arms, traffic), alphaPerComparison, lastArmCost } };
}

/** Computes the sample per arm and duration for every design row; bad rows get their reason. */
export function designTable(header: readonly unknown[], rows: readonly (readonly unknown[])[], firstRow = 2): Parsed<DesignAnalysis> {
  const columns = findColumns(header, aliases, ['baseline', 'mde', 'traffic']);
  if (!columns.ok) return columns;
  const computed = new Map<number, number[]>();
  const { reasons } = readRows(rows, firstRow, (cells, rowNumber) => {
    const read = designRow(cells, columns.value);
    if (read.ok) computed.set(rowNumber, [read.value.perArm, read.value.days, read.value.alphaPerComparison, read.value.lastArmCost]);
    return read;
  });
  return { ok: true, value: statusCells(rows.length, firstRow, designColumns.length - 1, reasons, computed) };
}
