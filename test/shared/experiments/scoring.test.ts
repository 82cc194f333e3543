import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { defaultWeights, normalizeWeights, parseWeights, qualificationScore, rankDescending, riceScore, weightsFromCells } from '../../../shared/src/experiments/scoring';
import { recommendStage, parseStage } from '../../../shared/src/experiments/stage-gate';
import { durationDays } from '../../../shared/src/experiments/duration';

describe('qualification score', () => {
  it('spans 0 for the worst use case to 100 for the best', () => {
    expect(qualificationScore({ impact: 1, feasibility: 1, readiness: 1, risk: 5 })).toBe(0);
    expect(qualificationScore({ impact: 5, feasibility: 5, readiness: 5, risk: 1 })).toBe(100);
  });
  it('weighs impact 0.4, feasibility 0.25, readiness 0.2 and risk 0.15 by default', () => {
    // 100 × (0.4·3 + 0.25·2 + 0.2·1 + 0.15·2) / 4 = 55
    expect(qualificationScore({ impact: 4, feasibility: 3, readiness: 2, risk: 3 })).toBeCloseTo(55, 12);
  });
  it('stays within 0–100 for any inputs and weights', () => {
    const level = fc.double({ min: 1, max: 5, noNaN: true });
    const weight = fc.double({ min: 0, max: 10, noNaN: true });
    fc.assert(fc.property(level, level, level, level, weight, weight, weight, weight, (impact, feasibility, readiness, risk, wi, wf, wd, wr) => {
      const weights = normalizeWeights({ impact: wi, feasibility: wf, readiness: wd, risk: wr });
      fc.pre(weights.ok);
      const score = qualificationScore({ impact, feasibility, readiness, risk }, weights.ok ? weights.value : defaultWeights);
      expect(score).toBeGreaterThanOrEqual(-1e-9);
      expect(score).toBeLessThanOrEqual(100 + 1e-9);
    }));
  });
});

describe('weights', () => {
  it('reads name=value pairs and keeps defaults for names not given', () => {
    const parsed = parseWeights('impact=0.4, feasibility=0.25,readiness=0.2,risk=0.15');
    expect(parsed.ok && parsed.value.impact).toBeCloseTo(0.4, 12);
  });
  it('rescales weights given as percentages', () => {
    const parsed = parseWeights('impact=40,feasibility=25,readiness=20,risk=15');
    expect(parsed.ok && parsed.value.risk).toBeCloseTo(0.15, 12);
  });
  it('names unknown, malformed and negative weights', () => {
    expect(parseWeights('speed=1')).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining('unknown weight "speed"') }] });
    expect(parseWeights('impact=lots')).toMatchObject({ ok: false, issues: [{ path: 'weights.impact' }] });
    expect(parseWeights('impact=-1')).toMatchObject({ ok: false, issues: [{ path: 'weights.impact' }] });
    expect(parseWeights('impact=0,feasibility=0,readiness=0,risk=0')).toMatchObject({ ok: false, issues: [{ path: 'weights' }] });
  });
});

describe('RICE and ranking', () => {
  it('computes reach × impact × confidence / effort', () => {
    expect(riceScore(1000, 2, 0.8, 4)).toBe(400);
  });
  it('ranks by descending score and keeps input order among ties', () => {
    expect(rankDescending([50, 80, 50, 90, 80])).toEqual([4, 2, 5, 1, 3]);
  });
});

describe('stage gate', () => {
  it('qualifies an idea from 60 and parks it under 40', () => {
    expect(recommendStage('ideate', 60, 2).stage).toBe('qualified');
    expect(recommendStage('ideate', 59.9, 2)).toMatchObject({ stage: 'ideate', reason: expect.stringContaining('sharpen') });
    expect(recommendStage('ideate', 39, 2).reason).toContain('park');
  });
  it('holds a risk-5 use case for review whatever its score', () => {
    expect(recommendStage('ideate', 95, 5)).toMatchObject({ stage: 'ideate', reason: expect.stringContaining('review') });
  });
  it('walks the later stages in order', () => {
    expect(recommendStage('qualified', 70, 2).stage).toBe('designed');
    expect(recommendStage('designed', 70, 2).stage).toBe('running');
    expect(recommendStage('running', 70, 2).stage).toBe('measured');
    expect(recommendStage('measured', 70, 2).stage).toBe('decided');
  });
  it('reads stage names in any case and treats a blank as ideate', () => {
    expect(parseStage(' Running ')).toBe('running');
    expect(parseStage('')).toBe('ideate');
    expect(parseStage('launched')).toBeNull();
  });
});

describe('duration', () => {
  it('rounds the days up and needs traffic', () => {
    expect(durationDays(14751, 2, 1000)).toBe(30);
    expect(durationDays(100, 2, 0)).toBe(Infinity);
  });
});

describe('weights from Settings cells', () => {
  it('keeps defaults for blank cells, reads numbers typed as text and rescales', () => {
    const parsed = weightsFromCells({ impact: '', feasibility: '50', readiness: 0.2, risk: null });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.feasibility).toBeCloseTo(50 / 50.75, 12);
  });
  it('names a weight typed as words', () => {
    expect(weightsFromCells({ risk: 'high' })).toEqual({ ok: false, issues: [{ path: 'weights.risk', message: 'the risk weight is text ("high"), not a number' }] });
  });
});
