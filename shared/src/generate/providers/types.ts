import type { RenderedPrompt } from '../../prompts';
import type { HttpRequest } from '../transport';

export const providerIds = ['offline', 'openai', 'anthropic', 'gemini', 'openai-compatible'] as const;
export type ProviderId = (typeof providerIds)[number];
export type RemoteProviderId = Exclude<ProviderId, 'offline'>;

/** Where and as whom to call a model. */
export interface ModelConfig {
  provider: RemoteProviderId;
  model: string;
  apiKey?: string;
  baseUrl?: string;
}

/** What a model said: JSON text, a refusal, or something unusable. */
export type Reply = { kind: 'json'; text: string } | { kind: 'refusal'; reason: string } | { kind: 'unusable'; reason: string };

/** One provider's wire format. */
export interface ProviderAdapter {
  id: RemoteProviderId;
  /** How messages name it. */
  label: string;
  defaultModel: string;
  defaultBaseUrl: string;
  request(prompt: RenderedPrompt, config: ModelConfig): HttpRequest;
  /** A second form of the request for models that refuse the first (Anthropic's forced tool call). */
  fallbackRequest?(prompt: RenderedPrompt, config: ModelConfig): HttpRequest;
  /** Whether a 400 answer means the first form is not supported by this model. */
  wantsFallback?(status: number, body: string): boolean;
  /** Whether an answer other than 401 or 403 means the key is wrong (Gemini says so with a 400). */
  keyRefused?(status: number, body: string): boolean;
  read(body: string): Reply;
}

/** Parses JSON without throwing. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Reads a dotted path through unknown JSON. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

// Output budgets: a whole content pack is about 1,500 words of JSON.
export const maxOutputTokens = 4096;
