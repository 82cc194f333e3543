import { describe, expect, it } from 'vitest';
import { sampleTracker as sample } from './harness';

// A team's own OpenAI-compatible server: Apps Script fetches only https:// URLs under the
// manifest's urlFetchWhitelist, so the add-on checks the URL when it is saved and never retries
// the host's refusal as if it were a network fault.

const server = 'https://models.example.com/v1';

describe('the model server URL in Settings', () => {
  it('refuses plain http, which Apps Script never fetches, and keeps the old setting', () => {
    const t = sample();
    const saved = t.script.run('saveSettings', [{ provider: 'openai-compatible', baseUrl: 'http://models.example.com/v1' }]);
    expect(saved).toMatchObject({ ok: false, error: { code: 'bad_settings', message: expect.stringMatching(/^Model server URL: expected a URL that starts with https:\/\/.*only https:\/\/ addresses/) } });
    expect(t.call('getSettings')).toMatchObject({ provider: 'offline', baseUrl: '' });
  });

  it('keeps an https server the built allowlist lacks, saying what to add to the manifest', () => {
    const t = sample();
    const view = t.call('saveSettings', { provider: 'openai-compatible', model: 'local-llm', baseUrl: server, apiKey: 'local-key-0000' });
    const notice = { path: 'Settings › Model server URL', message: expect.stringMatching(/^https:\/\/models\.example\.com\/v1 is not in this add-on's fetch allowlist.*Add "https:\/\/models\.example\.com\/" to urlFetchWhitelist in appsscript\.json/) };
    expect(view).toMatchObject({ baseUrl: server, issues: [notice] });
    expect(t.call('getSettings')).toMatchObject({ baseUrl: server, issues: [notice] });
  });

  it('says nothing more for a server the allowlist already lists', () => {
    const t = sample();
    expect(t.call('saveSettings', { provider: 'openai-compatible', baseUrl: 'https://api.openai.com/v1' }).issues).toEqual([]);
  });
});

describe('a model server outside the fetch allowlist', () => {
  it('is asked once, not retried, and the insight says what to change', () => {
    const t = sample();
    t.call('saveSettings', { provider: 'openai-compatible', model: 'local-llm', baseUrl: server, apiKey: 'local-key-0000' });
    t.env.urlFetch.handler = () => ({ status: 200, body: '{}' });
    t.env.calls.reset();
    t.call('writeInsights');
    const insights = t.records('Insights');
    // One refused fetch per insight, and no waiting between them.
    expect(t.env.calls.count('UrlFetchApp.fetch')).toBe(insights.length);
    expect(t.env.calls.count('Utilities.sleep')).toBe(0);
    expect(t.env.urlFetch.requests).toEqual([]);
    const writtenBy = String(insights[0]!['Written by']);
    expect(writtenBy).toMatch(/^Onbrand offline \(openai-compatible failed: .* was not called: Apps Script refused to fetch https:\/\/models\.example\.com\/v1\/chat\/completions/);
    expect(writtenBy).toContain('Add "https://models.example.com/" to urlFetchWhitelist in appsscript.json');
    expect(writtenBy).not.toContain('local-key-0000');
  });
});
