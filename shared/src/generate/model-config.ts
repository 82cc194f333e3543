import type { Issue, Parsed } from '../issues';
import type { BrandKit } from '../kit';
import type { HeldBack } from '../privacy';
import { PersonalDataBlocked } from './ask';
import { adapters, type ModelConfig, type ProviderId } from './providers';
import { defaultRetryPolicy, type RetryPolicy } from './retry';
import type { Flow, Sleep, SyncSleep, SyncTransport, Transport } from './transport';

/** How to generate: the provider (offline by default), the model and how to reach it, and the time. */
export interface GenerateOptions {
  provider?: ProviderId;
  model?: string;
  baseUrl?: string;
  apiKey?: string;
  transport?: Transport;
  /** The time recorded in provenance; the core never reads a clock. */
  now: Date | string;
  /** Waits between retries; without it retries happen at once (Apps Script has no timer). */
  sleep?: Sleep;
  retry?: RetryPolicy;
  /** Told what each model request held back (kinds and counts, never values), for an audit log. */
  onHeldBack?: (heldBack: HeldBack[], outcome: 'masked' | 'blocked') => void;
}

/** The same options for hosts whose network calls block (Apps Script's UrlFetchApp). */
export interface GenerateSyncOptions extends Omit<GenerateOptions, 'transport' | 'sleep'> {
  transport?: SyncTransport;
  sleep?: SyncSleep;
}

export const offlineModel = 'onbrand-offline-1';

export function isoTime(now: Date | string): string {
  return typeof now === 'string' ? now : now.toISOString();
}

/** The model to call, screened by the kit's privacy section, or the issues that stop the call (no key, no base URL, no transport). */
export function modelConfig(options: GenerateOptions | GenerateSyncOptions, kit?: BrandKit): { ok: true; value: ModelConfig | null } | { ok: false; issues: Issue[] } {
  const provider = options.provider ?? 'offline';
  if (provider === 'offline') return { ok: true, value: null };
  const adapter = adapters[provider];
  const issues: Issue[] = [];
  if (!options.apiKey) issues.push({ path: 'apiKey', message: `${adapter.label} needs an API key` });
  if (provider === 'openai-compatible' && !options.baseUrl) issues.push({ path: 'baseUrl', message: 'an OpenAI-compatible provider needs a base URL' });
  if (!options.transport) issues.push({ path: 'transport', message: 'calling a model needs a transport' });
  if (issues.length) return { ok: false, issues };
  const value: ModelConfig = { provider, model: options.model ?? adapter.defaultModel };
  if (options.apiKey) value.apiKey = options.apiKey;
  if (options.baseUrl) value.baseUrl = options.baseUrl;
  if (kit?.privacy) value.privacy = kit.privacy;
  if (options.onHeldBack) value.onHeldBack = options.onHeldBack;
  return { ok: true, value };
}

/**
 * A draft offline, or from the configured model (whose flow falls back to offline itself); bad options
 * come back as issues, and so does text the kit's privacy policy blocks from being sent.
 */
export function* drafted<R>(
  options: GenerateOptions | GenerateSyncOptions,
  kit: BrandKit,
  offline: () => R,
  model: (config: ModelConfig, policy: RetryPolicy) => Flow<R>,
): Flow<Parsed<R>> {
  const config = modelConfig(options, kit);
  if (!config.ok) return config;
  if (!config.value) return { ok: true, value: offline() };
  try {
    return { ok: true, value: yield* model(config.value, options.retry ?? defaultRetryPolicy) };
  } catch (error) {
    if (error instanceof PersonalDataBlocked) return { ok: false, issues: [{ path: 'privacy', message: error.message }] };
    throw error;
  }
}
