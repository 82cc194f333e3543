import { isAllowlisted } from '@onbrand/shared/generate';
import { countCalls, type CallLog } from '../call-log';
import { hostException, requireScope, type AppsScriptManifest } from './scopes';
import { FakeClock } from './fake-clock';

export interface FetchedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  payload: string;
  muteHttpExceptions: boolean;
}
export type FetchHandler = (request: FetchedRequest) => { status: number; body: string; headers?: Record<string, string> };

/** The answer object UrlFetchApp returns. */
export class FakeHttpResponse {
  constructor(private readonly answer: ReturnType<FetchHandler>) {}
  getResponseCode(): number {
    return this.answer.status;
  }
  getContentText(): string {
    return this.answer.body;
  }
  getAllHeaders(): Record<string, string> {
    return this.answer.headers ?? {};
  }
  getHeaders(): Record<string, string> {
    return this.answer.headers ?? {};
  }
}

/**
 * UrlFetchApp with a scripted network. The preview is offline, so by default every fetch fails as a
 * DNS failure would; tests set `handler` to speak a provider's wire format. As in Apps Script, the
 * manifest must grant script.external_request, and a manifest with urlFetchWhitelist lets only
 * URLs under its https:// prefixes through; a refused request never reaches the handler.
 */
export class FakeUrlFetchApp {
  readonly requests: FetchedRequest[] = [];
  handler: FetchHandler = (request) => {
    throw new Error(`Address unavailable: ${new URL(request.url).host} (the preview is offline)`);
  };

  /** How long each request takes on the simulated clock; a run can reach its time limit waiting. */
  latencyMs = 0;

  constructor(
    readonly calls: CallLog,
    private readonly manifest: AppsScriptManifest,
    readonly clock = new FakeClock(),
  ) {}

  fetch(url: string, params: { method?: string; headers?: Record<string, string>; payload?: string; muteHttpExceptions?: boolean; contentType?: string } = {}): FakeHttpResponse {
    requireScope(this.manifest, 'UrlFetchApp', 'fetch');
    const allowlist = this.manifest.urlFetchWhitelist;
    // Apps Script's words (it still says "whitelisted"); muteHttpExceptions does not silence it.
    if (allowlist && !isAllowlisted(url, allowlist)) throw hostException(`Request to ${url} failed because the URL has not been whitelisted in the script manifest.`);
    const request: FetchedRequest = {
      url,
      method: (params.method ?? 'get').toUpperCase(),
      headers: { ...(params.contentType ? { 'content-type': params.contentType } : {}), ...(params.headers ?? {}) },
      payload: params.payload ?? '',
      muteHttpExceptions: params.muteHttpExceptions ?? false,
    };
    this.requests.push(request);
    const answer = this.handler(request);
    this.clock.advance(this.latencyMs);
    // Without muteHttpExceptions, Apps Script throws on any status of 400 or more.
    if (answer.status >= 400 && !request.muteHttpExceptions) throw new Error(`Request failed for ${url} returned code ${answer.status}.`);
    return new FakeHttpResponse(answer);
  }
}

countCalls(FakeUrlFetchApp, 'UrlFetchApp', ['fetch']);
