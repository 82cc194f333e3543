import { canonicalJson } from '../generate/seed';
import { sha256 } from '../hash/sha256';
import { cellText, readNumberCell } from './cells';
import { findColumns } from './columns';
import { count, percent } from './format';
import { defaultAlpha, defaultPower } from './sample-size';

// Pre-registration: when an experiment starts running, its analysis plan is frozen into a record
// stamped with the SHA-256 of its canonical JSON. The readout is judged against the frozen plan,
// whatever the Experiments sheet says later; a later edit of a plan cell is a deviation, named
// beside the result, never a silent change of the rules the result was judged by.

export interface AnalysisPlan {
  experiment: string;
  hypothesis: string;
  primaryMetric: string;
  guardrailMetrics: string[];
  /** Arms, control included. */
  arms: number;
  alpha: number;
  power: number;
  /** The minimum detectable effect, relative (0.2 = +20%). */
  mde: number;
  plannedPerArm: number;
  /** The planned stop date, ISO yyyy-mm-dd. */
  plannedStop: string;
}

export interface FrozenPlan {
  plan: AnalysisPlan;
  /** SHA-256 of the plan's canonical JSON. */
  hash: string;
  frozenAt: string;
  frozenBy: string;
}

export interface PlanDeviation {
  field: keyof AnalysisPlan;
  label: string;
  frozen: string;
  now: string;
}

const labels: Record<Exclude<keyof AnalysisPlan, 'experiment'>, string> = {
  hypothesis: 'Hypothesis',
  primaryMetric: 'Primary metric',
  guardrailMetrics: 'Guardrail metrics',
  arms: 'Arms',
  alpha: 'Alpha',
  power: 'Power',
  mde: 'MDE',
  plannedPerArm: 'Sample per arm',
  plannedStop: 'End date',
};

/** The plan's canonical JSON: keys sorted, so the same plan always has the same hash. */
export const planJson = (plan: AnalysisPlan): string => canonicalJson(plan);

export const planHash = (plan: AnalysisPlan): string => sha256(planJson(plan));

/** The frozen record of a plan, as of `now`, by `who`. */
export function freezePlan(plan: AnalysisPlan, who: string, now: Date): FrozenPlan {
  return { plan, hash: planHash(plan), frozenAt: now.toISOString(), frozenBy: who };
}

/** How a plan field reads in a message or on the card. */
export function planValueText(field: keyof AnalysisPlan, value: AnalysisPlan[keyof AnalysisPlan]): string {
  if (field === 'mde' || field === 'power') return percent(value as number);
  if (field === 'plannedPerArm') return count(value as number);
  if (field === 'guardrailMetrics') return (value as string[]).join(', ') || 'none';
  return String(value) || 'blank';
}

/** Every plan field that differs now from the frozen plan, in the plan's order. */
export function comparePlan(frozen: AnalysisPlan, current: AnalysisPlan): PlanDeviation[] {
  return (Object.keys(labels) as (keyof typeof labels)[])
    .filter((field) => canonicalJson(frozen[field]) !== canonicalJson(current[field]))
    .map((field) => ({ field, label: labels[field], frozen: planValueText(field, frozen[field]), now: planValueText(field, current[field]) }));
}

/** "MDE changed from 20.0% to 10.0% after the plan was frozen." */
export const describeDeviation = (deviation: PlanDeviation): string => `${deviation.label} changed from ${deviation.frozen} to ${deviation.now} after the plan was frozen.`;

/** One line naming the plan a result was judged against. */
export function describePlan(frozen: FrozenPlan): string {
  const { plan } = frozen;
  const guardrails = plan.guardrailMetrics.length ? `; guardrails ${plan.guardrailMetrics.join(', ')}` : '';
  return `Frozen ${frozen.frozenAt.slice(0, 10)} by ${frozen.frozenBy} (${frozen.hash.slice(0, 12)}): ${plan.primaryMetric}${guardrails}; ${plan.arms} arms, α ${plan.alpha}, power ${percent(plan.power, 0)}, MDE ${percent(plan.mde)}, ${count(plan.plannedPerArm)} per arm, stop by ${plan.plannedStop}.`;
}

