import { readStoredKit } from '@onbrand/apps-script/server';
import type { Issue } from '@onbrand/shared';
import type { BrandKit } from '@onbrand/shared/kit';
import { parseKitJson } from '@onbrand/shared/kit';
import { under } from './report';

// Where the brand check finds the kit, first found wins:
// 1. this file's document properties (saved from the sidebar, as in the Docs add-on),
// 2. the user's default kit in their user properties,
// 3. the Settings sheet's "Brand kit (JSON)" cell (what =ONBRAND_LINT reads through OnbrandKit).
// There is no bundled fallback: checking copy against another brand's rules would mislead, so
// without a kit the check says how to add one.
export interface FoundKit {
  kit: BrandKit | null;
  issues: Issue[];
}

export function findKit(settingsKitJson: string): FoundKit {
  const stored = readStoredKit();
  if (stored) return { kit: stored.kit, issues: [] };
  if (settingsKitJson.trim() === '') return { kit: null, issues: [] };
  const parsed = parseKitJson(settingsKitJson);
  return parsed.ok ? { kit: parsed.value, issues: [] } : { kit: null, issues: under('Settings › Brand kit', parsed.issues) };
}
