import type { BrandKit } from '../kit';
import { describeIssues, parseWith } from '../issues';
import type * as z from '../zod';
import { brandVoicePartial, brandVoiceView, dataPolicyPartial } from './brand-voice';
import type { JsonSchema } from './output-schema';
import { renderFailure, renderText, type RenderError } from './render';
import { repairPartial } from './repair';
import type { PromptTemplate } from './template';
import {
  adVariantsTemplate,
  contentPackTemplate,
  experimentInsightTemplate,
  localizeShortCopyTemplate,
  rewriteToBrandTemplate,
  subjectLinesTemplate,
} from './templates';

/** A prompt ready to send, with the template it came from (provenance). */
export interface RenderedPrompt {
  templateId: string;
  templateVersion: string;
  system: string;
  user: string;
  /** The name providers give the output schema (letters, digits, `_` and `-`, as OpenAI requires). */
  schemaName: string;
  schema: JsonSchema;
}

export type PromptResult = { ok: true; value: RenderedPrompt } | { ok: false; error: RenderError };

/** Partials every template may include. */
export const partials: Readonly<Record<string, string>> = {
  brandVoice: brandVoicePartial,
  dataPolicy: dataPolicyPartial,
  repair: repairPartial,
};

const builtIns: readonly PromptTemplate[] = [
  contentPackTemplate,
  subjectLinesTemplate,
  adVariantsTemplate,
  rewriteToBrandTemplate,
  experimentInsightTemplate,
  localizeShortCopyTemplate,
];

/** Every built-in template, in a stable order. */
export function listTemplates(): readonly PromptTemplate[] {
  return builtIns;
}

/** The built-in template with this id, if there is one. */
export function getTemplate(id: string): PromptTemplate | undefined {
  return builtIns.find((template) => template.id === id);
}

/** Renders a template's system and user parts for a kit; bad or missing variables come back as an error value. */
export function renderPrompt<S extends z.ZodMiniType>(template: PromptTemplate<S>, vars: z.input<S>, kit: BrandKit): PromptResult {
  const parsed = parseWith(template.input, vars);
  if (!parsed.ok) {
    const { issues } = parsed;
    return renderFailure(template.id, issues[0]?.path ?? '(root)', describeIssues(issues, '; '));
  }
  // `kit` is reserved for the brand voice; a template input cannot shadow it.
  const view = { ...(parsed.value as Record<string, unknown>), kit: brandVoiceView(kit) };
  const system = renderText(template.id, template.system, view, partials);
  if (!system.ok) return system;
  const user = renderText(template.id, template.user, view, partials);
  if (!user.ok) return user;
  return {
    ok: true,
    value: {
      templateId: template.id,
      templateVersion: template.version,
      system: system.value,
      user: user.value,
      schemaName: template.id.replace(/[^A-Za-z0-9_-]/g, '_'),
      schema: template.output,
    },
  };
}

/** Renders the built-in template `id`; an unknown id is an error value too. */
export function renderTemplate(id: string, vars: unknown, kit: BrandKit): PromptResult {
  const template = getTemplate(id);
  if (!template) return { ok: false, error: { templateId: id, variable: '', message: `there is no template named "${id}"` } };
  return renderPrompt(template, vars as z.input<typeof template.input>, kit);
}
