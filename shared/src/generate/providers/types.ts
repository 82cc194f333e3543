import type { HeldBack, PrivacySettings } from '../../privacy';
import type { RenderedPrompt } from '../../prompts';

export const providerIds = ['offline', 'openai', 'anthropic', 'gemini', 'openai-compatible'] as const;
export type ProviderId = (typeof providerIds)[number];
export type RemoteProviderId = Exclude<ProviderId, 'offline'>;

/** Where and as whom to call a model. */
export interface ModelConfig {
  provider: RemoteProviderId;
  model: string;
  apiKey?: string;
  baseUrl?: string;
  /** The kit's privacy section; without it personal data is masked with nothing allowed. */
  privacy?: PrivacySettings;
  /** Told what each request held back (kinds and counts, never values), for an audit log. */
  onHeldBack?: (heldBack: HeldBack[], outcome: 'masked' | 'blocked') => void;
}

/** What a model said: JSON text, a refusal, or something unusable. */
export type Reply = { kind: 'json'; text: string } | { kind: 'refusal'; reason: string } | { kind: 'unusable'; reason: string };

/**
 * One provider's wire format. Every request is a JSON POST to the base URL plus `path`, with the
 * provider's key headers; the answer's JSON is handed to `read`.
 */
export interface ProviderAdapter {
  /** How messages name it. */
  label: string;
  defaultModel: string;
  defaultBaseUrl: string;
  path(model: string): string;
  headers(apiKey: string | undefined): Record<string, string>;
  body(prompt: RenderedPrompt, model: string): object;
  /** A second body for models that refuse the first (Anthropic's forced tool call), and whether an answer asks for it. */
  fallback?: { body(prompt: RenderedPrompt, model: string): object; wanted(status: number, body: string): boolean };
  /** Whether an answer other than 401 or 403 means the key is wrong (Gemini says so with a 400). */
  keyRefused?(status: number, body: string): boolean;
  read(json: unknown): Reply;
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

/** The answer's text as JSON, or unusable when there is none. */
export function textReply(text: string): Reply {
  return text ? { kind: 'json', text } : { kind: 'unusable', reason: 'the response held no text' };
}
