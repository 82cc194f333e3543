import type { GenerateSyncOptions, Piece, Provenance } from '@onbrand/shared/generate';
import type { Issue } from '@onbrand/shared';
import type { BrandKit } from '@onbrand/shared/kit';
import type { PromptTemplate } from '@onbrand/shared/prompts';
import { callModel, generateContentPackSync, modelConfig, parseJson, rewriteToBrandSync, runFlowSync } from '@onbrand/shared/generate';
import { getTemplate, listTemplates, renderPrompt } from '@onbrand/shared/prompts';
import { lintText } from '@onbrand/shared/lint';
import type { Inserted, TemplateInfo } from '../contract';
import { headedPart, insertParts, listed, notInserted, packParts, type Part } from './draft';
import { generateOptions, loadKit } from './kit-store';
import { formValues, templateFields } from './template-form';

// Templates the offline generator can fill; the others need a model.
const offlineTemplates = new Set(['content-pack', 'rewrite-to-brand', 'subject-lines']);

/** Every built-in template with its generated form. */
export function templateInfos(): TemplateInfo[] {
  return listTemplates().map((template) => ({
    id: template.id,
    version: template.version,
    description: template.description,
    fields: templateFields(template),
    offline: offlineTemplates.has(template.id),
  }));
}

type Vars = Record<string, any>;

function briefOf(view: Vars): any {
  return { ...view, offer: view.offer || undefined, approvedClaims: view.approvedClaims ?? [] };
}

/**
 * Fills a template offline where the core can: the content pack, subject lines (the pack's three)
 * and the rewrite; the returned parts are inserted like a draft.
 */
function offlineParts(template: PromptTemplate, vars: Vars, kit: BrandKit, options: GenerateSyncOptions): { parts: Part[]; provenance: Provenance; notices: string[] } | { issues: Issue[] } {
  if (template.id === 'rewrite-to-brand') {
    const channel = vars.channel ? { channel: String(vars.channel) } : {};
    const result = rewriteToBrandSync(String(vars.text), lintText(String(vars.text), kit, channel).findings, kit, { ...options, ...channel });
    if (!result.ok) return result;
    const { text, provenance, notices } = result.value;
    return { parts: [headedPart('Rewrite', channel.channel ?? null, [{ text }], [result.value])], provenance, notices };
  }
  const pack = generateContentPackSync(briefOf(vars.brief), kit, options);
  if (!pack.ok) return pack;
  if (template.id === 'content-pack') return { parts: packParts(pack.value, kit), provenance: pack.value.provenance, notices: pack.value.notices };
  const pieces = pack.value.pieces.filter((p) => p.id.startsWith('subjectLines.'));
  const notices = vars.count && vars.count !== pieces.length ? [`Offline drafts give ${pieces.length} subject lines, not ${vars.count}; a model gives any number.`] : [];
  const provenance = { ...pack.value.provenance, template: template.id, templateVersion: template.version };
  return { parts: [headedPart('Subject lines', 'email-subject', listed(pieces.map((p) => p.text)), pieces)], provenance, notices };
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.split('\n').filter((line) => line.trim());
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Renders a template with the form's values and inserts the result at the cursor, marked for approval. */
export function runTemplate(templateId: string, values: Record<string, unknown>): Inserted {
  const template = getTemplate(templateId);
  if (!template) return notInserted([{ path: 'templateId', message: templateId ? `there is no template named “${templateId}”` : 'pick a template' }], 'Nothing was inserted.');
  const { vars, issues } = formValues(templateFields(template), values);
  if (issues.length) return notInserted(issues, 'Some fields need a fix; nothing was inserted.');
  const { kit } = loadKit();
  const rendered = renderPrompt(template, vars as never, kit);
  if (!rendered.ok) return notInserted([{ path: rendered.error.variable || '(form)', message: rendered.error.message }], 'Some fields need a fix; nothing was inserted.');
  const { options, notices } = generateOptions();
  // Templates the offline generator can fill go in as its draft when there is no model or its answer cannot be used.
  const offline = offlineTemplates.has(template.id);
  const insertOffline = (using: GenerateSyncOptions, before: string[]) => {
    const made = offlineParts(template, vars, kit, using);
    return 'issues' in made ? notInserted(made.issues, 'Nothing was inserted.') : insertParts(made.parts, made.provenance, 'template', [...before, ...made.notices]);
  };
  const model = modelConfig(options, kit);
  if (!model.ok) return notInserted(model.issues, 'Nothing was inserted.');
  const config = model.value;
  if (!config) {
    return offline ? insertOffline(options, notices) : notInserted([], `“${template.id}” needs a model: choose a provider and add an API key in Settings.`);
  }
  const answer = runFlowSync(callModel(rendered.value, config), options.transport, options.sleep);
  if (!answer.ok && answer.kind === 'personal-data') return notInserted([{ path: 'privacy', message: answer.message }], 'Nothing was sent and nothing was inserted.');
  const json = answer.ok ? parseJson(answer.text) : { ok: false as const };
  if (!json.ok) {
    const why = `The model's answer could not be used (${answer.ok ? 'the model did not answer in JSON' : answer.message})`;
    return offline ? insertOffline({ now: options.now }, [`${why}; this is the offline draft instead.`]) : notInserted([], `${why}; nothing was inserted.`);
  }
  const lines = strings(json.value);
  const provenance: Provenance = { provider: config.provider, model: config.model, template: template.id, templateVersion: template.version, seed: '', createdAt: String(options.now), aiGenerated: true };
  const pieces: Piece[] = lines.map((text, i) => {
    const lint = lintText(text, kit);
    return { id: `line.${i}`, text, findings: lint.findings, score: lint.score, needsReview: lint.findings.some((f) => f.rule.startsWith('claims.')), provenance };
  });
  return insertParts([headedPart(template.id, null, lines.map((text) => ({ text })), pieces)], provenance, 'template', [...notices, ...(answer.ok ? answer.notices : [])]);
}
