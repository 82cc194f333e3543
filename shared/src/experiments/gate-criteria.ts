import { stageGateThresholds, stages, type Stage, type StageThresholds } from './stage-gate';

// What each gate asks before a use case may move on: the score for qualification, a design for
// "designed", a complete plan (frozen on the move) for "running", enough evidence for "measured",
// and a recorded decision for "decided". The check names everything still missing, so a refusal
// tells the person what to do rather than only "no".

export interface ExperimentEvidence {
  name: string;
  /** A sample per arm could be computed from baseline, MDE and traffic. */
  designed: boolean;
  /** Why its plan cannot be frozen yet; empty when it can. */
  planGaps: readonly string[];
  frozen: boolean;
  /** Every arm has its planned visitors. */
  reachedSample: boolean;
  /** An always-valid p-value is under α: stopping early is still a valid read. */
  significantAnytime: boolean;
  /** scale, iterate or stop; blank when none is recorded. */
  decision: string;
}

export interface GateEvidence {
  useCase: string;
  stage: Stage;
  score: number | null;
  risk: number | null;
  experiments: readonly ExperimentEvidence[];
}

export interface GateCheck {
  from: Stage;
  to: Stage | null;
  met: boolean;
  /** Everything the gate still needs, as sentences. */
  missing: string[];
}

/** The stage after this one, or null after the last. */
export function nextStage(stage: Stage): Stage | null {
  return stages[stages.indexOf(stage) + 1] ?? null;
}

const named = (list: readonly ExperimentEvidence[]) => list.map((experiment) => experiment.name).join(', ');

/** Whether a use case meets the gate into its next stage, and what it lacks if not. */
export function checkGate(evidence: GateEvidence, thresholds: StageThresholds = stageGateThresholds): GateCheck {
  const to = nextStage(evidence.stage);
  const missing: string[] = [];
  const { experiments, useCase } = evidence;
  const none = `${useCase} has no experiment on the Experiments sheet.`;
  switch (to) {
    case null:
      missing.push(`${useCase} is already decided: log what was learned.`);
      break;
    case 'qualified':
      if (evidence.score === null) missing.push(`${useCase} has no score yet: choose Score use cases.`);
      else if (evidence.score < thresholds.qualifyAt) missing.push(`Its score ${evidence.score.toFixed(1)} is under ${thresholds.qualifyAt}.`);
      if (evidence.risk !== null && evidence.risk > thresholds.maxRisk) missing.push(`Its risk is rated ${evidence.risk} of 5: review it with legal and brand first.`);
      break;
    case 'designed': {
      if (experiments.length === 0) missing.push(none);
      const undesigned = experiments.filter((experiment) => !experiment.designed);
      if (undesigned.length) missing.push(`No sample size for ${named(undesigned)}: fill in baseline rate, MDE and daily traffic.`);
      break;
    }
    case 'running':
      if (experiments.length === 0) missing.push(none);
      for (const experiment of experiments) if (experiment.planGaps.length) missing.push(`The plan of ${experiment.name} is not complete: ${experiment.planGaps.join('; ')}.`);
      break;
    case 'measured': {
      if (experiments.length === 0) missing.push(none);
      const unfrozen = experiments.filter((experiment) => !experiment.frozen);
      if (unfrozen.length) missing.push(`No frozen plan for ${named(unfrozen)}.`);
      const short = experiments.filter((experiment) => experiment.frozen && !experiment.reachedSample && !experiment.significantAnytime);
      if (short.length) missing.push(`${named(short)} has neither reached its planned sample nor an always-valid result: keep it running.`);
      break;
    }
    case 'decided': {
      const open = experiments.filter((experiment) => !['scale', 'iterate', 'stop'].includes(experiment.decision));
      if (open.length) missing.push(`Record a decision (scale, iterate or stop) for ${named(open)} in its Decision cell.`);
      break;
    }
  }
  return { from: evidence.stage, to, met: to !== null && missing.length === 0, missing };
}
