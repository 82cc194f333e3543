// API keys live in UserProperties: only this user can read them, within this script. Never in
// DocumentProperties (every editor of the file reads those) or ScriptProperties (every user of the
// add-on reads those), and never in a sheet, document, log or error message.

const keyName = (provider: string) => `onbrand.apiKey.${provider}`;

/** Saves a provider's key for this user; a blank key removes it. */
export function saveApiKey(provider: string, key: string): void {
  const store = PropertiesService.getUserProperties();
  const trimmed = key.trim();
  if (trimmed) store.setProperty(keyName(provider), trimmed);
  else store.deleteProperty(keyName(provider));
}

/** The key itself, for the server's own requests only; never send it to the sidebar. */
export function readApiKey(provider: string): string | null {
  return PropertiesService.getUserProperties().getProperty(keyName(provider));
}

/** What the sidebar may show: whether a key is set, and its last four characters. */
export function maskApiKey(key: string | null): string | null {
  if (!key) return null;
  return key.length <= 8 ? '••••' : `••••${key.slice(-4)}`;
}
