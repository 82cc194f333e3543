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

/** Why a call gave no usable JSON. */
export type FailureKind = 'auth' | 'network' | 'blocked' | 'http' | 'refusal' | 'unusable';

/** What one model call came to, and how many HTTP requests it took. */
export type ModelAnswer =
  | { ok: true; text: string; requests: number }
  | { ok: false; kind: FailureKind; message: string; status?: number; requests: number };

/** Removes the key from any text that could reach a person. */
export function scrubSecret(text: string, secret: string | undefined): string {
  return secret && secret.length >= 4 ? text.split(secret).join('[key hidden]') : text;
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

/** Calls a model once (with bounded retries on the wire) and returns its JSON text or why there is none. */
export function* callModel(prompt: RenderedPrompt, config: ModelConfig, policy: RetryPolicy = defaultRetryPolicy): Flow<ModelAnswer> {
  const adapter = adapters[config.provider];
  const { fallback } = adapter;
  let sent = yield* sendWithRetry(post(adapter, config, adapter.body(prompt, config.model)), policy);
  let requests = sent.requests;
  if (sent.delivery.ok && fallback?.wanted(sent.delivery.response.status, sent.delivery.response.body)) {
    sent = yield* sendWithRetry(post(adapter, config, fallback.body(prompt, config.model)), policy);
    requests += sent.requests;
  }
  const { delivery } = sent;
  const failed = (kind: FailureKind, message: string, status?: number): ModelAnswer => ({ ok: false, kind, status, requests, message: scrubSecret(message, config.apiKey) });
  if (!delivery.ok && delivery.refused) return failed('blocked', `${adapter.label} was not called: ${delivery.error}`);
  if (!delivery.ok) return failed('network', `${adapter.label} could not be reached after ${requests} attempts (${delivery.error})`);
  const { status, body } = delivery.response;
  // The server's own text may quote part of the key, so it is not repeated.
  if (status === 401 || status === 403 || adapter.keyRefused?.(status, body)) return failed('auth', `${adapter.label} refused the API key (HTTP ${status}). Check the key and its permissions.`, status);
  if (status < 200 || status >= 300) return failed('http', `${adapter.label} answered HTTP ${status}${serverMessage(body)}`, status);
  const json = parseJson(body);
  const reply: Reply = json.ok ? adapter.read(json.value) : { kind: 'unusable', reason: 'the response was not JSON' };
  if (reply.kind === 'json') return { ok: true, text: reply.text, requests };
  const what = reply.kind === 'refusal' ? 'declined to write it' : 'gave no usable answer';
  return failed(reply.kind, `${adapter.label} ${what} (HTTP ${status}): ${reply.reason}`, status);
}
