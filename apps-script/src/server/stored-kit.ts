import { parseKit, type BrandKit } from '@onbrand/shared/kit';
import { readStoredJson, writeStoredJson } from './stored-json';

// Both add-ons keep a brand kit under one key: in the file's document properties (every editor
// shares it) or in a user's own properties as their default. Both are chunked JSON, since a kit
// outgrows one 9 KB property.
const kitKey = 'onbrand.kit';

export type KitScope = 'document' | 'user';

const storeFor = (scope: KitScope) => (scope === 'document' ? PropertiesService.getDocumentProperties() : PropertiesService.getUserProperties());

/**
 * The kit saved for this file, else this user's default; a stored kit that no longer parses is
 * passed over. A custom function asks for the file's kit only: it may not read the user's store.
 */
export function readStoredKit(scopes: readonly KitScope[] = ['document', 'user']): { kit: BrandKit; scope: KitScope } | null {
  for (const scope of scopes) {
    const stored = readStoredJson(storeFor(scope), kitKey);
    if (stored === null) continue;
    const parsed = parseKit(stored);
    if (parsed.ok) return { kit: parsed.value, scope };
  }
  return null;
}

/** Saves kit JSON, already validated by the caller, for this file or as this user's default. */
export function storeKitJson(scope: KitScope, json: string): void {
  writeStoredJson(storeFor(scope), kitKey, JSON.parse(json), scope === 'document' ? 'the brand kit for this file' : 'your default brand kit');
}
