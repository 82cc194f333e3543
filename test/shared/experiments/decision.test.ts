import { describe, it, expect } from 'vitest';
import { decide, type VariantEvidence } from '../../../shared/src/experiments/decision';
import { checkPeeking } from '../../../shared/src/experiments/peeking';

const variant = (overrides: Partial<VariantEvidence>): VariantEvidence => ({
  arm: 'B', lift: 0.02, ciLow: -0.05, ciHigh: 0.09, pValueAdjusted: 0.4, probabilityToBeatControl: 0.7, ...overrides,
});
const reached = checkPeeking([20000, 20000], 15000);
const early = checkPeeking([5000, 5200], 15000);

describe('peeking', () => {
  it('warns while the smallest arm is short of the planned sample', () => {
    expect(early).toMatchObject({ peeking: true, message: expect.stringContaining('33%') });
    expect(reached.peeking).toBe(false);
  });
});

describe('decision rule', () => {
  it('scales a significant winner once the sample is reached, naming the evidence', () => {
    const decision = decide({ variants: [variant({ lift: 0.12, ciLow: 0.04, ciHigh: 0.2, pValueAdjusted: 0.003, probabilityToBeatControl: 0.998 })], srmMismatch: false, peeking: reached });
    expect(decision).toMatchObject({ decision: 'scale', variant: 'B' });
    expect(decision.reasons.join(' ')).toContain('+12.0%');
  });
  it('keeps running when the win was seen before the planned sample', () => {
    const decision = decide({ variants: [variant({ lift: 0.12, pValueAdjusted: 0.01 })], srmMismatch: false, peeking: early });
    expect(decision.decision).toBe('keep-running');
    expect(decision.reasons.join(' ')).toContain('false alarm');
  });
  it('puts a sample ratio mismatch before everything else', () => {
    expect(decide({ variants: [variant({ lift: 0.3, pValueAdjusted: 0.0001 })], srmMismatch: true }).decision).toBe('iterate');
  });
  it('stops when every variant is significantly worse', () => {
    expect(decide({ variants: [variant({ lift: -0.1, ciHigh: -0.03, pValueAdjusted: 0.01 })], srmMismatch: false, peeking: early }).decision).toBe('stop');
  });
  it('stops when the interval rules out the lift worth having', () => {
    expect(decide({ variants: [variant({ ciHigh: 0.03 })], srmMismatch: false, mde: 0.05, peeking: reached }).decision).toBe('stop');
  });
  it('iterates when the result is inconclusive at the planned sample', () => {
    expect(decide({ variants: [variant({})], srmMismatch: false, mde: 0.05, peeking: reached }).decision).toBe('iterate');
  });
  it('uses the α it is given', () => {
    const evidence = [variant({ lift: 0.1, pValueAdjusted: 0.03 })];
    expect(decide({ variants: evidence, srmMismatch: false, alpha: 0.05 }).decision).toBe('scale');
    expect(decide({ variants: evidence, srmMismatch: false, alpha: 0.01 }).decision).toBe('iterate');
  });
});
