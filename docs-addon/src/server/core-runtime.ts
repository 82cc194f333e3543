import { adapters, callModel, generateContentPackSync, providerIds, rewriteToBrandSync, runFlowSync } from '@onbrand/shared/generate';
import { listChannels, parseKit, parseKitJson } from '@onbrand/shared/kit';
import { brandFitScore, isSafeFix, lintText } from '@onbrand/shared/lint';
import { getTemplate, listTemplates, renderPrompt } from '@onbrand/shared/prompts';

/** Everything the add-on uses of the kit, lint, prompt and generation modules; loaded on first use (see lazy-core). */
export const coreRuntime = {
  adapters,
  callModel,
  generateContentPackSync,
  providerIds,
  rewriteToBrandSync,
  runFlowSync,
  listChannels,
  parseKit,
  parseKitJson,
  brandFitScore,
  isSafeFix,
  lintText,
  getTemplate,
  listTemplates,
  renderPrompt,
};
export type CoreRuntime = typeof coreRuntime;
