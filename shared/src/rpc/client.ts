import type { Contract, InputOf, OutputOf, RpcError, RpcResult } from './contract';

/** Sends one request over a host's transport and resolves with the host's answer. */
export type Send = (endpoint: string, input: unknown) => Promise<RpcResult>;

/** The UI sees a failed call as this error, carrying the host's code and message. */
export class RpcCallError extends Error {
  readonly code: string;
  constructor(error: RpcError) {
    super(error.message);
    this.name = 'RpcCallError';
    this.code = error.code;
  }
}

/** The UI side of a contract: `call('getSelectionFrames', {})` resolves with typed output. */
export function createClient<C extends Contract>(_contract: C, send: Send) {
  return async function call<K extends keyof C & string>(endpoint: K, input: InputOf<C, K>): Promise<OutputOf<C, K>> {
    const result = await send(endpoint, input);
    if (!result.ok) throw new RpcCallError(result.error);
    return result.value as OutputOf<C, K>;
  };
}
