import { describe, expect, it } from 'vitest';
import { openTracker } from './harness';

describe('the stats card with revenue and guardrails', () => {
  it('shows revenue per visitor, a harmed guardrail and the decision that follows', () => {
    const t = openTracker({
      Experiments: [['Experiment', 'Primary metric', 'Guardrail metrics'], ['Offers', 'conversion rate', 'revenue per visitor, unsubscribe rate']],
      Results: [
        ['Experiment', 'Arm', 'Period', 'Segment', 'Visitors', 'Conversions', 'Revenue', 'Revenue sum of squares', 'Brand fit', 'Unsubscribes'],
        ['Offers', 'control', 'W1', 'all', 10000, 500, 25000, 1500000, 60, 20],
        ['Offers', 'B', 'W1', 'all', 10000, 580, 17400, 600000, 90, 22],
      ],
    });
    t.call('setupTracker');
    t.call('analyzeExperiments');
    const results = t.records('Results');
    expect(results.map((row) => row.Status)).toEqual(['OK', 'OK']);
    expect(results[1]).toMatchObject({ Decision: 'iterate', Guardrails: expect.stringContaining('B lowers revenue per visitor by 30.4%') });
    expect(String(results[1]!.Guardrails)).toContain("B's unsubscribe rate is not significantly higher (+10.0%");
    // Run again over its own computed columns: a guardrail named like a computed column is not read as counts.
    t.call('analyzeExperiments');
    expect(t.records('Results').map((row) => row.Status)).toEqual(['OK', 'OK']);
    const stats = t.call('getStatsCard', { experiment: 'Offers' });
    expect(stats.hint).toBe('');
    const card = stats.card;
    expect(card.decision).toBe('iterate');
    expect(card.revenue.variants[0]).toMatchObject({ arm: 'B', control: 2.5, variant: 1.74 });
    expect(card.guardrails.map((g: { status: string }) => g.status)).toEqual(['harmed', 'ok']);
    expect(card.brandFit).toMatch(/^On-brand variants \(brand fit 80 or more\) convert better/);
  });
});
