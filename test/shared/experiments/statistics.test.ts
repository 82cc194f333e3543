import { describe, it, expect } from 'vitest';
import { sampleSizePerArm } from '../../../shared/src/experiments/sample-size';
import { twoProportionTest } from '../../../shared/src/experiments/two-proportion';
import { welchTest } from '../../../shared/src/experiments/welch';
import { srmTest } from '../../../shared/src/experiments/srm';
import { holmAdjust } from '../../../shared/src/experiments/holm';
import { normalCdf, normalQuantile } from '../../../shared/src/experiments/normal';
import fc from 'fast-check';
import { expectRelative, reference } from './reference';

const arm = ([visitors, conversions]: [number, number]) => ({ visitors, conversions });

describe('sample size per arm', () => {
  it('matches the reference exactly, relative and absolute MDEs, rates near 0 and 1', () => {
    for (const row of reference.sampleSize) {
      const result = sampleSizePerArm(row);
      expect(result.ok && result.value.perVariant, JSON.stringify(row)).toBe(row.perVariant);
    }
  });
  it('needs more visitors for a smaller effect', () => {
    const small = sampleSizePerArm({ baseline: 0.1, mde: 0.05 });
    const large = sampleSizePerArm({ baseline: 0.1, mde: 0.2 });
    expect(small.ok && large.ok && small.value.perVariant > large.value.perVariant).toBe(true);
  });
  it('refuses a baseline outside (0, 1), a zero MDE and a target rate past 1', () => {
    for (const input of [{ baseline: 0, mde: 0.1 }, { baseline: 1.2, mde: 0.1 }, { baseline: 0.1, mde: 0 }, { baseline: 0.9, mde: 0.2 }, { baseline: 0.1, mde: 0.1, power: 1 }]) {
      const result = sampleSizePerArm(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0].message).toMatch(/between 0 and 1|must not be zero/);
    }
  });
});

describe('two-proportion z-test', () => {
  it('matches the χ² test on the 2×2 table and the reference intervals', () => {
    for (const row of reference.zTest) {
      const result = twoProportionTest(arm(row.control), arm(row.variant), row.alpha);
      expectRelative(result.pValue, row.pValue);
      expectRelative(result.diffLow, row.diffLow, 1e-9);
      expectRelative(result.diffHigh, row.diffHigh, 1e-9);
      expectRelative(result.lift, row.lift, 1e-12);
      expectRelative(result.liftLow, row.liftLow, 1e-9);
      expectRelative(result.liftHigh, row.liftHigh, 1e-9);
    }
  });
  it('gives p = 1 when neither arm converts', () => {
    expect(twoProportionTest({ visitors: 10, conversions: 0 }, { visitors: 12, conversions: 0 }).pValue).toBe(1);
  });
  it('keeps the lift interval around the lift and above −100%', () => {
    const result = twoProportionTest({ visitors: 400, conversions: 4 }, { visitors: 400, conversions: 1 });
    expect(result.liftLow!).toBeGreaterThan(-1);
    expect(result.liftLow!).toBeLessThan(result.lift!);
    expect(result.liftHigh!).toBeGreaterThan(result.lift!);
  });
});

describe('Welch t-test', () => {
  it('matches SciPy on p-values, Welch–Satterthwaite df and the interval', () => {
    for (const row of reference.welch) {
      const [m1, s1, n1] = row.control;
      const [m2, s2, n2] = row.variant;
      const result = welchTest({ mean: m1, sd: s1, n: n1 }, { mean: m2, sd: s2, n: n2 }, row.alpha);
      expectRelative(result.pValue, row.pValue);
      expectRelative(result.df, row.df, 1e-10);
      expectRelative(result.diff, row.diff, 1e-12);
      expectRelative(result.ciLow, row.ciLow, 1e-8);
      expectRelative(result.ciHigh, row.ciHigh, 1e-8);
    }
  });
});

describe('sample ratio mismatch', () => {
  it('matches SciPy χ² goodness of fit against equal and planned splits', () => {
    for (const row of reference.srm) {
      const result = srmTest(row.visitors, row.weights ?? undefined);
      expectRelative(result.pValue, row.pValue);
      expectRelative(result.chiSquare, row.chiSquare, 1e-9);
      expect(result.mismatch).toBe(row.pValue < 0.001);
    }
  });
  it('raises no alarm without traffic', () => {
    expect(srmTest([0, 0]).mismatch).toBe(false);
  });
});

describe('Holm adjustment', () => {
  it('matches the reference step-down values in input order', () => {
    for (const row of reference.holm) expect(holmAdjust(row.pValues)).toEqual(row.adjusted);
  });
});

describe('sample size, by its defining property', () => {
  // The power the formula's own normal approximation gives n visitors per arm.
  const powerAt = (n: number, p1: number, p2: number, alpha: number) => {
    const pBar = (p1 + p2) / 2;
    const zAlpha = normalQuantile(1 - alpha / 2);
    return normalCdf((Math.abs(p2 - p1) * Math.sqrt(n) - zAlpha * Math.sqrt(2 * pBar * (1 - pBar))) / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)));
  };
  it('is the smallest n reaching the requested power', () => {
    const rate = fc.double({ min: 0.005, max: 0.6, noNaN: true });
    const mde = fc.double({ min: 0.02, max: 0.5, noNaN: true });
    const power = fc.double({ min: 0.5, max: 0.95, noNaN: true });
    fc.assert(fc.property(rate, mde, power, (baseline, lift, target) => {
      const result = sampleSizePerArm({ baseline, mde: lift, power: target });
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      const { perVariant, p1, p2 } = result.value;
      expect(powerAt(perVariant, p1, p2, 0.05)).toBeGreaterThanOrEqual(target - 1e-9);
      expect(powerAt(perVariant - 1, p1, p2, 0.05)).toBeLessThan(target + 1e-9);
    }));
  });
});

describe('Holm adjustment, for any p-values', () => {
  it('stays between the raw p-value and 1 and keeps the raw order', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }), (raw) => {
      const adjusted = holmAdjust(raw);
      raw.forEach((p, i) => {
        expect(adjusted[i]).toBeGreaterThanOrEqual(p);
        expect(adjusted[i]).toBeLessThanOrEqual(1);
        raw.forEach((q, j) => {
          if (p < q) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]);
        });
      });
    }));
  });
});
