import * as z from '@onbrand/shared/zod';
import { once } from '@onbrand/shared';
import { providerIds } from '@onbrand/shared/generate';
import { defineContractOnDemand, requiredText } from '@onbrand/shared/rpc';

// Apps Script evaluates the bundle on every call and runs one endpoint, so every schema is built
// the first time it is used rather than at load.

export const sheetSummarySchema = once(() =>
  z.object({
    spreadsheetName: z.string(),
    sheetName: z.string(),
    rowCount: z.number(),
    columnCount: z.number(),
    headers: z.array(z.string()),
  }),
);
export type SheetSummary = z.output<ReturnType<typeof sheetSummarySchema>>;

const issueSchema = once(() => z.object({ path: z.string(), message: z.string() }));

/**
 * What an operation did. `paused` means it stopped before the time limit and saved where it was:
 * running it again continues. `needs-setup` and `needs-fix` name what the user must do first.
 */
export const reportSchema = once(() =>
  z.object({
    operation: z.enum(['setup', 'score', 'analyze', 'insights', 'brand-check']),
    status: z.enum(['done', 'paused', 'needs-setup', 'needs-fix']),
    message: z.string(),
    processed: z.number(),
    flagged: z.number(),
    issues: z.array(issueSchema()),
    progress: z.optional(z.object({ done: z.number(), total: z.number() })),
  }),
);
export type Report = z.output<ReturnType<typeof reportSchema>>;

const bubbleSchema = once(() => z.object({ name: z.string(), impact: z.number(), feasibility: z.number(), score: z.number(), rank: z.number(), stage: z.string() }));
export type Bubble = z.output<ReturnType<typeof bubbleSchema>>;

export const portfolioSchema = once(() =>
  z.object({
    ready: z.boolean(),
    stages: z.array(z.object({ stage: z.string(), count: z.number() })),
    top: z.array(bubbleSchema()),
    bubbles: z.array(bubbleSchema()),
    decisions: z.array(z.object({ decision: z.string(), count: z.number() })),
  }),
);
export type Portfolio = z.output<ReturnType<typeof portfolioSchema>>;

const armSchema = once(() =>
  z.object({
    arm: z.string(),
    /** The arm's sheet rows, one per period. */
    rows: z.array(z.number()),
    visitors: z.number(),
    conversions: z.number(),
    rate: z.number(),
    lift: z.nullable(z.number()),
    ciLow: z.nullable(z.number()),
    ciHigh: z.nullable(z.number()),
    pValue: z.nullable(z.number()),
    pValueAdjusted: z.nullable(z.number()),
    probabilityToBeatControl: z.nullable(z.number()),
  }),
);

export const statsCardSchema = once(() =>
  z.object({
    experiments: z.array(z.string()),
    card: z.nullable(
      z.object({
        experiment: z.string(),
        /** The periods pooled into the arms' figures, in period order. */
        periods: z.array(z.string()),
        segment: z.string(),
        alpha: z.number(),
        /** Every period pooled per arm. */
        arms: z.array(armSchema()),
        /** Each period on its own, in period order: each variant's lift and chance to beat control. */
        trend: z.array(z.object({ period: z.string(), arms: z.array(z.object({ arm: z.string(), rate: z.number(), lift: z.nullable(z.number()), probabilityToBeatControl: z.nullable(z.number()) })) })),
        srm: z.object({ pValue: z.number(), mismatch: z.boolean() }),
        peeking: z.nullable(z.object({ progress: z.number(), message: z.string() })),
        decision: z.string(),
        reasons: z.array(z.string()),
        plannedPerArm: z.nullable(z.number()),
        /** Revenue per visitor per variant, or why it cannot be tested; null without revenue. */
        revenue: z.nullable(z.object({
          untestable: z.string(),
          variants: z.array(z.object({ arm: z.string(), control: z.number(), variant: z.number(), lift: z.nullable(z.number()), liftLow: z.nullable(z.number()), liftHigh: z.nullable(z.number()), pValueAdjusted: z.number(), probabilityToBeatControl: z.number() })),
        })),
        guardrails: z.array(z.object({ arm: z.string(), metric: z.string(), status: z.string(), text: z.string() })),
        /** On-brand against off-brand variants across every experiment. */
        brandFit: z.nullable(z.string()),
        /** The frozen plan the run is judged against, and the edits made to it since. */
        plan: z.nullable(z.object({ summary: z.string(), hash: z.string(), version: z.number(), deviations: z.array(z.string()) })),
        /** The peeking ledger's looks and each variant's always-valid result as of the last. */
        sequential: z.nullable(
          z.object({
            looks: z.array(z.object({ look: z.number(), when: z.string(), data: z.string() })),
            arms: z.array(z.object({ arm: z.string(), difference: z.number(), low: z.number(), high: z.number(), pValue: z.number() })),
            pending: z.boolean(),
          }),
        ),
      }),
    ),
    hint: z.string(),
  }),
);
export type StatsCard = z.output<ReturnType<typeof statsCardSchema>>;

export const insightItemSchema = once(() => z.object({ id: z.string(), kind: z.string(), experiment: z.string(), headline: z.string(), narrative: z.string(), rows: z.string(), writtenBy: z.string(), review: z.string(), sheetRow: z.number() }));
export type InsightItem = z.output<ReturnType<typeof insightItemSchema>>;

