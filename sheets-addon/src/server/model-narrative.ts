import type { ProviderId, RetryPolicy, SyncSleep, SyncTransport } from '@onbrand/shared/generate';
import type { BrandKit } from '@onbrand/shared/kit';
import type { Narrative } from '@onbrand/shared/experiments';
import { adapters, callModel, parseJson, runFlowSync } from '@onbrand/shared/generate';
import type { HeldBack } from '@onbrand/shared/privacy';
import { experimentInsightTemplate, renderPrompt } from '@onbrand/shared/prompts';

// A narrative rewritten by a language model through the shared experiment-insight template. The
// statistics stay the core's: the model gets the offline narrative as finished lines and only
// explains it. Any failure falls back to the offline text, saying why.

export interface ModelAccess {
  provider: Exclude<ProviderId, 'offline'>;
  model: string;
  /** Where an openai-compatible server answers; the other providers have their own. */
  baseUrl?: string;
  apiKey: string;
  transport: SyncTransport;
  sleep?: SyncSleep;
}

/**
 * `heldBack` and `notices` say what personal data stayed home (kinds and counts); `blocked` when the
 * kit's privacy policy stopped the request, so nothing was sent.
 */
export type ModelNarrative =
  | { ok: true; headline: string; text: string; model: string; templateId: string; templateVersion: string; heldBack: HeldBack[]; notices: string[] }
  | { ok: false; why: string; blocked?: true };

/** The headline, the narrative and its closing next steps in a model's JSON answer; null when it lacks them. */
function readAnswer(text: string): { headline: string; narrative: string } | null {
  const json = parseJson(text);
  const value = (json.ok ? json.value : null) as Record<string, unknown> | null;
  if (typeof value?.headline !== 'string' || typeof value.narrative !== 'string') return null;
  const steps = Array.isArray(value.nextSteps) ? value.nextSteps.filter((step) => typeof step === 'string') : [];
  return { headline: value.headline, narrative: steps.length > 0 ? `${value.narrative} Next: ${steps.join('; ')}.` : value.narrative };
}

/**
 * Asks the model to explain one insight; the source rows are appended to whatever it writes. The
 * retry policy is the caller's, fitted to the time its execution has left.
 */
export function narrateWithModel(narrative: Narrative, context: { metric: string; decision: string }, kit: BrandKit, access: ModelAccess, policy?: RetryPolicy): ModelNarrative {
  const prompt = renderPrompt(
    experimentInsightTemplate,
    { experiment: { name: narrative.experiment, hypothesis: '', metric: context.metric || 'conversion rate', decision: context.decision || 'not decided yet', results: [narrative.text], notes: narrative.headline } },
    kit,
  );
  if (!prompt.ok) return { ok: false, why: prompt.error.message };
  const model = access.model || adapters[access.provider].defaultModel;
  const config = { provider: access.provider, model, apiKey: access.apiKey, ...(access.baseUrl ? { baseUrl: access.baseUrl } : {}), ...(kit.privacy ? { privacy: kit.privacy } : {}) };
  const answer = runFlowSync(callModel(prompt.value, config, policy), access.transport, access.sleep);
  if (!answer.ok) return answer.kind === 'personal-data' ? { ok: false, why: answer.message, blocked: true } : { ok: false, why: answer.message };
  const read = readAnswer(answer.text);
  if (!read) return { ok: false, why: `${adapters[access.provider].label} answered without a headline and narrative` };
  const source = narrative.text.slice(narrative.text.lastIndexOf('(Source:'));
  return { ok: true, headline: read.headline, text: `${read.narrative} ${source}`, model, templateId: prompt.value.templateId, templateVersion: prompt.value.templateVersion, heldBack: answer.heldBack, notices: answer.notices };
}
