import * as z from '@onbrand/shared/zod';
import { defineContract } from '@onbrand/shared/rpc';
import { layoutRoles as layoutRoleNames } from '@onbrand/shared/layout';
import { auditRecordSchema } from '@onbrand/shared/governance';

// Only plain data crosses between the UI and the main thread: ids, names, numbers and bytes.

/** A frame as the UI sees it: plain data, never a node. */
export const frameSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  width: z.number(),
  height: z.number(),
  childCount: z.number(),
  /** The `#name` text layers that take copy variants, with their master text. */
  slots: z.array(z.object({ name: z.string(), text: z.string() })),
  /** Set when the frame is itself a version: its master's id. */
  versionOf: z.optional(z.string()),
});
export type FrameSummary = z.output<typeof frameSummarySchema>;

/** One row of the copy matrix: a variant in one locale, text by `#name` layer. */
export const variantRowSchema = z.object({
  variant: z.string(),
  locale: z._default(z.string(), ''),
  texts: z.record(z.string(), z.string()),
});
export type VariantRow = z.output<typeof variantRowSchema>;

/** Where generated copy came from, as the core's generator reports it. */
export const provenanceSchema = z.object({
  provider: z.string(),
  model: z.string(),
  template: z.string(),
  seed: z.string(),
  createdAt: z.string(),
});

/** Where copy comes from: the master as it is, the generator (offline or the model in settings), or rows pasted or imported. */
export const copySourceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('master') }),
  z.object({
    mode: z.literal('generated'),
    /** Copy written per size, within that size's length limits. */
    bySize: z.array(z.object({ size: z.string(), rows: z.array(variantRowSchema) })),
    provenance: provenanceSchema,
  }),
  z.object({ mode: z.literal('rows'), rows: z.array(variantRowSchema), source: z._default(z.enum(['pasted', 'csv']), 'pasted') }),
]);
export type CopySource = z.output<typeof copySourceSchema>;

export const flagSchema = z.object({ kind: z.string(), nodeId: z.string(), nodeName: z.string(), message: z.string() });
export type VersionFlag = z.output<typeof flagSchema>;

/** A version as the UI lists it. */
export const versionSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  masterId: z.string(),
  masterName: z.string(),
  width: z.number(),
  height: z.number(),
  variant: z.string(),
  locale: z.string(),
  kitVersion: z.string(),
  provenance: z.string(),
  aiGenerated: z.boolean(),
  /** For AI copy: "awaiting approval", or who approved or rejected it; blank otherwise. */
  review: z._default(z.string(), ''),
  stale: z.boolean(),
  actions: z.array(z.string()),
  flags: z.array(flagSchema),
});
export type VersionSummary = z.output<typeof versionSummarySchema>;

/** A change the plugin can make safely; text fixes are checked against `match` before writing. */
export const fixSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fill'), nodeId: z.string(), paintIndex: z.int(), hex: z.string() }),
  z.object({ kind: z.literal('textRangeFill'), nodeId: z.string(), start: z.int(), end: z.int(), hex: z.string() }),
  // Without a range, raises every run below `size`; with one (an undo), sets that range to `size` exactly.
  z.object({ kind: z.literal('fontSize'), nodeId: z.string(), size: z.number(), start: z.optional(z.int()), end: z.optional(z.int()) }),
  z.object({ kind: z.literal('text'), nodeId: z.string(), start: z.int(), end: z.int(), match: z.string(), replacement: z.string() }),
]);
export type PluginFix = z.output<typeof fixSchema>;

/** A master layer with the role the resize reads for it. */
export const layerRoleSchema = z.object({
  id: z.string(),
  name: z.string(),
  depth: z.int(),
  role: z.enum(layoutRoleNames),
  /** True when the designer set the role; false when it was read from the layer. */
  set: z.boolean(),
  /** True when the layer's name already says it (a `#tag` or plain word). */
  named: z.boolean(),
});
export type LayerRole = z.output<typeof layerRoleSchema>;

export const checkFindingSchema = z.object({
  id: z.string(),
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'suggestion']),
  message: z.string(),
  nodeId: z.string(),
  nodeName: z.string(),
  fix: z.optional(fixSchema),
  /** False when "fix all safely" must leave the fix to a person (a big colour move, or one that breaks contrast). */
  safe: z.optional(z.boolean()),
  /** What a dismissal is keyed to: the matched words and their sentence (a layer finding: the layer and the message). */
  match: z._default(z.string(), ''),
  sentence: z._default(z.string(), ''),
});
export type CheckFinding = z.output<typeof checkFindingSchema>;

export const checkedFrameSchema = z.object({
  id: z.string(),
  name: z.string(),
  width: z.number(),
  height: z.number(),
  score: z.number(),
  findings: z.array(checkFindingSchema),
});
export type CheckedFrame = z.output<typeof checkedFrameSchema>;

export const kitInfoSchema = z.nullable(z.object({ name: z.string(), version: z.string(), rules: z.number(), palette: z.number() }));

export const sizeSetSchema = z.object({ name: z.string().check(z.minLength(1)), sizes: z.array(z.string()) });
export const preferencesSchema = z.object({
  nameTemplate: z._default(z.string(), '{master}/{w}x{h}/{variant}/{locale}'),
  sizeSets: z._default(z.array(sizeSetSchema), []),
  provider: z._default(z.enum(['offline', 'openai', 'anthropic', 'gemini']), 'offline'),
  model: z._default(z.string(), ''),
});
export type Preferences = z.output<typeof preferencesSchema>;

