import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { holmAdjust } from '../../../shared/src/experiments/holm';
import { detectability, detectableLift, planArms } from '../../../shared/src/experiments/planning';
import { twoSidedNormalP } from '../../../shared/src/experiments/normal';
import { sampleSizePerArm } from '../../../shared/src/experiments/sample-size';
import { designTable } from '../../../shared/src/experiments/design-table';
import { expectRelative, reference } from './reference';

/** A seeded uniform generator (mulberry32), so the simulation is the same on every run. */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller. */
function normals(seed: number): () => number {
  const u = uniform(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/**
 * Share of simulated 3-arm tests in which Holm, across both variants, rejects variant B, which
 * truly lifts the rate by `lift`; C has no effect. Each arm's observed rate is drawn from its
 * sampling distribution (normal, mean p, variance p(1 − p)/n), and each variant is compared with
 * control by the pooled z-test, as the analysis does.
 */
function holmPower(perArm: number, baseline: number, lift: number, runs: number, seed: number, cLift = 0): number {
  const draw = normals(seed);
  const rates = [baseline, baseline * (1 + lift), baseline * (1 + cLift)];
  let rejected = 0;
  for (let r = 0; r < runs; r++) {
    const observed = rates.map((p) => p + draw() * Math.sqrt((p * (1 - p)) / perArm));
    const pValues = [1, 2].map((i) => {
      const pooled = (observed[0]! + observed[i]!) / 2;
      return twoSidedNormalP((observed[i]! - observed[0]!) / Math.sqrt((pooled * (1 - pooled) * 2) / perArm));
    });
    if (holmAdjust(pValues)[0]! < 0.05) rejected++;
  }
  return rejected / runs;
}

describe('multi-arm plans sized for Holm', () => {
  it('matches the reference sample sizes exactly, with the extra visitors over two arms', () => {
    for (const row of reference.multiArm) {
      const plan = planArms({ baseline: row.baseline, mde: row.mde, arms: row.arms, alpha: row.alpha, power: row.power });
      expect(plan.ok, JSON.stringify(row)).toBe(true);
      if (!plan.ok) continue;
      expect(plan.value.perArm).toBe(row.perArm);
      expect(plan.value.total).toBe(row.total);
      expect(plan.value.extraVisitors).toBe(row.extraVisitors);
      expectRelative(plan.value.alphaPerComparison, row.alphaPerComparison, 1e-15);
    }
  });

  it('says what a third arm costs: the three-arm total less the two-arm total', () => {
    const plan = planArms({ baseline: 0.05, mde: 0.1, arms: 3 });
    expect(plan.ok && plan.value.lastArmCost).toBe(reference.multiArm.find((row: { arms: number; baseline: number }) => row.arms === 3 && row.baseline === 0.05).extraVisitors);
  });

  it('never rejects less than Bonferroni: every p-value Bonferroni rejects, Holm rejects too', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), (pValues) => {
        const adjusted = holmAdjust(pValues);
        pValues.forEach((p, i) => expect(adjusted[i]!).toBeLessThanOrEqual(Math.min(1, p * pValues.length)));
      }),
    );
  });

  it('keeps the planned 80% power under Holm, where sizing at α alone falls short (simulation)', () => {
    const runs = 20_000;
    const holmSized = planArms({ baseline: 0.05, mde: 0.1, arms: 3 });
    const naive = sampleSizePerArm({ baseline: 0.05, mde: 0.1 });
    if (!holmSized.ok || !naive.ok) throw new Error('plans failed');
    // Standard error of a simulated power near 0.8 with 20,000 runs: 0.003.
    const sized = holmPower(holmSized.value.perArm, 0.05, 0.1, runs, 1);
    const unsized = holmPower(naive.value.perVariant, 0.05, 0.1, runs, 2);
    expect(sized).toBeGreaterThanOrEqual(0.79);
    expect(unsized).toBeLessThan(0.75);
    // With no effect anywhere, Holm keeps the family-wise false-positive rate at α.
    const falseAlarms = holmPower(holmSized.value.perArm, 0.05, 0, runs, 3);
    expect(falseAlarms).toBeLessThan(0.05 / 2 + 0.004);
  });

  it('sizes the design sheet for Holm and names each row’s α per comparison and last-arm cost', () => {
    const result = designTable(['Use case', 'Baseline', 'MDE', 'Alpha', 'Power', 'Daily traffic', 'Arms'], [
      ['Two arms', 0.05, 0.1, '', '', 10000, 2],
      ['Three arms', 0.05, 0.1, '', '', 10000, 3],
    ]);
    expect(result.ok && result.value.cells).toEqual([
      [31234, 7, 0.05, 0, 'OK'],
      [37824, 12, 0.025, 51004, 'OK'],
    ]);
  });

  it('refuses fewer than two arms', () => {
    const plan = planArms({ baseline: 0.05, mde: 0.1, arms: 1 });
    expect(plan.ok).toBe(false);
  });
});

describe('detectability', () => {
  it('matches the reference smallest detectable lifts within 1e-6', () => {
    for (const row of reference.detectability) expectRelative(detectableLift(row.baseline, row.perArm, row.alpha, row.power), row.lift, 1e-6);
  });

  it('gives the lifts for 2, 4 and 8 weeks and a rating that caps feasibility', () => {
    const found = detectability(0.05, 10000, 0.1);
    expect(found.lifts.map((entry) => entry.weeks)).toEqual([2, 4, 8]);
    const twoWeeks = reference.detectability.find((row: { weeks: number; baseline: number; alpha: number }) => row.weeks === 2 && row.baseline === 0.05);
    expectRelative(found.lifts[0]!.lift, twoWeeks.lift, 1e-6);
    // +10% on 5% needs 31,234 per arm: 62,468 visitors, 7 weeks of 10,000.
    expect(found.weeksNeeded).toBe(7);
    expect(found.rating).toBe(3);
    expect(found.measurableInQuarter).toBe(true);
    expect(found.text).toBe('Detectable: +18.0% in 2 weeks, +12.6% in 4 weeks, +8.8% in 8 weeks; a +10.0% lift needs 7 weeks.');
  });

  it('says when a use case cannot be measured in a quarter', () => {
    const found = detectability(0.02, 3000, 0.1);
    expect(found.measurableInQuarter).toBe(false);
    expect(found.rating).toBe(1);
    expect(found.text).toMatch(/cannot be measured in a quarter: a \+10\.0% lift needs \d+ weeks, and 13 weeks detect only \+20\.8%\.$/);
  });
});
