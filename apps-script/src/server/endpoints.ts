import { createSyncDispatcher, type Contract, type Handlers, type RpcResult } from '@onbrand/shared/rpc';

export type ExposedEndpoints<C extends Contract> = { [K in keyof C & string]: (input: unknown) => RpcResult };

/**
 * One plain function per endpoint, because google.script.run calls server functions by name.
 * Each validates its input and answers `{ ok, value }` or `{ ok: false, error }`; it never throws,
 * so the sidebar always gets a message it can show.
 */
export function exposeEndpoints<C extends Contract>(contract: C, handlers: Handlers<C, false>): ExposedEndpoints<C> {
  const dispatch = createSyncDispatcher(contract, handlers);
  const exposed: Record<string, (input: unknown) => RpcResult> = {};
  for (const name of Object.keys(contract)) exposed[name] = (input) => dispatch(name, input);
  return exposed as ExposedEndpoints<C>;
}
