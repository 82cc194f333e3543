import { describe, it, expect } from 'vitest';
import { aggregateVisitors, type VisitorRow } from '../../../shared/src/experiments/aggregate';
import { analyzeRevenue } from '../../../shared/src/experiments/revenue';
import { analyzeResultsTable } from '../../../shared/src/experiments/results-table';
import { welchTest } from '../../../shared/src/experiments/welch';
import { twoProportionTest } from '../../../shared/src/experiments/two-proportion';

/** Seeded visitor rows: two arms over three weeks, some buying, order values spread widely. */
function visitors(): VisitorRow[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows: VisitorRow[] = [];
  for (const period of ['week 1', 'week 2', 'week 3']) {
    for (const [arm, rate, value] of [['control', 0.05, 40], ['B', 0.06, 38]] as const) {
      for (let i = 0; i < 3000; i++) {
        const converted = random() < rate;
        rows.push({ experiment: 'Offers', arm, period, segment: 'all', converted, revenue: converted ? Math.round(value * (0.2 + 2 * random()) * 100) / 100 : 0 });
      }
    }
  }
  return rows;
}

/** Mean and sample standard deviation straight from the values, two-pass. */
function summary(values: number[]) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, sd: Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)), n: values.length };
}

describe('warehouse aggregates and visitor rows', () => {
  it('give the same conversion and revenue statistics', () => {
    const rows = visitors();
    const analysis = analyzeResultsTable(aggregateVisitors(rows), { plans: { Offers: { guardrails: ['revenue per visitor'] } } });
    const run = analysis.runs[0]!;
    const arm = (name: string) => rows.filter((row) => row.arm === name);
    const [control, b] = [arm('control'), arm('B')];
    // Conversion: the pooled weekly aggregates equal counting the visitors.
    const direct = twoProportionTest({ visitors: control.length, conversions: control.filter((r) => r.converted).length }, { visitors: b.length, conversions: b.filter((r) => r.converted).length });
    expect(run.variants[0]!.pValue).toBeCloseTo(direct.pValue, 14);
    expect(run.variants[0]!.ciLow).toBeCloseTo(direct.liftLow!, 14);
    // Revenue per visitor: sums of three weeks against Welch's test on every visitor's value.
    const rpv = welchTest(summary(control.map((r) => r.revenue)), summary(b.map((r) => r.revenue)));
    const fromSums = run.revenue!.perVisitor;
    expect(fromSums.ok).toBe(true);
    if (!fromSums.ok) return;
    expect(Math.abs(fromSums.variants[0]!.pValue - rpv.pValue) / rpv.pValue).toBeLessThan(1e-9);
    expect(fromSums.variants[0]!.diffLow).toBeCloseTo(rpv.ciLow, 9);
    expect(fromSums.variants[0]!.diffHigh).toBeCloseTo(rpv.ciHigh, 9);
    // Average order value: the buyers' values alone.
    const aov = welchTest(summary(control.filter((r) => r.converted).map((r) => r.revenue)), summary(b.filter((r) => r.converted).map((r) => r.revenue)));
    const aovSums = run.revenue!.aov;
    if (!aovSums.ok) throw new Error(aovSums.reason);
    expect(Math.abs(aovSums.variants[0]!.pValue - aov.pValue) / aov.pValue).toBeLessThan(1e-9);
    expect(aovSums.variants[0]!.diffLow).toBeCloseTo(aov.ciLow, 9);
  });

  it('keeps one aggregate row per experiment, arm, period and segment', () => {
    const cells = aggregateVisitors(visitors());
    expect(cells).toHaveLength(6);
    expect(cells[0]!.slice(0, 5)).toEqual(['Offers', 'control', 'week 1', 'all', 3000]);
    expect(analyzeRevenue('revenue per visitor', { visitors: 2, conversions: 1, revenue: 5, revenueSquares: 25 }, [{ visitors: 2, conversions: 1, revenue: 6, revenueSquares: 36 }]).ok).toBe(true);
  });
});
