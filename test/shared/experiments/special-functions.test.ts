import { describe, it, expect } from 'vitest';
import { betaIncomplete } from '../../../shared/src/experiments/incomplete-beta';
import { gammaP, gammaQ } from '../../../shared/src/experiments/incomplete-gamma';
import { chiSquareSurvival } from '../../../shared/src/experiments/chi-square';
import { normalCdf, normalQuantile, normalSurvival } from '../../../shared/src/experiments/normal';
import { studentCdf, studentQuantile } from '../../../shared/src/experiments/student-t';
import { logGamma } from '../../../shared/src/experiments/log-gamma';
import { expectRelative, reference } from './reference';

describe('normal distribution', () => {
  it('matches SciPy on both tails, down to 1e-300', () => {
    for (const row of reference.normal) {
      expectRelative(normalCdf(row.z), row.cdf, 1e-9);
      expectRelative(normalSurvival(row.z), row.sf, 1e-9);
    }
  });
  it('inverts Φ to machine precision, tails included', () => {
    for (const row of reference.normalQuantile) expectRelative(normalQuantile(row.p), row.z, 1e-9);
  });
  it('is symmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p)', () => {
    for (const p of [0.001, 0.01, 0.2, 0.4]) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 9);
  });
});

describe('special functions', () => {
  it('computes ln Γ exactly at integers', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
  });
  it('matches SciPy on the regularized incomplete beta', () => {
    for (const row of reference.incompleteBeta) expectRelative(betaIncomplete(row.a, row.b, row.x), row.value, 1e-8);
  });
  it('matches SciPy on the regularized incomplete gamma, both tails', () => {
    for (const row of reference.incompleteGamma) {
      expectRelative(gammaP(row.a, row.x), row.p, 1e-9);
      expectRelative(gammaQ(row.a, row.x), row.q, 1e-9);
    }
  });
  it('matches SciPy on χ² tails', () => {
    for (const row of reference.chiSquare) expectRelative(chiSquareSurvival(row.x, row.df), row.sf, 1e-9);
  });
  it('matches SciPy on Student t quantiles, fractional df included', () => {
    for (const row of reference.studentQuantile) expectRelative(studentQuantile(row.p, row.df), row.t, 1e-8);
  });
  it('round-trips the Student t CDF through its quantile', () => {
    for (const df of [1, 3.3, 40]) for (const p of [0.01, 0.3, 0.9]) expect(studentCdf(studentQuantile(p, df), df)).toBeCloseTo(p, 10);
  });
});
