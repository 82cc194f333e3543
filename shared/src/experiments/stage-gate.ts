// The use-case lifecycle and its gates. Thresholds, on the 0–100 qualification score:
// - qualifyAt 60: an idea must reach 60 to be qualified (a 4 on impact, feasibility and readiness
//   with risk 3 scores 67.5; all 3s with risk 3 score 50);
// - parkBelow 40: ideas under 40 are parked rather than refined;
// - maxRisk 4: a use case rated risk 5 never passes a gate automatically; it needs a review.
// Later gates need evidence the score cannot give (a design, a planned sample, a decision), so the
// recommendation names that evidence.

export const stages = ['ideate', 'qualified', 'designed', 'running', 'measured', 'decided'] as const;
export type Stage = (typeof stages)[number];

export const stageGateThresholds = { qualifyAt: 60, parkBelow: 40, maxRisk: 4 };
export type StageThresholds = typeof stageGateThresholds;

export interface StageRecommendation {
  stage: Stage;
  reason: string;
}

const nextSteps: Record<Exclude<Stage, 'ideate'>, StageRecommendation> = {
  qualified: { stage: 'designed', reason: 'Design the experiment: control group, primary metric, baseline, MDE and sample size.' },
  designed: { stage: 'running', reason: 'Start the experiment once the sample size and duration are agreed.' },
  running: { stage: 'measured', reason: 'Measure when every arm reaches the planned sample.' },
  measured: { stage: 'decided', reason: 'Decide: scale, iterate or stop, and log the learning.' },
  decided: { stage: 'decided', reason: 'Decided: record the learning in the log.' },
};

/** Reads a stage name case-insensitively; blank means ideate, anything else unknown is null. */
export function parseStage(value: string): Stage | null {
  const text = value.trim().toLowerCase();
  if (text === '') return 'ideate';
  return (stages as readonly string[]).includes(text) ? (text as Stage) : null;
}

/** The recommended next stage for a use case at `stage` with this score and risk. */
export function recommendStage(stage: Stage, score: number, risk: number, thresholds: StageThresholds = stageGateThresholds): StageRecommendation {
  if (stage !== 'ideate' && stage !== 'qualified') return nextSteps[stage];
  if (risk > thresholds.maxRisk) return { stage, reason: `Risk is rated ${risk} of 5: review it with legal and brand before going further.` };
  const scored = `Score ${score.toFixed(1)}`;
  if (score < thresholds.parkBelow) return { stage: 'ideate', reason: `${scored} is under ${thresholds.parkBelow}: park it and favour stronger ideas.` };
  if (score < thresholds.qualifyAt) return { stage: 'ideate', reason: `${scored} is under ${thresholds.qualifyAt}: sharpen the impact, feasibility or data readiness.` };
  if (stage === 'ideate') return { stage: 'qualified', reason: `${scored} reaches ${thresholds.qualifyAt}: qualify it.` };
  return nextSteps.qualified;
}
