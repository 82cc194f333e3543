import { filled } from '../kit/fields';
import { once } from '../once';
import type * as z from '../zod';

/** One endpoint: the schema of what the UI sends and of what the host answers. */
export interface Endpoint<I extends z.ZodMiniType = z.ZodMiniType, O extends z.ZodMiniType = z.ZodMiniType> {
  input: I;
  output: O;
}

/** A surface's whole API between its UI and its host: endpoint name → schemas. */
export type Contract = Record<string, Endpoint>;

export type InputOf<C extends Contract, K extends keyof C> = z.input<C[K]['input']>;
export type OutputOf<C extends Contract, K extends keyof C> = z.output<C[K]['output']>;

/** The host's implementation of a contract; Apps Script handlers must be synchronous. */
export type Handlers<C extends Contract, Async extends boolean = true> = {
  [K in keyof C]: (
    input: z.output<C[K]['input']>,
  ) => Async extends true ? Promise<z.input<C[K]['output']>> | z.input<C[K]['output']> : z.input<C[K]['output']>;
};

export interface RpcError {
  /** Stable and machine-readable: `bad_input`, `no_selection`, `internal` … */
  code: string;
  /** Says what is wrong and where, in words the user understands. */
  message: string;
}

export type RpcResult<T = unknown> = { ok: true; value: T } | { ok: false; error: RpcError };

/** A text field the caller must fill, such as an id; missing or empty, the error says what was expected. */
export const requiredText = (what: string) => filled(`expected ${what}`);

/** Identity at run time; it only gives the contract its precise type. */
export function defineContract<C extends Contract>(contract: C): C {
  return contract;
}

/**
 * A contract whose endpoints' schemas are built the first time each is looked up. Apps Script
 * evaluates the whole bundle on every call and runs one endpoint, so building every schema at load
 * would cost more than most calls. The getters keep each endpoint's precise type.
 */
export function defineContractOnDemand<M extends Record<string, () => Endpoint>>(makers: M): { [K in keyof M]: ReturnType<M[K]> } {
  const contract = {} as { [K in keyof M]: ReturnType<M[K]> };
  for (const name of Object.keys(makers) as (keyof M)[]) Object.defineProperty(contract, name, { enumerable: true, get: once(makers[name]!) });
  return contract;
}

/** Thrown by a handler for a failure the user can act on; it reaches the UI as `{ ok: false, error }`. */
export class RpcFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RpcFailure';
  }
}
