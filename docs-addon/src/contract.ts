import * as z from '@onbrand/shared/zod';
import { once } from '@onbrand/shared';
import { defineContractOnDemand, requiredText } from '@onbrand/shared/rpc';
import { auditRecordSchema, ignoreInputSchema } from '@onbrand/shared/governance';

// Apps Script evaluates the whole bundle on every call and runs one endpoint, so schemas are built
// on first use rather than at load: building all of them up front costs more than the call itself.
// Inputs have defaults wherever one makes sense; what the writer must fix
// (no selection, a bad brief, a kit that fails validation) comes back in the answer as notices or
// issues the sidebar shows, and the document is left as it was.

export const documentSummarySchema = once(() =>
  z.object({
  /** The document's id, so the sidebar keeps its state per document. */
  id: z.string(),
  title: z.string(),
  paragraphCount: z.number(),
  wordCount: z.number(),
}),
);
export type DocumentSummary = z.output<ReturnType<typeof documentSummarySchema>>;

const issueSchema = once(() =>
  z.object({ path: z.string(), message: z.string() }),
);
const severitySchema = once(() =>
  z.enum(['error', 'warning', 'suggestion']),
);
const refSchema = once(() =>
  z.union([z.number(), z.array(z.number())]),
);

/** A span inside one paragraph: its section, its paragraph (ordinal or child path) and offsets in it. */
export const spanSchema = once(() =>
  z.object({ section: z.string(), ref: refSchema(), start: z.number(), end: z.number() }),
);
export type Span = z.output<ReturnType<typeof spanSchema>>;

export const docFindingSchema = once(() =>
  z.object({
  id: z.string(),
  rule: z.string(),
  severity: severitySchema(),
  message: z.string(),
  match: z.string(),
  suggestions: z.array(z.string()),
  /** Where the finding is, or null when it crosses paragraphs (it can be selected, not fixed). */
  location: z.nullable(spanSchema()),
  safe: z.boolean(),
  channel: z.nullable(z.string()),
  /** The paragraph's text around the match, so the sidebar can show it in context. */
  context: z.string(),
  /** The sentence holding the match: a dismissal holds for this sentence only. */
  sentence: z.string(),
}),
);
export type DocFinding = z.output<ReturnType<typeof docFindingSchema>>;

export const fixSchema = once(() =>
  z.object({
  location: spanSchema(),
  /** The text the check saw at the location; a fix is refused when the text there changed. */
  expected: z.string(),
  replacement: z.string(),
}),
);
export type Fix = z.output<ReturnType<typeof fixSchema>>;

const checkResultSchema = once(() =>
  z.object({
  scope: z.enum(['document', 'selection']),
  findings: z.array(docFindingSchema()),
  score: z.number(),
  paragraphs: z.number(),
  /** The channel each part was checked for: from the check, or from a `[channel]` heading. */
  sections: z.array(z.object({ heading: z.string(), channel: z.nullable(z.string()) })),
  notices: z.array(z.string()),
}),
);
export type CheckResult = z.output<ReturnType<typeof checkResultSchema>>;

export const kitSummarySchema = once(() =>
  z.object({
  name: z.string(),
  version: z.string(),
  source: z.enum(['document', 'user', 'starter']),
  channels: z.array(z.object({ id: z.string(), name: z.string() })),
}),
);
export type KitSummary = z.output<ReturnType<typeof kitSummarySchema>>;

export const settingsSchema = once(() =>
  z.object({
  provider: z.string(),
  model: z.string(),
  baseUrl: z.string(),
  /** The key as the sidebar may show it (last four characters), or null when none is saved. */
  keyMask: z.nullable(z.string()),
  /** What stands between the model server's URL and a working call (the fetch allowlist), if anything. */
  notice: z.optional(z.string()),
}),
);
export type Settings = z.output<ReturnType<typeof settingsSchema>>;

export const markSchema = once(() =>
  z.object({
  id: z.string(),
  kind: z.enum(['draft', 'template', 'rewrite']),
  label: z.string(),
  channel: z.nullable(z.string()),
  template: z.string(),
  templateVersion: z.string(),
  provider: z.string(),
  model: z.string(),
  createdAt: z.string(),
  needsReview: z.boolean(),
  findings: z.number(),
  score: z.number(),
  disclosure: z.nullable(z.string()),
  /** For a rewrite: the original text, kept in the document until the writer picks one. */
  original: z.nullable(z.string()),
  text: z.string(),
  /** Claims the brief approved for this draft: later checks of its text and its approval honour them. */
  approvedClaims: z.optional(z.array(z.string())),
}),
);
export type Mark = z.output<ReturnType<typeof markSchema>>;

/** Who may approve AI text here: the kit's list when it names anyone, else the team's (from settings). */
const approversSchema = once(() => z.object({ approvers: z.array(z.string()), kitNames: z.boolean() }));

const findingSummarySchema = once(() => z.object({ rule: z.string(), severity: severitySchema(), match: z.string(), message: z.string() }));

export type FindingSummary = z.output<ReturnType<typeof findingSummarySchema>>;

export const templateFieldSchema = once(() =>
  z.object({
  name: z.string(),
  label: z.string(),
  kind: z.enum(['text', 'number', 'boolean', 'list', 'choice', 'json']),
  required: z.boolean(),
  choices: z.array(z.string()),
  /** A sample value as the form shows it (lists one item a line, JSON as text). */
  sample: z.string(),
}),
);
export type TemplateField = z.output<ReturnType<typeof templateFieldSchema>>;

