import { describe, it, expect } from 'vitest';
import { compareBrandFit } from '../../../shared/src/experiments/brand-fit';
import { analyzeResultsTable } from '../../../shared/src/experiments/results-table';
import { expectRelative, reference } from './reference';

const arms = (stratum: [number, number, number][]) => stratum.map(([visitors, conversions, brandFit]) => ({ visitors, conversions, brandFit }));

describe('brand fit as a covariate', () => {
  it('matches the reference Mantel–Haenszel odds ratio, its interval and the CMH p-value', () => {
    for (const row of reference.brandFit) {
      const result = compareBrandFit(row.strata.map(arms), row.alpha, row.threshold);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expectRelative(result.oddsRatio, row.oddsRatio, 1e-12);
      expect(Math.abs(result.low - row.low)).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(result.high - row.high)).toBeLessThanOrEqual(1e-6);
      expectRelative(result.pValue, row.pValue);
    }
  });

  it('says when the data are too few to tell', () => {
    expect(compareBrandFit([arms([[1000, 40, 90], [1000, 45, 85]])])).toEqual({ ok: false, strata: 0, text: 'Too few to tell whether on-brand variants convert differently: no experiment has both a variant scoring at least 80 for brand fit and one scoring under it.' });
    expect(compareBrandFit([arms([[100, 4, 90], [100, 6, 50]])]).text).toBe('Too few to tell whether on-brand variants convert differently: on-brand variants have 4 conversions and off-brand ones 6; each side needs at least 10.');
  });

  it('reads the Brand fit column of the Results sheet and compares within each experiment', () => {
    const [first] = reference.brandFit;
    const [[control, variant]] = first.strata;
    const analysis = analyzeResultsTable([
      ['Hero copy', 'control', 'W1', '', control[0], control[1], '', '', control[2]],
      ['Hero copy', 'B', 'W1', '', variant[0], variant[1], '', '', variant[2]],
    ]);
    expect(analysis.brandFit?.ok).toBe(true);
    if (analysis.brandFit?.ok) {
      expectRelative(analysis.brandFit.oddsRatio, first.oddsRatio, 1e-12);
      expect(analysis.brandFit.text).toBe('On-brand variants (brand fit 80 or more) convert better than off-brand ones across 1 experiment (odds ratio 1.18, interval 1.03 to 1.36, p = 0.015). The variants differ in more than brand fit, so read this as an association.');
    }
    expect(analyzeResultsTable([['Hero copy', 'control', 'W1', '', 100, 5]]).brandFit).toBeNull();
    expect(analyzeResultsTable([['Hero copy', 'control', 'W1', '', 100, 5, '', '', 140]]).statuses[0]!.status).toBe('brand fit must be from 0 to 100, got 140');
  });
});
