import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { probabilityToBeat, probYGreaterExact, probYGreaterIntegrated } from '../../../shared/src/experiments/prob-beat';
import { reference } from './reference';

const arm = ([visitors, conversions]: [number, number]) => ({ visitors, conversions });

describe('probability to beat control', () => {
  it('matches the closed form and quadrature reference well inside 0.002', () => {
    for (const row of reference.probBeat) {
      const p = probabilityToBeat(arm(row.control), arm(row.variant));
      expect(Math.abs(p - row.probability), JSON.stringify(row)).toBeLessThan(1e-6);
    }
  });
  it('is exactly one half for identical arms', () => {
    expect(probabilityToBeat({ visitors: 500, conversions: 40 }, { visitors: 500, conversions: 40 })).toBeCloseTo(0.5, 12);
  });
  it('agrees with itself when the arms swap: P(B > A) + P(A > B) = 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), fc.nat(), fc.nat(), (n1, n2, s1, s2) => {
        const a = { visitors: n1, conversions: s1 % (n1 + 1) };
        const b = { visitors: n2, conversions: s2 % (n2 + 1) };
        expect(probabilityToBeat(a, b) + probabilityToBeat(b, a)).toBeCloseTo(1, 10);
      }),
    );
  });
  it('gives the same answer from each of the four equivalent sums', () => {
    const x = { a: 13, b: 88 };
    const y = { a: 21, b: 80 };
    const direct = probYGreaterExact(x, y);
    expect(1 - probYGreaterExact(y, x)).toBeCloseTo(direct, 12);
    expect(probYGreaterExact({ a: y.b, b: y.a }, { a: x.b, b: x.a })).toBeCloseTo(direct, 12);
    expect(1 - probYGreaterExact({ a: x.b, b: x.a }, { a: y.b, b: y.a })).toBeCloseTo(direct, 12);
  });
  it('integrates to the exact sum where both apply', () => {
    const x = { a: 30_001, b: 270_001 };
    const y = { a: 30_301, b: 269_701 };
    expect(probYGreaterIntegrated(x, y)).toBeCloseTo(probYGreaterExact(x, y), 9);
  });
});
