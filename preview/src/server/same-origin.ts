import type { IncomingHttpHeaders } from 'node:http';

// The preview runs add-on code over simulated files, so only pages it served itself may call it.
// A web page elsewhere can send a "simple" cross-origin POST (text/plain, no preflight) to
// 127.0.0.1, and DNS rebinding can point any host name there; so the Host header must name this
// server, a call must come from its own origin (Origin, or Sec-Fetch-Site where browsers send it),
// and a POST must be JSON, which a cross-origin page cannot send without a preflight this server never answers.

/** Why a request is refused, or undefined when it may proceed. */
export function refusal(method: string | undefined, headers: IncomingHttpHeaders, port: number, api: boolean): string | undefined {
  const own = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!own.includes(headers.host ?? '')) return `the preview answers only requests for ${own.join(' or ')}`;
  if (!api) return undefined;
  const origin = headers.origin;
  if (origin !== undefined && !own.some((host) => origin === `http://${host}`)) return `the preview answers only its own pages, not ${origin}`;
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'the preview answers only its own pages';
  if (method === 'POST' && !/^application\/json\b/i.test(headers['content-type'] ?? '')) return 'the preview accepts only JSON calls';
  return undefined;
}
