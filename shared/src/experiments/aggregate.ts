import type { ResultCell } from './results-table';

// Visitor rows folded into the per-arm aggregates the Results sheet holds: one row per experiment,
// arm, period and segment with visitors, conversions, revenue and revenue sum of squares. This is
// what the BigQuery query in docs/warehouse.md returns, so a warehouse export and the visitor rows
// it came from feed the same statistics.

export interface VisitorRow {
  experiment: string;
  arm: string;
  period: string;
  segment: string;
  converted: boolean;
  /** The visitor's revenue; 0 when they did not buy. */
  revenue: number;
}

/** Results-sheet rows [experiment, arm, period, segment, visitors, conversions, revenue, revenue sum of squares], in first-seen order. */
export function aggregateVisitors(rows: readonly VisitorRow[]): ResultCell[][] {
  const groups = new Map<string, { key: VisitorRow; visitors: number; conversions: number; revenue: number; squares: number }>();
  for (const row of rows) {
    const id = JSON.stringify([row.experiment, row.arm, row.period, row.segment]);
    const group = groups.get(id) ?? { key: row, visitors: 0, conversions: 0, revenue: 0, squares: 0 };
    group.visitors += 1;
    group.conversions += row.converted ? 1 : 0;
    group.revenue += row.revenue;
    group.squares += row.revenue * row.revenue;
    groups.set(id, group);
  }
  return [...groups.values()].map(({ key, visitors, conversions, revenue, squares }) => [key.experiment, key.arm, key.period, key.segment, visitors, conversions, revenue, squares]);
}
