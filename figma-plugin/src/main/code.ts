import type { Transport } from '@onbrand/shared/generate';
import type { FigmaHost } from './host';
import { startPlugin } from './plugin';

// Model providers refuse the UI iframe's null origin, so requests go out through the main thread's fetch.
const transport: Transport = async (request) => {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
  return { status: response.status, headers: response.headersObject, body: await response.text() };
};

// Assigning the real API to the carved-out type proves the carve-out matches Figma's typings.
const host: FigmaHost = figma;
startPlugin(host, __html__, { transport });
