import { describe, expect, it } from 'vitest';
import { checkModelServerUrl, generateContentPackSync, isAllowlisted, matchesAllowlistPrefix, RequestRefused, type HttpRequest, type SyncTransport } from '../../../shared/src/generate';
import { apiKey, brief, now, testKit } from './support';

// The allowlist rules of developers.google.com/apps-script/manifest/allowlist-url, with its examples.

describe('matching a URL against an allowlist prefix', () => {
  it.each(['https://example.com/foo', 'https://example.com/foo/', 'https://example.com/foo/bar', 'https://example.com/foo?bar', 'https://example.com/foo#bar'])(
    'lets %s through https://example.com/foo',
    (url) => expect(matchesAllowlistPrefix(url, 'https://example.com/foo')).toBe(true),
  );

  it.each([
    ['a sibling path', 'https://example.com/foobar'],
    ['another case', 'https://example.com/Foo'],
    ['plain http', 'http://example.com/foo'],
    ['another host', 'https://example.org/foo'],
    ['a longer host', 'https://example.com.evil.net/foo'],
  ])('refuses %s', (_, url) => expect(matchesAllowlistPrefix(url, 'https://example.com/foo')).toBe(false));

  it('matches one or more subdomains with a leading wildcard, and never the bare domain', () => {
    const prefix = 'https://*.example.com/foo';
    expect(matchesAllowlistPrefix('https://subdomain.example.com/foo', prefix)).toBe(true);
    expect(matchesAllowlistPrefix('https://any.number.of.subdomains.example.com/foo', prefix)).toBe(true);
    expect(matchesAllowlistPrefix('https://subdomain.example.com/bar', prefix)).toBe(false);
    expect(matchesAllowlistPrefix('https://example.com/foo', prefix)).toBe(false);
  });

  it('ignores prefixes Apps Script would not accept: http, or no path', () => {
    expect(isAllowlisted('https://example.com/foo', ['http://example.com/', 'https://example.com'])).toBe(false);
    expect(isAllowlisted('https://api.openai.com/v1/chat/completions', ['https://api.anthropic.com/', 'https://api.openai.com/'])).toBe(true);
  });
});

describe('checking a model server URL as it is saved', () => {
  const allowlist = ['https://api.openai.com/', 'https://models.example.com/'];

  it.each(['http://models.example.com/v1', 'models.example.com/v1', 'ftp://models.example.com/', 'https://'])('refuses %s: Apps Script fetches only https', (url) => {
    expect(checkModelServerUrl(url, allowlist)).toEqual({ ok: false, problem: expect.stringMatching(/^expected a URL that starts with https:\/\//) });
  });

  it('accepts an https server under the allowlist with nothing to add', () => {
    expect(checkModelServerUrl(' https://models.example.com/v1 ', allowlist)).toEqual({ ok: true, url: 'https://models.example.com/v1' });
  });

  it('keeps an https server the allowlist lacks, saying which prefix to add and where', () => {
    expect(checkModelServerUrl('https://llm.internal.example.net/v1', allowlist)).toEqual({
      ok: true,
      url: 'https://llm.internal.example.net/v1',
      notice:
        'https://llm.internal.example.net/v1 is not in this add-on\'s fetch allowlist, so Apps Script will refuse to call it. Add "https://llm.internal.example.net/" to urlFetchWhitelist in appsscript.json (in sheets-addon/ and docs-addon/), then rebuild and push the add-on.',
    });
  });
});

describe('a request the host refuses', () => {
  it('is sent once, never retried, and explained in the fallback notice', () => {
    const requests: HttpRequest[] = [];
    const waits: number[] = [];
    const transport: SyncTransport = (request) => {
      requests.push(request);
      throw new RequestRefused('Apps Script refused to fetch https://models.example.com/v1/chat/completions: add "https://models.example.com/" to urlFetchWhitelist.');
    };
    const out = generateContentPackSync(brief, testKit(), { provider: 'openai-compatible', baseUrl: 'https://models.example.com/v1', apiKey, transport, sleep: (ms) => void waits.push(ms), now });
    expect(requests).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(out.ok && out.value.notices[0]).toContain('was not called: Apps Script refused to fetch https://models.example.com/v1/chat/completions');
    expect(JSON.stringify(out)).not.toContain('could not be reached');
  });
});
