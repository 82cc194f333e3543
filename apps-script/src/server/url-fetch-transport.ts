import type { HttpResponse, SyncSleep, SyncTransport } from '@onbrand/shared/generate';

/**
 * The core's transport over UrlFetchApp. muteHttpExceptions lets the core see every status (429,
 * 5xx, 401) and decide on retries itself, rather than Apps Script throwing a generic error.
 */
export const urlFetchTransport: SyncTransport = (request): HttpResponse => {
  const response = UrlFetchApp.fetch(request.url, {
    method: request.method.toLowerCase() as GoogleAppsScript.URL_Fetch.HttpMethod,
    headers: request.headers,
    payload: request.body,
    muteHttpExceptions: true,
  });
  return { status: response.getResponseCode(), headers: response.getAllHeaders() as Record<string, string>, body: response.getContentText() };
};

/** Apps Script has no timers: waiting between retries blocks with Utilities.sleep. */
export const appsScriptSleep: SyncSleep = (ms) => Utilities.sleep(ms);
