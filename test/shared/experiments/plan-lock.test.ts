import { describe, expect, it } from 'vitest';
import { comparePlan, describeDeviation, describePlan, freezePlan, planFromRow, planHash, readFrozenPlan, type AnalysisPlan } from '../../../shared/src/experiments/plan-lock';
import { sha256 } from '../../../shared/src/hash/sha256';

const header = ['Experiment', 'Use case', 'Primary metric', 'Guardrail metrics', 'Baseline rate', 'MDE', 'Alpha', 'Power', 'Arms', 'End date', 'Hypothesis'];
const row = ['Subject lines', 'Subject-line generator', 'open rate', 'click rate; unsubscribe rate', 0.045, 0.2, '', '', '', '2026-12-20', 'AI subject lines raise opens.'];

describe('the pre-registered plan', () => {
  it('reads a complete plan from an Experiments row, with defaults for blank α, power and arms', () => {
    const plan = planFromRow(header, row, 9100);
    expect(plan).toEqual({
      gaps: [],
      plan: { experiment: 'Subject lines', hypothesis: 'AI subject lines raise opens.', primaryMetric: 'open rate', guardrailMetrics: ['click rate', 'unsubscribe rate'], arms: 2, alpha: 0.05, power: 0.8, mde: 0.2, plannedPerArm: 9100, plannedStop: '2026-12-20' },
    });
  });

  it('names everything a plan lacks before it can be frozen', () => {
    const plan = planFromRow(header, ['Subject lines', '', '', '', 0.045, 'big', '', '', '', '', ''], null);
    expect(plan.gaps).toEqual(['no hypothesis', 'no primary metric', expect.stringMatching(/MDE/), 'no sample per arm (fill in baseline, MDE and daily traffic)', 'no end date']);
  });

  it('is stamped with the SHA-256 of its canonical JSON, whatever the key order', () => {
    const plan = planFromRow(header, row, 9100).plan;
    const reordered = Object.fromEntries(Object.entries(plan).reverse()) as unknown as AnalysisPlan;
    const frozen = freezePlan(plan, 'maya@example.com', new Date('2026-12-04T10:00:00Z'));
    expect(frozen.hash).toBe(planHash(reordered));
    expect(frozen.hash).toBe(sha256(JSON.stringify(Object.fromEntries(Object.entries(plan).sort(([a], [b]) => (a < b ? -1 : 1))))));
    expect(describePlan(frozen)).toMatch(/^Frozen 2026-12-04 by maya@example\.com \([0-9a-f]{12}\): open rate; guardrails click rate, unsubscribe rate; 2 arms, α 0\.05, power 80%, MDE 20\.0%, 9,100 per arm, stop by 2026-12-20\.$/);
  });

  it('names each later edit as a deviation', () => {
    const frozen = planFromRow(header, row, 9100).plan;
    const edited = planFromRow(header, row.map((cell, i) => (i === 5 ? 0.1 : i === 9 ? '2027-01-31' : cell)), 36000).plan;
    expect(comparePlan(frozen, frozen)).toEqual([]);
    expect(comparePlan(frozen, edited).map(describeDeviation)).toEqual([
      'MDE changed from 20.0% to 10.0% after the plan was frozen.',
      'Sample per arm changed from 9,100 to 36,000 after the plan was frozen.',
      'End date changed from 2026-12-20 to 2027-01-31 after the plan was frozen.',
    ]);
  });

  it('refuses a stored plan whose JSON no longer matches its hash', () => {
    const plan = planFromRow(header, row, 9100).plan;
    const frozen = freezePlan(plan, 'maya@example.com', new Date('2026-12-04T10:00:00Z'));
    const json = JSON.stringify(plan);
    expect(readFrozenPlan(json, frozen.hash, frozen.frozenAt, frozen.frozenBy)).toEqual({ ok: true, value: frozen });
    expect(readFrozenPlan(json.replace('0.2', '0.1'), frozen.hash, '', '')).toEqual({ ok: false, reason: expect.stringMatching(/no longer matches its hash/) });
    expect(readFrozenPlan('{not json', frozen.hash, '', '')).toEqual({ ok: false, reason: expect.stringMatching(/not the JSON/) });
  });
});
