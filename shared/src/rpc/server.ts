import { describeIssues, parseWith } from '../issues';
import type { Contract, Handlers, RpcError, RpcResult } from './contract';
import { RpcFailure } from './contract';

type Prepared = { ok: true; run: () => unknown; finish: (value: unknown) => RpcResult } | { ok: false; result: RpcResult };

// Validation is shared by the async (Figma) and sync (Apps Script) dispatchers:
// Apps Script has no event loop to settle a promise before it answers google.script.run.
function prepare(contract: Contract, handlers: Record<string, (input: never) => unknown>, endpoint: string, input: unknown): Prepared {
  const spec = Object.prototype.hasOwnProperty.call(contract, endpoint) ? contract[endpoint] : undefined;
  const handler = spec && handlers[endpoint];
  if (!spec || !handler) return { ok: false, result: failure('unknown_endpoint', `There is no endpoint named "${endpoint}".`) };
  const parsed = parseWith(spec.input, input);
  if (!parsed.ok) return { ok: false, result: failure('bad_input', `${endpoint}: ${describeIssues(parsed.issues)}`) };
  return {
    ok: true,
    run: () => handler(parsed.value as never),
    finish: (value) => {
      const checked = parseWith(spec.output, value);
      // An answer outside its schema is our bug, not the user's; say so plainly.
      return checked.ok ? { ok: true, value: checked.value } : failure('internal', `${endpoint} answered out of contract: ${describeIssues(checked.issues)}`);
    },
  };
}

function failure(code: string, message: string): RpcResult {
  return { ok: false, error: { code, message } };
}

/** Maps a thrown value to an RPC error; unexpected errors keep only their message. */
export function toRpcError(error: unknown): RpcError {
  if (error instanceof RpcFailure) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: message || 'Something went wrong.' };
}

/** Builds the host side of a contract for hosts with an event loop (Figma, the preview). */
export function createDispatcher<C extends Contract>(contract: C, handlers: Handlers<C>) {
  return async function dispatch(endpoint: string, input: unknown): Promise<RpcResult> {
    const prepared = prepare(contract, handlers as never, endpoint, input);
    if (!prepared.ok) return prepared.result;
    try {
      return prepared.finish(await prepared.run());
    } catch (error) {
      return { ok: false, error: toRpcError(error) };
    }
  };
}

/** Builds the host side of a contract for Apps Script, where every handler is synchronous. */
export function createSyncDispatcher<C extends Contract>(contract: C, handlers: Handlers<C, false>) {
  return function dispatch(endpoint: string, input: unknown): RpcResult {
    const prepared = prepare(contract, handlers as never, endpoint, input);
    if (!prepared.ok) return prepared.result;
    try {
      return prepared.finish(prepared.run());
    } catch (error) {
      return { ok: false, error: toRpcError(error) };
    }
  };
}
