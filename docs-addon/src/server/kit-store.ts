import { readApiKey, maskApiKey, readStoredJson, readStoredKit, saveApiKey, storeKitJson, writeStoredJson, urlFetchTransport, appsScriptSleep } from '@onbrand/apps-script/server';
import { describeIssues, type Issue } from '@onbrand/shared';
import type { GenerateSyncOptions, ProviderId } from '@onbrand/shared/generate';
import type { BrandKit } from '@onbrand/shared/kit';
import { adapters, checkModelServerUrl, providerIds } from '@onbrand/shared/generate';
import { listChannels, parseKit, parseKitJson } from '@onbrand/shared/kit';
import { RpcFailure } from '@onbrand/shared/rpc';
import manifest from '../../appsscript.json';
import type { KitSummary, Settings } from '../contract';
import { starterKit } from './starter-kit';

const settingsKey = 'onbrand.settings';

export interface LoadedKit {
  kit: BrandKit;
  source: KitSummary['source'];
}

/** The document's kit, else the user's default, else the starter kit. */
export function loadKit(): LoadedKit {
  const stored = readStoredKit();
  if (stored) return { kit: stored.kit, source: stored.scope };
  const parsed = parseKit(starterKit);
  // The starter kit is code; failing to parse it is a bug.
  if (!parsed.ok) throw new Error(`The starter kit is invalid: ${describeIssues(parsed.issues, '; ')}`);
  return { kit: parsed.value, source: 'starter' };
}

export function summarizeKit(loaded: LoadedKit): KitSummary {
  return {
    name: loaded.kit.name,
    version: loaded.kit.version,
    source: loaded.source,
    channels: listChannels(loaded.kit).map((channel) => ({ id: channel.id, name: channel.name })),
  };
}

/** Validates kit JSON and stores it for this document or as the user's default; a bad kit changes nothing. */
export function importKit(json: string, scope: 'document' | 'user'): { ok: boolean; issues: Issue[]; kit: KitSummary } {
  const refused = (issues: Issue[]) => ({ ok: false, issues, kit: summarizeKit(loadKit()) });
  if (!json.trim()) return refused([{ path: '(root)', message: 'the kit file is empty' }]);
  const parsed = parseKitJson(json);
  if (!parsed.ok) return refused(parsed.issues);
  storeKitJson(scope, json);
  return { ok: true, issues: [], kit: summarizeKit({ kit: parsed.value, source: scope }) };
}

interface StoredSettings {
  provider: ProviderId;
  model: string;
  baseUrl: string;
}

// A provider this version does not know (an old setting, a bad request) means offline.
function knownProvider(id: unknown): ProviderId {
  return providerIds.includes(id as ProviderId) ? (id as ProviderId) : 'offline';
}

function readSettings(): StoredSettings {
  const stored = readStoredJson(PropertiesService.getUserProperties(), settingsKey) as Partial<StoredSettings> | null;
  return { provider: knownProvider(stored?.provider), model: stored?.model ?? '', baseUrl: stored?.baseUrl ?? '' };
}

/** A model server's base URL: https only, and a notice when the fetch allowlist this add-on is built with lacks it. */
const checkServerUrl = (text: string) => checkModelServerUrl(text, manifest.urlFetchWhitelist);

/** Settings as the sidebar may see them: the key only masked. */
export function currentSettings(): Settings {
  const settings = readSettings();
  const url = settings.baseUrl ? checkServerUrl(settings.baseUrl) : null;
  const notice = url ? (url.ok ? url.notice : url.problem) : undefined;
  return { ...settings, keyMask: settings.provider === 'offline' ? null : maskApiKey(readApiKey(settings.provider)), ...(notice ? { notice } : {}) };
}

/** Saves provider and model for this user; a new API key goes to UserProperties and never comes back. */
export function saveSettings(input: { provider: string; model: string; baseUrl: string; apiKey?: string; clearKey: boolean }): Settings {
  const provider = knownProvider(input.provider);
  const baseUrl = input.baseUrl.trim();
  const url = baseUrl ? checkServerUrl(baseUrl) : null;
  if (url && !url.ok) throw new RpcFailure('bad_settings', `Model server URL: ${url.problem}.`);
  writeStoredJson(PropertiesService.getUserProperties(), settingsKey, { provider, model: input.model.trim(), baseUrl }, 'your model settings');
  if (provider !== 'offline') {
    if (input.clearKey) saveApiKey(provider, '');
    else if (input.apiKey?.trim()) saveApiKey(provider, input.apiKey);
  }
  return currentSettings();
}

export function providerList() {
  return providerIds.map((id) => {
    const { label, defaultModel } = id === 'offline' ? { label: 'Offline (no key)', defaultModel: '' } : adapters[id];
    return { id, label, defaultModel };
  });
}

/**
 * Options for the core's generators: offline unless a provider with a key is set. A provider
 * without a key falls back to offline with a notice rather than failing the writer's request.
 */
export function generateOptions(): { options: GenerateSyncOptions; notices: string[] } {
  const settings = readSettings();
  const now = new Date().toISOString();
  if (settings.provider === 'offline') return { options: { now }, notices: [] };
  const apiKey = readApiKey(settings.provider);
  if (!apiKey) return { options: { now }, notices: [`No API key is saved for ${adapters[settings.provider].label}, so this draft is the offline one. Add a key in Settings.`] };
  const options: GenerateSyncOptions = { now, provider: settings.provider, apiKey, transport: urlFetchTransport, sleep: appsScriptSleep };
  if (settings.model) options.model = settings.model;
  if (settings.baseUrl) options.baseUrl = settings.baseUrl;
  return { options, notices: [] };
}
