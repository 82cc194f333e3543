import { readStoredJson } from '@onbrand/apps-script/server';
import type { Issue } from '@onbrand/shared';
import type { BrandKit } from '@onbrand/shared/kit';
import { parseKit, parseKitJson } from '@onbrand/shared/kit';
import { under } from './report';

// Where the brand check finds the kit, first found wins:
// 1. this file's document properties (saved from the sidebar; the Docs add-on uses the same key),
// 2. the user's default kit in their user properties,
// 3. the Settings sheet's "Brand kit (JSON)" cell (what =ONBRAND_LINT reads through OnbrandKit).
// There is no bundled fallback: checking copy against another brand's rules would mislead, so
// without a kit the check says how to add one.
export const kitKey = 'onbrand.kit';

export interface FoundKit {
  kit: BrandKit | null;
  source: 'file' | 'user' | 'settings' | null;
  issues: Issue[];
}

export function findKit(settingsKitJson: string): FoundKit {
  for (const [source, store] of [
    ['file', PropertiesService.getDocumentProperties()],
    ['user', PropertiesService.getUserProperties()],
  ] as const) {
    const stored = readStoredJson(store, kitKey);
    if (stored === null) continue;
    const parsed = parseKit(stored);
    if (parsed.ok) return { kit: parsed.value, source, issues: [] };
  }
  if (settingsKitJson.trim() === '') return { kit: null, source: null, issues: [] };
  const parsed = parseKitJson(settingsKitJson);
  return parsed.ok ? { kit: parsed.value, source: 'settings', issues: [] } : { kit: null, source: null, issues: under('Settings › Brand kit', parsed.issues) };
}
