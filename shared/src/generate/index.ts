export { briefSchema, parseBrief, parseBriefJson, type Brief } from './brief';
export { parseBriefFile, parseBriefMarkdown, parseBriefTable } from './brief-file';
export { channelPieces, generateContentPack, generateContentPackSync, readPackCopy } from './content-pack';
export {
  generateVariants,
  generateVariantsSync,
  generateSlotVariants,
  generateSlotVariantsSync,
  variantRequestSchema,
  slotRequestSchema,
  type VariantRequest,
  type VariantSet,
  type SlotRequest,
  type SlotVariants,
  type SlotVariantSet,
} from './variants';
export { rewriteToBrand, rewriteToBrandSync, type Rewrite, type RewriteTarget } from './rewrite';
export { modelConfig, offlineModel, type GenerateOptions, type GenerateSyncOptions } from './model-config';
export { channelLimit, disclosureFor, packCopySchema, type ContentPack, type PackCopy, type Piece, type Provenance, type Limit } from './pack';
export { adapters, callModel, parseJson, providerIds, scrubSecret, type ProviderId, type RemoteProviderId, type ModelConfig, type ModelAnswer } from './providers';
export { defaultRetryPolicy, retryAfterMs, retryPolicyWithin, type RetryPolicy } from './retry';
export { RequestRefused, runFlow, runFlowSync, type HttpRequest, type HttpResponse, type Transport, type SyncTransport, type Sleep, type SyncSleep, type Flow } from './transport';
export { allowlistAdvice, allowlistPrefixFor, checkModelServerUrl, isAllowlisted, matchesAllowlistPrefix, serverUrlProblem } from './fetch-allowlist';
export { hashString, canonicalJson, seededRandom, type Random } from './seed';
export { fitWords, useKitTerms } from './copy';
