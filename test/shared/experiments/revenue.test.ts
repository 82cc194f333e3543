import { describe, it, expect } from 'vitest';
import { analyzeRevenue, revenueSumsProblem, summaryFromSums } from '../../../shared/src/experiments/revenue';
import { analyzeResultsTable, resultColumns } from '../../../shared/src/experiments/results-table';
import { expectRelative, reference } from './reference';

const column = (name: (typeof resultColumns)[number]) => resultColumns.indexOf(name);

describe('revenue per visitor and average order value', () => {
  it('matches SciPy’s Welch test on the visitor rows, from the sums alone', () => {
    for (const row of reference.revenue) {
      for (const [metric, key] of [['revenue per visitor', 'perVisitor'], ['average order value', 'aov']] as const) {
        const result = analyzeRevenue(metric, row.control, [row.variant], row.alpha);
        expect(result.ok, `${row.seed} ${metric}`).toBe(true);
        if (!result.ok) continue;
        const [test] = result.variants;
        const expected = row[key];
        expectRelative(test!.pValue, expected.pValue);
        expectRelative(test!.df, expected.df, 1e-6);
        // Intervals within 1e-6 (absolute on the currency, relative on the lift).
        for (const bound of ['diff', 'diffLow', 'diffHigh'] as const) expect(Math.abs(test![bound] - expected[bound]), `${row.seed} ${metric} ${bound}`).toBeLessThanOrEqual(1e-6);
        for (const bound of ['lift', 'liftLow', 'liftHigh'] as const) expect(Math.abs(test![bound]! - expected[bound]), `${row.seed} ${metric} ${bound}`).toBeLessThanOrEqual(1e-6);
        expectRelative(test!.probabilityToBeatControl, expected.probabilityToBeatControl, 1e-6);
      }
    }
  });

  it('says revenue cannot be tested without the sum of squares, rather than invent a variance', () => {
    const result = analyzeRevenue('revenue per visitor', { visitors: 1000, conversions: 40, revenue: 2000, revenueSquares: null }, [{ visitors: 1000, conversions: 45, revenue: 2400, revenueSquares: null }]);
    expect(result).toEqual({ ok: false, reason: 'revenue per visitor cannot be tested: the revenue sum of squares is missing, so the spread of revenue between visitors is unknown (a total alone has no variance)' });
  });

  it('refuses sums no set of orders can give', () => {
    expect(revenueSumsProblem({ visitors: 100, conversions: 4, revenue: 400, revenueSquares: 100 })).toMatch(/below revenue² ÷ conversions \(40000\)/);
    expect(revenueSumsProblem({ visitors: 100, conversions: 0, revenue: 10, revenueSquares: 100 })).toBe('revenue is 10 with no conversions');
    expect(revenueSumsProblem({ visitors: 100, conversions: 4, revenue: 400, revenueSquares: 40000 })).toBeNull();
  });

  it('recovers mean and standard deviation from sums as from the values', () => {
    const values = [0, 0, 12.5, 0, 40, 7.25, 0, 0, 0, 99];
    const sum = values.reduce((a, b) => a + b, 0);
    const squares = values.reduce((a, b) => a + b * b, 0);
    const mean = sum / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    const summary = summaryFromSums(values.length, sum, squares);
    expectRelative(summary.mean, mean, 1e-15);
    expectRelative(summary.sd, sd, 1e-13);
  });
});

describe('guardrails in the results table', () => {
  // B wins on conversion (+16%) but its buyers spend far less.
  const rows = [
    ['Offers', 'control', 'W1', '', 10000, 500, 25000, 1_500_000, '', 20],
    ['Offers', 'B', 'W1', '', 10000, 580, 17400, 600_000, '', 45],
  ];

  it('does not scale a conversion winner that lowers revenue per visitor significantly', () => {
    const analysis = analyzeResultsTable(rows, { plans: { Offers: { guardrails: ['revenue per visitor'] } } });
    const b = analysis.cells[1]!;
    expect(b[column('Decision')]).toBe('iterate');
    expect(String(b[column('Reasons')])).toMatch(/B lowers revenue per visitor by 30\.4% \(p < 0\.001\): a guardrail is harmed\..*not scaled/);
    expect(b[column('RPV lift to date')]).toBeCloseTo(17400 / 25000 - 1, 12);
    expect(b[column('Guardrails')]).toBe('B lowers revenue per visitor by 30.4% (p < 0.001): a guardrail is harmed.');
  });

  it('does not scale a winner that raises unsubscribes significantly, read from its count column', () => {
    const analysis = analyzeResultsTable(rows, { countColumns: ['unsubscribes'], plans: { Offers: { guardrails: ['unsubscribe rate'] } } });
    expect(analysis.cells[1]![column('Decision')]).toBe('iterate');
    expect(String(analysis.cells[1]![column('Guardrails')])).toMatch(/^B raises unsubscribe rate by 125\.0% \(p = 0\.00\d\): a guardrail is harmed\.$/);
  });

  it('scales the winner when its guardrails hold, and says which could not be checked', () => {
    const fine = [rows[0]!, ['Offers', 'B', 'W1', '', 10000, 580, 29000, 1_740_000, '', 21]];
    const analysis = analyzeResultsTable(fine, { plans: { Offers: { guardrails: ['revenue per visitor', 'complaints'] } } });
    const b = analysis.cells[1]!;
    expect(b[column('Decision')]).toBe('scale');
    expect(String(b[column('Reasons')])).toContain('It beats control at α = 0.05 and harms no guardrail.');
    expect(String(b[column('Reasons')])).toContain('B\'s complaints was not checked: the Results sheet has no "complaints" column of counts.');
  });

  it('decides on revenue per visitor when it is the primary metric', () => {
    const more = [rows[0]!, ['Offers', 'B', 'W1', '', 10000, 500, 30000, 1_800_000]];
    const analysis = analyzeResultsTable(more, { plans: { Offers: { metric: 'revenue per visitor' } } });
    expect(analysis.runs[0]!.decision.decision).toBe('scale');
    expect(analysis.runs[0]!.decision.reasons[0]).toMatch(/^B shows a lift of \+20\.0%/);
  });

  it('explains why revenue is not tested when the sum of squares is missing', () => {
    const totals = [['Offers', 'control', 'W1', '', 10000, 500, 25000], ['Offers', 'B', 'W1', '', 10000, 580, 17400]];
    const analysis = analyzeResultsTable(totals);
    expect(analysis.cells[1]![column('RPV lift to date')]).toBe('');
    expect(analysis.runs[0]!.decision.reasons.at(-1)).toBe('Revenue: revenue per visitor cannot be tested: the revenue sum of squares is missing, so the spread of revenue between visitors is unknown (a total alone has no variance).');
  });

  it('flags a row whose sum of squares no orders can give', () => {
    const analysis = analyzeResultsTable([['Offers', 'control', 'W1', '', 100, 4, 400, 100]]);
    expect(analysis.statuses[0]!.status).toMatch(/revenue sum of squares \(100\) is below/);
  });
});
