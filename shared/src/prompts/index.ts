export { renderText, neutraliseFence, type RenderError, type RenderResult } from './render';
export { brandVoiceView, brandVoicePartial, dataPolicyPartial, type BrandVoiceView, type VoiceSection } from './brand-voice';
export { briefViewSchema, type BriefView } from './brief-view';
export { jsonArray, jsonObject, jsonString, type JsonSchema } from './output-schema';
export { defineTemplate, type PromptTemplate } from './template';
export {
  listTemplates,
  getTemplate,
  renderPrompt,
  renderTemplate,
  partials,
  type RenderedPrompt,
  type PromptResult,
} from './registry';
export { contentPackTemplate } from './templates/content-pack';
export { subjectLinesTemplate } from './templates/subject-lines';
export { adVariantsTemplate } from './templates/ad-variants';
export { rewriteToBrandTemplate } from './templates/rewrite-to-brand';
export { experimentInsightTemplate } from './templates/experiment-insight';
export { localizeShortCopyTemplate } from './templates/localize-short-copy';
