import { describe, expect, it } from 'vitest';
import {
  generateContentPackSync,
  retryAfterMs,
  scrubSecret,
  type HttpRequest,
  type HttpResponse,
  type SyncTransport,
} from '../../../shared/src/generate';
import { apiKey, brief, now, testKit, validCopy } from './support';

const kit = testKit();

function chat(content: string): HttpResponse {
  return { status: 200, body: JSON.stringify({ choices: [{ message: { role: 'assistant', content, refusal: null } }] }) };
}

// A blocking transport like Apps Script's UrlFetchApp.fetch, answering from a script.
function blocking(answers: (HttpResponse | Error)[]): { transport: SyncTransport; requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  const transport: SyncTransport = (request) => {
    requests.push(request);
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)]!;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { transport, requests };
}

describe('the synchronous driver (Apps Script)', () => {
  it('produces a model pack from a blocking transport in one request', () => {
    const { transport, requests } = blocking([chat(JSON.stringify(validCopy()))]);
    const out = generateContentPackSync(brief, kit, { provider: 'openai', apiKey, transport, now });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('https://api.openai.com/v1/chat/completions');
    expect(out.ok && out.value.provenance.provider).toBe('openai');
  });

  it('waits with the host\'s blocking sleep before retrying', () => {
    const waits: number[] = [];
    const { transport, requests } = blocking([{ status: 429, headers: { 'Retry-After': '3' }, body: '{}' }, chat(JSON.stringify(validCopy()))]);
    const out = generateContentPackSync(brief, kit, { provider: 'openai', apiKey, transport, sleep: (ms) => void waits.push(ms), now });
    expect(requests).toHaveLength(2);
    expect(waits).toEqual([3000]);
    expect(out.ok && out.value.provenance.provider).toBe('openai');
  });

  it('treats a thrown network error as retryable, then falls back with the reason', () => {
    const { transport, requests } = blocking([new Error('Address unavailable')]);
    const out = generateContentPackSync(brief, kit, { provider: 'openai', apiKey, transport, now });
    expect(requests).toHaveLength(3);
    expect(out.ok && out.value.notices[0]).toMatch(/OpenAI could not be reached after 3 attempts \(Address unavailable\)/);
  });

  it('keeps the key out of a transport error that quotes it', () => {
    const { transport } = blocking([new Error(`GET https://x/?key=${apiKey} failed`)]);
    const out = generateContentPackSync(brief, kit, { provider: 'gemini', apiKey, transport, now });
    expect(JSON.stringify(out)).not.toContain(apiKey);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds, milliseconds, and ignores what it cannot read', () => {
    expect(retryAfterMs({ status: 429, headers: { 'retry-after': '2' }, body: '' })).toBe(2000);
    expect(retryAfterMs({ status: 429, headers: { 'retry-after-ms': '150' }, body: '' })).toBe(150);
    expect(retryAfterMs({ status: 429, headers: { 'Retry-After': 'Wed, 21 Oct 2026 07:28:00 GMT' }, body: '' })).toBeUndefined();
    expect(retryAfterMs({ status: 429, body: '' })).toBeUndefined();
  });
});

describe('scrubSecret', () => {
  it('hides every copy of the key', () => {
    expect(scrubSecret(`a ${apiKey} b ${apiKey}`, apiKey)).toBe('a [key hidden] b [key hidden]');
    expect(scrubSecret('nothing here', undefined)).toBe('nothing here');
    expect(scrubSecret(`A ${apiKey.toUpperCase()} b Sk${apiKey.slice(2)}`, apiKey)).toBe('A [key hidden] b [key hidden]');
  });
});