/**
 * Reads a frozen record back from its stored JSON and checks its hash, so a plan edited on the
 * Plans sheet itself is caught rather than trusted.
 */
export function readFrozenPlan(json: string, hash: string, frozenAt: string, frozenBy: string): { ok: true; value: FrozenPlan } | { ok: false; reason: string } {
  let plan: AnalysisPlan;
  try {
    plan = JSON.parse(json) as AnalysisPlan;
  } catch {
    return { ok: false, reason: 'its Plan cell is not the JSON the add-on wrote' };
  }
  if (typeof plan !== 'object' || plan === null || typeof plan.experiment !== 'string') return { ok: false, reason: 'its Plan cell is not a plan' };
  if (planHash(plan) !== hash.trim().toLowerCase()) return { ok: false, reason: 'its Plan cell no longer matches its hash: the frozen plan was edited' };
  return { ok: true, value: { plan, hash: hash.trim().toLowerCase(), frozenAt, frozenBy } };
}

const planAliases = {
  experiment: ['experiment'],
  hypothesis: ['hypothesis'],
  primaryMetric: ['primary metric'],
  guardrailMetrics: ['guardrail metrics', 'guardrails'],
  arms: ['arms', 'number of arms'],
  alpha: ['alpha', 'α'],
  power: ['power'],
  mde: ['mde', 'minimum detectable effect'],
  plannedStop: ['end date', 'planned stop'],
};

function isoDate(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  const text = cellText(value);
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : '';
}

/**
 * The plan an Experiments row states now, with its computed sample per arm, and every reason it is
 * not complete enough to freeze (a plan without a hypothesis or a stop date pre-registers nothing).
 * An incomplete plan is still returned, so an edit after freezing can be named whatever it is.
 */
export function planFromRow(header: readonly unknown[], cells: readonly unknown[], plannedPerArm: number | null): { plan: AnalysisPlan; gaps: string[] } {
  const columns = findColumns<keyof typeof planAliases>(header, planAliases, []);
  const at = (key: keyof typeof planAliases) => cells[(columns.ok ? columns.value[key] : undefined) ?? -1];
  const reasons: string[] = [];
  const text = (key: keyof typeof planAliases, name: string) => {
    const value = cellText(at(key));
    if (value === '') reasons.push(`no ${name}`);
    return value;
  };
  const number = (key: keyof typeof planAliases, name: string, fallback?: number) => {
    if (fallback !== undefined && cellText(at(key)) === '') return fallback;
    const read = readNumberCell(at(key), name);
    if (!read.ok) reasons.push(read.reason);
    return read.ok ? read.value : 0;
  };
  const experiment = text('experiment', 'experiment name');
  const hypothesis = text('hypothesis', 'hypothesis');
  const primaryMetric = text('primaryMetric', 'primary metric');
  const guardrailMetrics = cellText(at('guardrailMetrics')).split(/[,;]/).map((metric) => metric.trim()).filter(Boolean);
  const plan: AnalysisPlan = {
    experiment,
    hypothesis,
    primaryMetric,
    guardrailMetrics,
    arms: number('arms', 'arms', 2),
    alpha: number('alpha', 'alpha', defaultAlpha),
    power: number('power', 'power', defaultPower),
    mde: number('mde', 'MDE'),
    plannedPerArm: plannedPerArm ?? 0,
    plannedStop: isoDate(at('plannedStop')),
  };
  if (plannedPerArm === null) reasons.push('no sample per arm (fill in baseline, MDE and daily traffic)');
  if (plan.plannedStop === '') reasons.push('no end date');
  return { plan, gaps: reasons };
}