const presetSchema = z.object({ id: z.string(), name: z.string(), width: z.number(), height: z.number(), group: z.string() });
const operationOutput = { notices: z.array(z.string()), cancelled: z.boolean() };
const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array);

/** Everything the plugin UI can ask of the main thread. */
export const figmaContract = defineContract({
  getSelectionFrames: {
    input: z.object({}),
    output: z.object({ frames: z.array(frameSummarySchema), ignored: z.number() }),
  },
  getState: {
    input: z.object({}),
    output: z.object({
      kit: kitInfoSchema,
      /** The kit's JSON, for writing copy in the UI with the same rules. */
      kitJson: z.nullable(z.string()),
      preferences: preferencesSchema,
      apiKey: z.string(),
      presets: z.array(presetSchema),
      command: z.string(),
    }),
  },
  generateVersions: {
    input: z.object({ sizes: z.array(z.string()), copy: copySourceSchema, nameTemplate: z.optional(z.string()) }),
    output: z.object({ versions: z.array(versionSummarySchema), skippedFonts: z.array(z.string()), ...operationOutput }),
  },
  listVersions: {
    input: z.object({ scope: z.enum(['selection', 'all']) }),
    output: z.object({ versions: z.array(versionSummarySchema) }),
  },
  checkBrand: {
    input: z.object({ scope: z.enum(['selection', 'versions']) }),
    output: z.object({ frames: z.array(checkedFrameSchema), kit: kitInfoSchema, ...operationOutput }),
  },
  applyFixes: {
    input: z.object({ fixes: z.array(fixSchema) }),
    output: z.object({ applied: z.number(), skipped: z.array(z.string()), changes: z.array(z.string()), undo: z.array(fixSchema) }),
  },
  listRoles: {
    input: z.object({}),
    output: z.object({ masterId: z.string(), masterName: z.string(), layers: z.array(layerRoleSchema) }),
  },
  setRole: {
    input: z.object({ nodeId: z.string(), role: z.nullable(z.enum(layoutRoleNames)) }),
    output: z.object({ ok: z.literal(true) }),
  },
  selectNode: {
    input: z.object({ id: z.string() }),
    output: z.object({ found: z.boolean() }),
  },
  updateVersions: {
    input: z.object({ scope: z.enum(['selection', 'all']) }),
    output: z.object({ updated: z.number(), keptEdits: z.array(z.string()), conflicts: z.array(z.string()), versions: z.array(versionSummarySchema), ...operationOutput }),
  },
  exportVersions: {
    input: z.object({ ids: z.array(z.string()), format: z.enum(['PNG', 'JPG', 'PDF']), scale: z.union([z.literal(1), z.literal(2)]) }),
    output: z.object({
      files: z.array(z.object({ fileName: z.string(), bytes, version: versionSummarySchema })),
      ...operationOutput,
    }),
  },
  /**
   * Sends a model request through the main thread's fetch (providers refuse the UI's null origin).
   * `{{apiKey}}` in a header is replaced by the saved key here, so the key never reaches the UI.
   */
  httpRequest: {
    input: z.object({ url: z.string(), method: z.enum(['POST', 'GET']), headers: z.record(z.string(), z.string()), body: z.string() }),
    output: z.object({ status: z.number(), headers: z.optional(z.record(z.string(), z.string())), body: z.string() }),
  },
  cancel: { input: z.object({}), output: z.object({ cancelled: z.boolean() }) },
  saveKit: {
    input: z.object({ json: z.string() }),
    output: z.object({ ok: z.boolean(), kit: kitInfoSchema, issues: z.array(z.object({ path: z.string(), message: z.string() })) }),
  },
  reviewVersions: {
    input: z.object({ ids: z.array(z.string()), decision: z.enum(['approved', 'rejected']), reason: z._default(z.string(), '') }),
    output: z.object({ versions: z.array(versionSummarySchema), message: z.string() }),
  },
  reportVersion: {
    input: z.object({ id: z.string(), kind: z._default(z.string(), ''), note: z._default(z.string(), '') }),
    output: z.object({ reported: z.boolean(), message: z.string(), escalation: z.string() }),
  },
  /** Dismisses one finding of a frame, found again by checking that frame; the kit may forbid it for errors. */
  ignoreFinding: {
    input: z.object({ frameId: z.string(), findingId: z.string(), reason: z._default(z.string(), '') }),
    output: z.object({ ignored: z.boolean(), message: z.string() }),
  },
  getAuditLog: { input: z.object({}), output: z.object({ records: z.array(auditRecordSchema()), csv: z.string(), json: z.string() }) },
  savePreferences: { input: preferencesSchema, output: z.object({ saved: z.boolean() }) },
  saveApiKey: { input: z.object({ apiKey: z.string() }), output: z.object({ apiKey: z.string() }) },
});

/** What the UI writes where the API key goes; the main thread swaps in the saved key. */
export const apiKeyPlaceholder = '{{apiKey}}';

/** Pushes from the main thread to the UI, by event name. */
export interface FigmaEvents {
  selectionChanged: { count: number };
  progress: { operation: string; done: number; total: number };
}
