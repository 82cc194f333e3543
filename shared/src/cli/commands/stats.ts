import { parseArgs } from 'node:util';
import { describeIssues, type Issue } from '../../issues';
import { analyzeAb, analyzeRevenue, checkArm, checkCount, checkOpenUnit, defaultAlpha, defaultPower, detectability, planArms, welchTest, type Arm, type MeanSummary, type RevenueArm } from '../../experiments';
import { UsageError, type CliIo, type Command } from '../command';

// `onbrand stats`: the experiment calculators, printing JSON. Defaults: α = 0.05 two-sided,
// power 0.8, SRM alarm at p < 0.001. In `ab`, lift/ciLow/ciHigh are the relative lift of the
// variant's rate over control's and its log-ratio (Katz) interval; pValueAdjusted is Holm's
// across the variants; srm tests an equal split across every arm, control included.

const usage = [
  'onbrand stats sample-size --baseline P --mde M [--absolute] [--arms 2] [--alpha 0.05] [--power 0.8]',
  '       onbrand stats revenue --control VISITORS,CONVERSIONS,REVENUE,SQUARES --variant … [--variant …] [--alpha 0.05]',
  '       onbrand stats detect --baseline P --weekly-traffic N [--lift 0.1] [--alpha 0.05] [--power 0.8]',
  '       onbrand stats ab --control VISITORS:CONVERSIONS --variant VISITORS:CONVERSIONS [--variant …] [--alpha 0.05]',
  '       onbrand stats ttest --control MEAN,SD,N --variant MEAN,SD,N [--alpha 0.05]',
  'Rates may be written as 0.05 or 5%. Write a value that starts with a minus sign as --mde=-0.1.',
].join('\n');

type Options = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

function parseFlags(argv: string[], options: Options): Record<string, unknown> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: ${usage}`);
  }
}

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/;

/** A number from a flag; "5%" reads as 0.05. NaN when it is not a number. */
function toNumber(text: string): number {
  const trimmed = text.trim();
  if (!numberPattern.test(trimmed)) return NaN;
  return trimmed.endsWith('%') ? Number(trimmed.slice(0, -1)) / 100 : Number(trimmed);
}

function fail(issues: Issue[]): never {
  throw new UsageError(describeIssues(issues));
}

function requireFlag(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required\nUsage: ${usage}`);
  return value;
}

/** The fields holding a number that is not finite, which JSON would print as null. */
function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path || 'result'];
  if (Array.isArray(value)) return value.flatMap((item, i) => nonFinite(item, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => nonFinite(item, path ? `${path}.${key}` : key));
  return [];
}

function print(io: CliIo, value: unknown): number {
  // A number the inputs push beyond double precision is refused, never printed as null.
  const lost = nonFinite(value);
  if (lost.length > 0) throw new UsageError(`these inputs are beyond what can be computed in double precision (${lost.join(', ')} would not be a finite number); use values of a smaller magnitude`);
  io.stdout(JSON.stringify(value, null, 2) + '\n');
  return 0;
}

function alphaFrom(values: Record<string, unknown>): number {
  const alpha = typeof values.alpha === 'string' ? toNumber(values.alpha) : defaultAlpha;
  const issues = checkOpenUnit('--alpha', alpha, 'alpha');
  if (issues.length > 0) fail(issues);
  return alpha;
}

function sampleSize(argv: string[], io: CliIo): number {
  const values = parseFlags(argv, { baseline: { type: 'string' }, mde: { type: 'string' }, absolute: { type: 'boolean' }, arms: { type: 'string' }, alpha: { type: 'string' }, power: { type: 'string' } });
  const baseline = toNumber(requireFlag(values, 'baseline'));
  const mde = toNumber(requireFlag(values, 'mde'));
  const absolute = values.absolute === true;
  const power = typeof values.power === 'string' ? toNumber(values.power) : defaultPower;
  const arms = typeof values.arms === 'string' ? toNumber(values.arms) : 2;
  // Three or more arms are sized for the Holm correction the analysis applies: α/(arms − 1) each.
  const result = planArms({ baseline, mde, absolute, alpha: alphaFrom(values), power, arms });
  if (!result.ok) fail(result.issues.map((issue) => ({ ...issue, path: `--${issue.path}` })));
  const plan = result.value;
  const p2 = absolute ? baseline + mde : baseline * (1 + mde);
  return print(io, {
    perVariant: plan.perArm, total: plan.total, arms, p1: baseline, p2, alpha: plan.alpha, alphaPerComparison: plan.alphaPerComparison, power, mde, mdeType: absolute ? 'absolute' : 'relative', twoSided: true,
    twoArmTotal: plan.twoArmTotal, extraVisitors: plan.extraVisitors, lastArmCost: plan.lastArmCost,
  });
}

