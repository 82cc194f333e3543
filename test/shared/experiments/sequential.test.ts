import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { confidenceSequence, sequentialOverLooks } from '../../../shared/src/experiments/sequential';
import { twoProportionTest } from '../../../shared/src/experiments/two-proportion';
import { seededRandom } from '../../../shared/src/generate/seed';
import { expectRelative } from './reference';

// Written by scripts/reference/sequential-reference.py: the mixture boundary found by quadrature.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const sequential: any[] = JSON.parse(readFileSync(new URL('../../fixtures/stats/sequential.json', import.meta.url), 'utf8')).sequential;

const arm = ([visitors, conversions]: [number, number]) => ({ visitors, conversions });

describe('always-valid intervals for a difference in conversion rates', () => {
  it('match the reference computed from the mixture martingale (1e-6)', () => {
    expect(sequential.length).toBeGreaterThan(5);
    for (const row of sequential) {
      const result = confidenceSequence(arm(row.control), arm(row.variant), row.alpha, row.plannedTotal)!;
      expect(Math.abs(result.low - row.low), JSON.stringify(row)).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(result.high - row.high), JSON.stringify(row)).toBeLessThanOrEqual(1e-6);
      expectRelative(result.pValue, row.pValue, 1e-6);
    }
  });

  it('are wider than the fixed-horizon interval and exclude zero exactly when p < α', () => {
    for (const row of sequential) {
      const result = confidenceSequence(arm(row.control), arm(row.variant), row.alpha, row.plannedTotal)!;
      const fixed = twoProportionTest(arm(row.control), arm(row.variant), row.alpha);
      expect(result.high - result.low).toBeGreaterThan(fixed.diffHigh - fixed.diffLow);
      expect(result.low > 0 || result.high < 0).toBe(result.pValue < row.alpha);
    }
  });

  it('say nothing for an empty arm or an arm without variation', () => {
    expect(confidenceSequence(arm([0, 0]), arm([100, 5]), 0.05, 1000)).toBeNull();
    expect(confidenceSequence(arm([100, 0]), arm([100, 0]), 0.05, 1000)).toBeNull();
  });

  it('only narrow over looks, and their p-value only falls', () => {
    const looks = [1, 2, 3, 4].map((k) => ({ control: arm([2000 * k, 100 * k]), variant: arm([2000 * k, 112 * k]) }));
    const results = sequentialOverLooks(looks, 0.05, 16000);
    for (let i = 1; i < results.length; i++) {
      expect(results[i]!.low).toBeGreaterThanOrEqual(results[i - 1]!.low);
      expect(results[i]!.high).toBeLessThanOrEqual(results[i - 1]!.high);
      expect(results[i]!.pValue).toBeLessThanOrEqual(results[i - 1]!.pValue);
    }
  });
});

// A/A experiments read 10 times as the data come in: the fixed-horizon z-test, read at every look,
// calls far more than α of them significant; the always-valid p-value stays at or under α.
describe('false positives under repeated looks (seeded simulation)', () => {
  const simulations = 3000;
  const looks = 10;
  const perLook = 500;
  const rate = 0.1;
  const alpha = 0.05;
  const random = seededRandom('5eed0015').next;
  let naive = 0;
  let sequentialHits = 0;
  for (let s = 0; s < simulations; s++) {
    const control = { visitors: 0, conversions: 0 };
    const variant = { visitors: 0, conversions: 0 };
    let naiveFired = false;
    let sequentialFired = false;
    for (let look = 0; look < looks; look++) {
      for (let i = 0; i < perLook; i++) {
        if (random() < rate) control.conversions++;
        if (random() < rate) variant.conversions++;
      }
      control.visitors += perLook;
      variant.visitors += perLook;
      if (twoProportionTest(control, variant, alpha).pValue < alpha) naiveFired = true;
      const always = confidenceSequence(control, variant, alpha, 2 * perLook * looks);
      if (always && always.pValue < alpha) sequentialFired = true;
    }
    if (naiveFired) naive++;
    if (sequentialFired) sequentialHits++;
  }
  // Three Monte-Carlo standard errors of a rate of α over this many simulations.
  const margin = 3 * Math.sqrt((alpha * (1 - alpha)) / simulations);
  const naiveRate = naive / simulations;
  const sequentialRate = sequentialHits / simulations;

  it('keeps the always-valid false-positive rate at or under α', () => {
    expect(sequentialRate, `sequential ${sequentialRate}`).toBeLessThanOrEqual(alpha + margin);
  });

  it('shows the naive test past α under the same looks', () => {
    expect(naiveRate, `naive ${naiveRate}`).toBeGreaterThan(alpha + margin);
    console.info(`A/A, ${looks} looks, ${simulations} runs: naive ${naiveRate.toFixed(4)}, always-valid ${sequentialRate.toFixed(4)} (α ${alpha}, margin ${margin.toFixed(4)})`);
  });
});
