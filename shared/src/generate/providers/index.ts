export { providerIds, type ProviderId, type RemoteProviderId, type ModelConfig, type ProviderAdapter, type Reply } from './types';
export { parseJson } from './types';
export { adapters, callModel, scrubSecret, type ModelAnswer, type FailureKind } from './call';