/** Reads VISITORS:CONVERSIONS, naming the flag in every problem. */
function parseArm(text: string, path: string): Arm {
  const parts = text.split(':');
  if (parts.length !== 2) fail([{ path, message: `"${text}" is not VISITORS:CONVERSIONS` }]);
  // A count past 2^53 is rounded as it is read, so it is refused as written.
  parts.forEach((part, i) => {
    if (/^\s*\d+\s*$/.test(part) && !Number.isSafeInteger(Number(part))) {
      const what = i === 0 ? 'visitors' : 'conversions';
      fail([{ path: `${path}.${what}`, message: `${what} must be at most ${Number.MAX_SAFE_INTEGER} to be counted exactly, got ${part.trim()}` }]);
    }
  });
  const [visitors, conversions] = parts.map(toNumber);
  const issues = checkArm(path, visitors, conversions);
  if (issues.length > 0) fail(issues);
  return { visitors, conversions };
}

function ab(argv: string[], io: CliIo): number {
  const values = parseFlags(argv, { control: { type: 'string' }, variant: { type: 'string', multiple: true }, alpha: { type: 'string' } });
  const control = parseArm(requireFlag(values, 'control'), '--control');
  const variantTexts = (values.variant as string[] | undefined) ?? [];
  if (variantTexts.length === 0) throw new UsageError(`at least one --variant is required\nUsage: ${usage}`);
  const variants = variantTexts.map((text, i) => parseArm(text, variantTexts.length > 1 ? `--variant #${i + 1}` : '--variant'));
  const alpha = alphaFrom(values);
  const result = analyzeAb(control, variants, alpha);
  return print(io, {
    alpha,
    control: result.control,
    variants: result.variants.map((v) => ({
      visitors: v.visitors, conversions: v.conversions, rate: v.rate, lift: v.lift, ciLow: v.ciLow, ciHigh: v.ciHigh,
      diff: v.diff, diffLow: v.diffLow, diffHigh: v.diffHigh,
      pValue: v.pValue, pValueAdjusted: v.pValueAdjusted, probabilityToBeatControl: v.probabilityToBeatControl, significant: v.significant,
    })),
    srm: { pValue: result.srm.pValue, mismatch: result.srm.mismatch },
  });
}

/** Reads MEAN,SD,N: any mean, SD ≥ 0, N a whole number of at least 2. */
function parseMeans(text: string, path: string): MeanSummary {
  const parts = text.split(',');
  if (parts.length !== 3) fail([{ path, message: `"${text}" is not MEAN,SD,N` }]);
  const [mean, sd, n] = parts.map(toNumber);
  const issues: Issue[] = [];
  if (!Number.isFinite(mean)) issues.push({ path: `${path}.mean`, message: `the mean must be a number, got "${parts[0]}"` });
  if (!Number.isFinite(sd)) issues.push({ path: `${path}.sd`, message: `the standard deviation must be a number, got "${parts[1]}"` });
  else if (sd < 0) issues.push({ path: `${path}.sd`, message: `the standard deviation cannot be negative, got ${sd}` });
  issues.push(...checkCount(`${path}.n`, n, 'the sample size', 2));
  if (issues.length > 0) fail(issues);
  return { mean, sd, n };
}

function ttest(argv: string[], io: CliIo): number {
  const values = parseFlags(argv, { control: { type: 'string' }, variant: { type: 'string' }, alpha: { type: 'string' } });
  const control = parseMeans(requireFlag(values, 'control'), '--control');
  const variant = parseMeans(requireFlag(values, 'variant'), '--variant');
  const alpha = alphaFrom(values);
  const result = welchTest(control, variant, alpha);
  return print(io, { pValue: result.pValue, df: result.df, diff: result.diff, ciLow: result.ciLow, ciHigh: result.ciHigh, t: result.t, alpha });
}