export const templateInfoSchema = once(() =>
  z.object({
  id: z.string(),
  version: z.string(),
  description: z.string(),
  fields: z.array(templateFieldSchema()),
  offline: z.boolean(),
}),
);
export type TemplateInfo = z.output<ReturnType<typeof templateInfoSchema>>;

const insertedSchema = once(() =>
  z.object({
  inserted: z.boolean(),
  marks: z.array(markSchema()),
  issues: z.array(issueSchema()),
  notices: z.array(z.string()),
}),
);
export type Inserted = z.output<ReturnType<typeof insertedSchema>>;

const briefInputSchema = once(() =>
  z._default(z.record(z.string(), z.unknown()), {}),
);

/** Everything the Docs sidebar can ask of the server; each name is a google.script.run function. */
export const docsContract = defineContractOnDemand({
  getDocumentSummary: () => ({ input: z.object({}), output: documentSummarySchema() }),
  getStatus: () => ({
    input: z.object({}),
    output: z.object({
      kit: kitSummarySchema(),
      settings: settingsSchema(),
      providers: z.array(z.object({ id: z.string(), label: z.string(), defaultModel: z.string() })),
      marks: z.array(markSchema()),
      templates: z.array(templateInfoSchema()),
    }),
  }),
  checkDocument: () => ({
    input: z.object({
      scope: z._default(z.enum(['document', 'selection']), 'document'),
      channel: z._default(z.string(), ''),
      approvedClaims: z._default(z.array(z.string()), []),
    }),
    output: checkResultSchema(),
  }),
  selectFinding: () => ({
    input: z.object({ location: z.optional(spanSchema()) }),
    output: z.object({ selected: z.boolean(), message: z.string() }),
  }),
  applyFixes: () => ({
    input: z.object({ fixes: z._default(z.array(fixSchema()), []) }),
    output: z.object({ applied: z.number(), skipped: z.array(z.object({ expected: z.string(), reason: z.string() })), message: z.string() }),
  }),
  draftFromBrief: () => ({ input: z.object({ brief: briefInputSchema() }), output: insertedSchema() }),
  rewriteSelection: () => ({ input: z.object({ channel: z._default(z.string(), '') }), output: insertedSchema() }),
  /** The cells of the table at the cursor, for the sidebar to read as a brief; `problem` says why there are none. */
  readBriefTable: () => ({ input: z.object({}), output: z.object({ rows: z.array(z.array(z.string())), problem: z.string() }) }),
  chooseRewrite: () => ({
    input: z.object({ id: requiredText('the rewrite mark id'), keep: z._default(z.enum(['rewrite', 'original']), 'rewrite') }),
    output: z.object({ done: z.boolean(), message: z.string() }),
  }),
  runTemplate: () => ({
    input: z.object({ templateId: requiredText('a template id'), vars: z._default(z.record(z.string(), z.unknown()), {}) }),
    output: insertedSchema(),
  }),
  approveMark: () => ({
    /** `confirm` approves even with error-level findings open, after the writer has seen them. */
    input: z.object({ id: requiredText('the mark id'), confirm: z._default(z.boolean(), false) }),
    output: z.object({
      approved: z.nullable(auditRecordSchema()),
      message: z.string(),
      /** The error-level findings that stopped an unconfirmed approval. */
      open: z.array(findingSummarySchema()),
    }),
  }),
  rejectMark: () => ({
    input: z.object({ id: requiredText('the mark id'), reason: z._default(z.string(), '') }),
    output: z.object({ done: z.boolean(), message: z.string() }),
  }),
  reportMark: () => ({
    input: z.object({ id: requiredText('the mark id'), kind: z._default(z.string(), ''), note: z._default(z.string(), '') }),
    output: z.object({ reported: z.boolean(), message: z.string(), escalation: z.string() }),
  }),
  /** Dismisses one finding, for its sentence only; the check it came from is run again to find it. */
  ignoreFinding: () => ({
    input: z.extend(ignoreInputSchema(), { scope: z._default(z.enum(['document', 'selection']), 'document'), channel: z._default(z.string(), '') }),
    output: z.object({ ignored: z.boolean(), message: z.string() }),
  }),
  /** The recent records for the sidebar; the whole trail (the document's archive too) as CSV and JSON. */
  getAuditLog: () => ({ input: z.object({}), output: z.object({ records: z.array(auditRecordSchema()), csv: z.string(), json: z.string() }) }),
  getApprovers: () => ({ input: z.object({}), output: approversSchema() }),
  saveApprovers: () => ({ input: z.object({ content: z._default(z.string(), '') }), output: z.extend(approversSchema(), { message: z.string(), problems: z.array(z.string()) }) }),
  importKit: () => ({
    input: z.object({ json: z._default(z.string(), ''), scope: z._default(z.enum(['document', 'user']), 'document') }),
    output: z.object({ ok: z.boolean(), issues: z.array(issueSchema()), kit: kitSummarySchema() }),
  }),
  saveSettings: () => ({
    input: z.object({
      provider: z._default(z.string(), 'offline'),
      model: z._default(z.string(), ''),
      baseUrl: z._default(z.string(), ''),
      /** Write-only: a new key replaces the saved one; omitted keeps it; `clearKey` removes it. */
      apiKey: z.optional(z.string()),
      clearKey: z._default(z.boolean(), false),
    }),
    output: settingsSchema(),
  }),
});
