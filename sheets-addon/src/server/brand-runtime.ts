import { adapters, callModel, hashString, offlineModel, runFlowSync } from '@onbrand/shared/generate';
import { listChannels, parseKit, parseKitJson, resolveChannel } from '@onbrand/shared/kit';
import { lintText } from '@onbrand/shared/lint';
import { experimentInsightTemplate, renderPrompt } from '@onbrand/shared/prompts';

/** What the add-on uses of the kit, lint, prompts and generate modules; loaded on first use (see lazy-core). */
export const brandRuntime = { adapters, callModel, hashString, offlineModel, runFlowSync, listChannels, parseKit, parseKitJson, resolveChannel, lintText, experimentInsightTemplate, renderPrompt };
export type BrandRuntime = typeof brandRuntime;
