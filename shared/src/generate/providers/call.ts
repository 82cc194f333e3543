import { blockedMessage, heldBackNotice, inventedNotice, screenTexts, type HeldBack } from '../../privacy';
import type { RenderedPrompt } from '../../prompts';
import { defaultRetryPolicy, sendWithRetry, type RetryPolicy } from '../retry';
import type { Flow, HttpRequest } from '../transport';
import { anthropicAdapter } from './anthropic';
import { geminiAdapter } from './gemini';
import { openaiAdapter, openaiCompatibleAdapter } from './openai';
import { at, parseJson, type ModelConfig, type ProviderAdapter, type RemoteProviderId, type Reply } from './types';

export const adapters: Readonly<Record<RemoteProviderId, ProviderAdapter>> = {
  openai: openaiAdapter,
  anthropic: anthropicAdapter,
  gemini: geminiAdapter,
  'openai-compatible': openaiCompatibleAdapter,
};

/** Why a call gave no usable JSON; `personal-data` when the kit's privacy policy stopped it before sending. */
export type FailureKind = 'auth' | 'network' | 'blocked' | 'http' | 'refusal' | 'unusable' | 'personal-data';

/**
 * What one model call came to, and how many HTTP requests it took. `heldBack` says what personal data
 * stayed home (kinds and counts); `notices` tell the user so, and name placeholders the model made up.
 */
export type ModelAnswer =
  | { ok: true; text: string; requests: number; heldBack: HeldBack[]; notices: string[] }
  | { ok: false; kind: FailureKind; message: string; status?: number; requests: number; heldBack: HeldBack[] };

/**
 * Removes the key from any text that could reach a person, in any mix of capitals: a case fix or a
 * model that retypes the key must not let it through.
 */
export function scrubSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  const folded = text.toLowerCase();
  const needle = secret.toLowerCase();
  // Lower-casing keeps the length of the ASCII a key is made of; text where it would not is scrubbed exactly.
  if (folded.length !== text.length || needle.length !== secret.length) return text.split(secret).join('[key hidden]');
  let out = '';
  let from = 0;
  for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, from)) {
    out += `${text.slice(from, at)}[key hidden]`;
    from = at + needle.length;
  }
  return out + text.slice(from);
}

function post(adapter: ProviderAdapter, config: ModelConfig, body: object): HttpRequest {
  return {
    url: `${(config.baseUrl ?? adapter.defaultBaseUrl).replace(/\/+$/, '')}${adapter.path(config.model)}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...adapter.headers(config.apiKey) },
    body: JSON.stringify(body),
  };
}

function serverMessage(body: string): string {
  const parsed = parseJson(body);
  const message = parsed.ok ? at(parsed.value, 'error', 'message') ?? at(parsed.value, 'message') : undefined;
  return typeof message === 'string' ? `: ${message.slice(0, 200)}` : '';
}

// Said to the model only when something was masked, so it keeps the placeholders where they belong.
const placeholderNote =
  '\n\nSome personal data in the user message was replaced by placeholders: a kind and a number in square brackets. Where one belongs in your answer, copy it exactly as written, and never make one up.';

// A restored value goes back inside a JSON string of the answer, so it is escaped as one.
const inJsonString = (value: string) => JSON.stringify(value).slice(1, -1);

/**
 * Calls a model once (with bounded retries on the wire) and returns its JSON text or why there is none.
 * This is the one way text leaves for a provider, so the privacy screen runs here: personal data is
 * masked (and restored in the answer) or, under the kit's `block` policy, nothing is sent.
 */
export function* callModel(original: RenderedPrompt, config: ModelConfig, policy: RetryPolicy = defaultRetryPolicy): Flow<ModelAnswer> {
  const adapter = adapters[config.provider];
  const { fallback } = adapter;
  const screen = screenTexts([original.system, original.user], config.privacy);
  const { heldBack } = screen;
  if (heldBack.length > 0) config.onHeldBack?.(heldBack, config.privacy?.policy === 'block' ? 'blocked' : 'masked');
  if (heldBack.length > 0 && config.privacy?.policy === 'block') {
    return { ok: false, kind: 'personal-data', message: blockedMessage(adapter.label, heldBack), requests: 0, heldBack };
  }
  const prompt = heldBack.length > 0 ? { ...original, system: screen.texts[0]! + placeholderNote, user: screen.texts[1]! } : original;
  let sent = yield* sendWithRetry(post(adapter, config, adapter.body(prompt, config.model)), policy);
  let requests = sent.requests;
  if (sent.delivery.ok && fallback?.wanted(sent.delivery.response.status, sent.delivery.response.body)) {
    sent = yield* sendWithRetry(post(adapter, config, fallback.body(prompt, config.model)), policy);
    requests += sent.requests;
  }
  const { delivery } = sent;
  const failed = (kind: FailureKind, message: string, status?: number): ModelAnswer => ({ ok: false, kind, status, requests, message: scrubSecret(message, config.apiKey), heldBack });
  if (!delivery.ok && delivery.refused) return failed('blocked', `${adapter.label} was not called: ${delivery.error}`);
  if (!delivery.ok) return failed('network', `${adapter.label} could not be reached after ${requests} attempts (${delivery.error})`);
  const { status, body } = delivery.response;
  // The server's own text may quote part of the key, so it is not repeated.
  if (status === 401 || status === 403 || adapter.keyRefused?.(status, body)) return failed('auth', `${adapter.label} refused the API key (HTTP ${status}). Check the key and its permissions.`, status);
  if (status < 200 || status >= 300) return failed('http', `${adapter.label} answered HTTP ${status}${serverMessage(body)}`, status);
  const json = parseJson(body);
  const reply: Reply = json.ok ? adapter.read(json.value) : { kind: 'unusable', reason: 'the response was not JSON' };
  // The answer is scrubbed as it arrives, before any fix or cut can change how the key is written.
  if (reply.kind === 'json') {
    const restored = screen.restore(scrubSecret(reply.text, config.apiKey), inJsonString);
    const notices = heldBack.length > 0 ? [heldBackNotice(adapter.label, heldBack)] : [];
    if (restored.invented.length > 0) notices.push(inventedNotice(restored.invented));
    return { ok: true, text: restored.text, requests, heldBack, notices };
  }
  const what = reply.kind === 'refusal' ? 'declined to write it' : 'gave no usable answer';
  return failed(reply.kind, `${adapter.label} ${what} (HTTP ${status}): ${reply.reason}`, status);
}
