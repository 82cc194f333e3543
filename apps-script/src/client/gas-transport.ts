/// <reference path="./google-script.d.ts" />
import type { RpcResult, Send } from '@onbrand/shared/rpc';

/**
 * Sends one request through google.script.run. The server answers every endpoint with an
 * RpcResult; a thrown server error (quota, timeout, authorization) becomes one too, so callers
 * handle a single shape. Arguments are plain JSON: google.script.run rejects Date objects.
 */
export const gasSend: Send = (endpoint, input) =>
  new Promise<RpcResult>((resolve) => {
    google.script.run
      .withSuccessHandler((result: RpcResult) => resolve(result))
      .withFailureHandler((error: Error) => resolve({ ok: false, error: { code: 'server_error', message: error.message || String(error) } }))
      [endpoint](input);
  });
