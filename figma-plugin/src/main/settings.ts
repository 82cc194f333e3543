import { preferencesSchema, type Preferences } from '../contract';
import type { FigmaHost } from './host';

// Preferences and the API key are the user's own: figma.clientStorage, on this machine, never in
// the document where every editor of the file could read them.

const prefsKey = 'onbrand.preferences';
const apiKeyKey = 'onbrand.apiKey';

export async function readPreferences(host: FigmaHost): Promise<Preferences> {
  // A stored value from an older version that no longer fits falls back to the defaults.
  const parsed = preferencesSchema.safeParse((await host.clientStorage.getAsync(prefsKey)) ?? {});
  return parsed.success ? parsed.data : preferencesSchema.parse({});
}

export async function savePreferences(host: FigmaHost, preferences: Preferences): Promise<void> {
  await host.clientStorage.setAsync(prefsKey, preferences);
}

export async function readApiKey(host: FigmaHost): Promise<string> {
  const key: unknown = await host.clientStorage.getAsync(apiKeyKey);
  return typeof key === 'string' ? key : '';
}

export async function saveApiKey(host: FigmaHost, apiKey: string): Promise<void> {
  if (apiKey.trim()) await host.clientStorage.setAsync(apiKeyKey, apiKey.trim());
  else await host.clientStorage.deleteAsync(apiKeyKey);
}

/** Keys this short or shorter show nothing: four characters would be half of one. */
const shortKey = 8;

/** What the UI may show of a key: its last four characters, or nothing of a short key. */
export function maskKey(apiKey: string): string {
  if (!apiKey) return '';
  return apiKey.length <= shortKey ? '••••' : `••••${apiKey.slice(-4)}`;
}
