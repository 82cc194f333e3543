import type { HttpRequest, HttpResponse, Transport } from '@onbrand/shared/generate';
import { RpcFailure } from '@onbrand/shared/rpc';
import { apiKeyPlaceholder } from '../contract';
import { readApiKey } from './settings';
import type { FigmaHost } from './host';

// Model providers refuse the UI iframe's null origin, so the UI's model requests go out through the
// main thread. The saved key is filled in here, and only what the UI needs comes back: the status,
// the body and the headers that steer a retry, with any echo of the key taken out of the body.

/** Response headers the UI may see (lower case): the body's type and the wait a provider asks for. */
const uiHeaders: ReadonlySet<string> = new Set(['content-type', 'retry-after', 'retry-after-ms']);
const hidden = '••••';

export async function sendModelRequest(host: FigmaHost, transport: Transport | undefined, request: HttpRequest): Promise<HttpResponse> {
  if (!transport) throw new RpcFailure('offline', 'There is no network here; the copy comes from the offline generator.');
  const apiKey = await readApiKey(host);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = value.split(apiKeyPlaceholder).join(apiKey);
  const response = await transport({ ...request, headers });
  const safe: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) if (uiHeaders.has(name.toLowerCase())) safe[name.toLowerCase()] = value;
  return { status: response.status, headers: safe, body: apiKey ? response.body.split(apiKey).join(hidden) : response.body };
}