/** Reads VISITORS,CONVERSIONS,REVENUE,SQUARES: an arm's revenue sums. */
function parseRevenueArm(text: string, path: string): RevenueArm {
  const parts = text.split(',');
  if (parts.length !== 4) fail([{ path, message: `"${text}" is not VISITORS,CONVERSIONS,REVENUE,SQUARES` }]);
  const [visitors, conversions, revenue, squares] = parts.map(toNumber) as [number, number, number, number];
  const issues = checkArm(path, visitors, conversions);
  if (!(Number.isFinite(revenue) && revenue >= 0)) issues.push({ path: `${path}.revenue`, message: `revenue must be a number of at least 0, got "${parts[2]}"` });
  if (!(Number.isFinite(squares) && squares >= 0)) issues.push({ path: `${path}.squares`, message: `the revenue sum of squares must be a number of at least 0, got "${parts[3]}"` });
  if (issues.length > 0) fail(issues);
  return { visitors, conversions, revenue, revenueSquares: squares };
}

function revenue(argv: string[], io: CliIo): number {
  const values = parseFlags(argv, { control: { type: 'string' }, variant: { type: 'string', multiple: true }, alpha: { type: 'string' } });
  const control = parseRevenueArm(requireFlag(values, 'control'), '--control');
  const texts = (values.variant as string[] | undefined) ?? [];
  if (texts.length === 0) throw new UsageError(`at least one --variant is required\nUsage: ${usage}`);
  const variants = texts.map((text, i) => parseRevenueArm(text, texts.length > 1 ? `--variant #${i + 1}` : '--variant'));
  const alpha = alphaFrom(values);
  const result = Object.fromEntries((['revenue per visitor', 'average order value'] as const).map((metric) => {
    const analysis = analyzeRevenue(metric, control, variants, alpha);
    return [metric === 'revenue per visitor' ? 'revenuePerVisitor' : 'averageOrderValue', analysis.ok ? analysis.variants : { untestable: analysis.reason }];
  }));
  return print(io, { alpha, ...result });
}

function detect(argv: string[], io: CliIo): number {
  const values = parseFlags(argv, { baseline: { type: 'string' }, 'weekly-traffic': { type: 'string' }, lift: { type: 'string' }, alpha: { type: 'string' }, power: { type: 'string' } });
  const baseline = toNumber(requireFlag(values, 'baseline'));
  const traffic = toNumber(requireFlag(values, 'weekly-traffic'));
  const lift = typeof values.lift === 'string' ? toNumber(values.lift) : 0.1;
  const power = typeof values.power === 'string' ? toNumber(values.power) : defaultPower;
  const alpha = alphaFrom(values);
  const issues = [...checkOpenUnit('--baseline', baseline, 'the baseline rate'), ...checkOpenUnit('--power', power, 'power')];
  if (!(traffic > 0)) issues.push({ path: '--weekly-traffic', message: `weekly traffic must be above 0, got ${values['weekly-traffic']}` });
  if (!(lift > 0)) issues.push({ path: '--lift', message: `the lift must be above 0, got ${values.lift}` });
  if (issues.length > 0) fail(issues);
  const found = detectability(baseline, traffic, lift, alpha, power);
  return print(io, { baseline, weeklyTraffic: traffic, alpha, power, lifts: found.lifts, quarterLift: found.quarterLift, targetLift: lift, weeksNeeded: Number.isFinite(found.weeksNeeded) ? found.weeksNeeded : null, measurableInQuarter: found.measurableInQuarter, rating: found.rating, text: found.text });
}

const calculators: Record<string, (argv: string[], io: CliIo) => number> = { 'sample-size': sampleSize, ab, ttest, revenue, detect };

export const statsCommand: Command = {
  name: 'stats',
  summary: 'Experiment statistics: sample size, A/B test on conversions, Welch t-test on means',
  usage,
  async run(argv, io) {
    const [name, ...rest] = argv;
    const calculator = name ? calculators[name] : undefined;
    if (!calculator) throw new UsageError(`${name ? `unknown calculator "${name}"` : 'name a calculator'}: sample-size, ab, ttest, revenue or detect\nUsage: ${usage}`);
    return calculator(rest, io);
  },
};
