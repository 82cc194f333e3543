import { describe, it, expect } from 'vitest';
import { liftCells, overCells, pValueCells, probBeatCells, sampleSizeCells, scoreCells } from '../../../shared/src/experiments/custom-functions';
import { probabilityToBeat } from '../../../shared/src/experiments/prob-beat';
import { twoProportionTest } from '../../../shared/src/experiments/two-proportion';

describe('custom functions', () => {
  it('answer single cells with single values', () => {
    expect(sampleSizeCells(0.1, 0.1)).toBe(14751);
    expect(sampleSizeCells(0.1, 0.1, '', '')).toBe(14751);
    expect(pValueCells(1000, 100, 1000, 120)).toBe(twoProportionTest({ visitors: 1000, conversions: 100 }, { visitors: 1000, conversions: 120 }).pValue);
    expect(liftCells(1000, 100, 1000, 120)).toBeCloseTo(0.2, 12);
    expect(probBeatCells(1000, 100, 1000, 120)).toBe(probabilityToBeat({ visitors: 1000, conversions: 100 }, { visitors: 1000, conversions: 120 }));
    expect(scoreCells(5, 5, 1, 5)).toBe(100);
  });
  it('work element-wise over ranges, repeating single cells', () => {
    expect(scoreCells([[5], [1]], [[5], [1]], 1, [[5], [1]])).toEqual([[100], [15]]);
    expect(sampleSizeCells([[0.1, 0.05]], 0.1)).toEqual([[14751, 31234]]);
  });
  it('answer a bad cell with its reason and keep the rest of the range', () => {
    expect(pValueCells([[100], [100]], [[120], [5]], 100, 5)).toEqual([['Error: conversions A (120) exceed visitors A (100)'], [1]]);
    expect(scoreCells('high', 3, 3, 3)).toBe('Error: impact is text ("high"), not a number');
    expect(sampleSizeCells(1.5, 0.1)).toBe('Error: the baseline rate must be between 0 and 1 (exclusive), got 1.5');
    expect(liftCells(100, 0, 100, 5)).toBe('Error: A has no conversions, so a relative lift is undefined');
    expect(probBeatCells(0, 0, 100, 5)).toBe('Error: arm A has no visitors');
  });
  it('refuse ranges of different sizes', () => {
    expect(overCells([[[1], [2]], [[1]]], () => 0)).toBe('Error: the ranges must all be the same size');
  });
});

describe('multi-arm and detectability custom functions', () => {
  it('sizes ONBRAND_SAMPLE_SIZE for Holm with three arms, and gives ONBRAND_DETECTABLE_LIFT from the reference', async () => {
    const { sampleSizeCells, detectableLiftCells } = await import('../../../shared/src/experiments/custom-functions');
    const { reference } = await import('./reference');
    expect(sampleSizeCells(0.05, 0.1, '', '', 3)).toBe(37824);
    expect(sampleSizeCells(0.05, 0.1)).toBe(31234);
    expect(sampleSizeCells(0.05, 0.1, '', '', 1)).toMatch(/^Error: the number of arms must be at least 2/);
    const row = reference.detectability[0];
    expect(Math.abs((detectableLiftCells(row.baseline, row.perArm) as number) - row.lift) / row.lift).toBeLessThan(1e-6);
    expect(detectableLiftCells(0.001, 1)).toMatch(/^Error: 1 visitors per arm cannot detect any lift/);
  });
});
