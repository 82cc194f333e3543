import { allowlistAdvice, allowlistPrefixFor, RequestRefused, type HttpResponse, type SyncSleep, type SyncTransport } from '@onbrand/shared/generate';

// Apps Script refuses a URL outside the manifest's urlFetchWhitelist ("Request to <url> failed
// because the URL has not been whitelisted in the script manifest.") and a fetch the manifest
// grants no scope for ("You do not have permission to call UrlFetchApp.fetch"). Neither is a
// network fault: the same request fails the same way every time until the manifest changes.
const notAllowlisted = /been whitelisted in the script manifest|allowlist/i;
const noPermission = /do not have permission to call UrlFetchApp/i;

/** The error a refused fetch becomes: what was refused and what to change, never retried. */
export function refusedFetch(url: string, error: unknown): RequestRefused | null {
  const message = error instanceof Error ? error.message : String(error);
  // The query string is left out: it is no help in finding the server and could carry a secret.
  const where = url.split(/[?#]/)[0];
  if (notAllowlisted.test(message)) {
    return new RequestRefused(`Apps Script refused to fetch ${where}: ${allowlistPrefixFor(url)} is not in the add-on's urlFetchWhitelist. ${allowlistAdvice(url)}.`);
  }
  if (noPermission.test(message)) {
    return new RequestRefused(`Apps Script refused to fetch ${where}: the add-on's manifest does not grant https://www.googleapis.com/auth/script.external_request. Add it to oauthScopes in appsscript.json, then rebuild and push.`);
  }
  return null;
}

/**
 * The core's transport over UrlFetchApp. muteHttpExceptions lets the core see every status (429,
 * 5xx, 401) and decide on retries itself, rather than Apps Script throwing a generic error.
 */
export const urlFetchTransport: SyncTransport = (request): HttpResponse => {
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(request.url, {
      method: request.method.toLowerCase() as GoogleAppsScript.URL_Fetch.HttpMethod,
      headers: request.headers,
      payload: request.body,
      muteHttpExceptions: true,
    });
  } catch (error) {
    throw refusedFetch(request.url, error) ?? error;
  }
  return { status: response.getResponseCode(), headers: response.getAllHeaders() as Record<string, string>, body: response.getContentText() };
};

/** Apps Script has no timers: waiting between retries blocks with Utilities.sleep. */
export const appsScriptSleep: SyncSleep = (ms) => Utilities.sleep(ms);