const weightsSchema = once(() => z.object({ impact: z.number(), feasibility: z.number(), readiness: z.number(), risk: z.number() }));
const thresholdsSchema = once(() => z.object({ qualifyAt: z.number(), parkBelow: z.number(), maxRisk: z.number(), winnerLift: z.number(), fallingPeriods: z.number(), graceDays: z.number() }));
const providerSchema = once(() => z.enum(providerIds));

/** What the sidebar may see of the settings: never the API key, only whether one is set, masked. */
export const settingsViewSchema = once(() =>
  z.object({
    ready: z.boolean(),
    weights: weightsSchema(),
    thresholds: thresholdsSchema(),
    provider: providerSchema(),
    model: z.string(),
    baseUrl: z.string(),
    channel: z.string(),
    apiKeyMasked: z.nullable(z.string()),
    kitName: z.nullable(z.string()),
    issues: z.array(issueSchema()),
  }),
);
export type SettingsView = z.output<ReturnType<typeof settingsViewSchema>>;

export const settingsChangeSchema = once(() =>
  z.object({
    weights: z.optional(z.partial(weightsSchema())),
    thresholds: z.optional(z.partial(thresholdsSchema())),
    provider: z.optional(providerSchema()),
    model: z.optional(z.string()),
    baseUrl: z.optional(z.string()),
    channel: z.optional(z.string()),
    /** Write-only: saved to the user's own properties; an empty string removes it. */
    apiKey: z.optional(z.string()),
    /** A brand kit as JSON text, validated before it is stored for the file. */
    kitJson: z.optional(z.string()),
  }),
);
export type SettingsChange = z.output<ReturnType<typeof settingsChangeSchema>>;

export const stageGatesSchema = once(() =>
  z.object({
    useCases: z.array(z.object({ name: z.string(), stage: z.string(), next: z.string(), met: z.boolean(), missing: z.array(z.string()), experiments: z.array(z.string()) })),
    /** Who may pass a stage gate; empty when nobody is named (anyone who can edit may). */
    approvers: z.array(z.string()),
    source: z.enum(['kit', 'settings', 'none']),
    /** The person using the sidebar, as Apps Script tells it. */
    user: z.string(),
    templates: z.array(z.object({ id: z.string(), name: z.string() })),
    hint: z.string(),
  }),
);
export type StageGates = z.output<ReturnType<typeof stageGatesSchema>>;

export const gateMoveSchema = once(() =>
  z.object({
    useCase: requiredText('the use case'),
    reason: z.string(),
    /** For the move to "decided": the decision recorded on the use case's experiments. */
    decision: z.optional(z.enum(['scale', 'iterate', 'stop'])),
  }),
);
export type GateMove = z.output<ReturnType<typeof gateMoveSchema>>;

const none = () => z.object({});
const report = () => ({ input: none(), output: reportSchema() });

/** Everything the Sheets sidebar can ask of the server; each name is a google.script.run function. */
export const sheetsContract = defineContractOnDemand({
  getSheetSummary: () => ({ input: none(), output: sheetSummarySchema() }),
  setupTracker: report,
  scoreUseCases: report,
  analyzeExperiments: report,
  writeInsights: report,
  brandCheckColumn: report,
  getPortfolio: () => ({ input: none(), output: portfolioSchema() }),
  getStatsCard: () => ({ input: z.object({ experiment: z.optional(z.string()) }), output: statsCardSchema() }),
  listInsights: () => ({ input: none(), output: z.array(insightItemSchema()) }),
  /** An id no longer on the sheet (someone deleted the row) just returns the current list. */
  reviewInsight: () => ({ input: z.object({ id: requiredText('the insight id'), review: z._default(z.enum(['approved', 'dismissed']), 'approved') }), output: z.array(insightItemSchema()) }),
  /** Reports a problem with an insight's AI text (wrong, off-brand, biased, unsafe, legal risk), logged with its provenance. */
  reportInsight: () => ({
    input: z.object({ id: requiredText('the insight id'), kind: z._default(z.string(), ''), note: z._default(z.string(), '') }),
    output: z.object({ reported: z.boolean(), message: z.string(), escalation: z.string() }),
  }),
  /** The whole audit trail (the Audit log and its archive) as CSV and JSON. */
  getAuditExport: () => ({ input: none(), output: z.object({ records: z.number(), csv: z.string(), json: z.string() }) }),
  /** Starts a Learning log row from an experiment's latest decision; the person writes the learning. */
  logLearning: () => ({ input: z.object({ experiment: requiredText('the experiment name') }), output: z.object({ logged: z.boolean(), message: z.string() }) }),
  getStageGates: () => ({ input: none(), output: stageGatesSchema() }),
  /** Refusals (gate not met, person not named, no reason) come back as moved: false with the reason. */
  moveStage: () => ({ input: gateMoveSchema(), output: z.object({ moved: z.boolean(), message: z.string() }) }),
  addExperimentFromTemplate: () => ({ input: z.object({ templateId: requiredText('the template'), useCase: requiredText('the use case'), experiment: z.string() }), output: z.object({ added: z.boolean(), message: z.string() }) }),
  /** Builds the Program sheet from the Audit log, the Learning log and the use cases, with audit CSVs exported from other surfaces. */
  buildProgram: () => ({ input: z.object({ csv: z.optional(z.array(z.string())) }), output: z.object({ built: z.boolean(), message: z.string(), months: z.number() }) }),
  getSettings: () => ({ input: none(), output: settingsViewSchema() }),
  saveSettings: () => ({ input: settingsChangeSchema(), output: settingsViewSchema() }),
});
