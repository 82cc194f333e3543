import { describe, expect, it } from 'vitest';
import { checkGate, type ExperimentEvidence, type GateEvidence } from '../../../shared/src/experiments/gate-criteria';
import { experimentTemplates, findTemplate } from '../../../shared/src/experiments/templates';

const experiment: ExperimentEvidence = { name: 'Subject lines', designed: true, planGaps: [], frozen: true, reachedSample: false, significantAnytime: false, decision: '' };
const base: GateEvidence = { useCase: 'Subject-line generator', stage: 'ideate', score: 81.3, risk: 2, experiments: [experiment] };

describe('stage gate criteria', () => {
  it('qualifies on the score and refuses a low score or a high risk with the reason', () => {
    expect(checkGate(base)).toEqual({ from: 'ideate', to: 'qualified', met: true, missing: [] });
    expect(checkGate({ ...base, score: 55, risk: 5 }).missing).toEqual(['Its score 55.0 is under 60.', 'Its risk is rated 5 of 5: review it with legal and brand first.']);
    expect(checkGate({ ...base, score: null }).missing).toEqual(['Subject-line generator has no score yet: choose Score use cases.']);
  });

  it('needs a design, then a complete plan, then evidence, then a decision', () => {
    expect(checkGate({ ...base, stage: 'qualified', experiments: [] }).missing).toEqual(['Subject-line generator has no experiment on the Experiments sheet.']);
    expect(checkGate({ ...base, stage: 'qualified', experiments: [{ ...experiment, designed: false }] }).missing[0]).toMatch(/^No sample size for Subject lines/);
    expect(checkGate({ ...base, stage: 'designed', experiments: [{ ...experiment, planGaps: ['no hypothesis'] }] }).missing).toEqual(['The plan of Subject lines is not complete: no hypothesis.']);
    expect(checkGate({ ...base, stage: 'running' }).missing).toEqual(['Subject lines has neither reached its planned sample nor an always-valid result: keep it running.']);
    expect(checkGate({ ...base, stage: 'running', experiments: [{ ...experiment, significantAnytime: true }] }).met).toBe(true);
    expect(checkGate({ ...base, stage: 'running', experiments: [{ ...experiment, frozen: false, reachedSample: true }] }).missing).toEqual(['No frozen plan for Subject lines.']);
    expect(checkGate({ ...base, stage: 'measured' }).missing[0]).toMatch(/^Record a decision/);
    expect(checkGate({ ...base, stage: 'measured', experiments: [{ ...experiment, decision: 'scale' }] })).toEqual({ from: 'measured', to: 'decided', met: true, missing: [] });
    expect(checkGate({ ...base, stage: 'decided' })).toMatchObject({ to: null, met: false });
  });
});

describe('experiment templates', () => {
  it('pre-fill a hypothesis, a primary metric and guardrails for the common AI use cases', () => {
    expect(experimentTemplates.map((template) => template.id)).toEqual(['subject-lines', 'send-time', 'personalised-offers']);
    for (const template of experimentTemplates) {
      expect(template.hypothesis.length).toBeGreaterThan(30);
      expect(template.guardrailMetrics.length).toBeGreaterThan(0);
      expect(template.guardrailMetrics).not.toContain(template.primaryMetric);
    }
    expect(findTemplate('send-time')?.primaryMetric).toBe('click rate');
    expect(findTemplate('nope')).toBeNull();
  });
});
