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
export * from './templates';
