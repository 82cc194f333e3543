import { describe, expect, it } from 'vitest';
import { startPlugin } from '../../figma-plugin/src/main/plugin';
import { maskKey } from '../../figma-plugin/src/main/settings';
import { FakeFigma } from '../../preview/src/figma';
import { ok } from './harness';

describe('the API key on Figma', () => {
  it('shows only the last four characters of a long key, and nothing of a short one', () => {
    expect(maskKey('sk-test-1234567890')).toBe('••••7890');
    expect(maskKey('abcd1234')).toBe('••••');
    expect(maskKey('k')).toBe('••••');
    expect(maskKey('')).toBe('');
  });

  it('passes the UI only the status, the body and safe headers of a model response, with the key taken out', async () => {
    const figma = new FakeFigma();
    startPlugin(figma, '', {
      transport: async () =>
        ({
          status: 429,
          headers: { 'Content-Type': 'application/json', 'retry-after': '2', 'retry-after-ms': '1500', 'set-cookie': 'session=abc', 'x-echo-key': 'sk-secret-123456' },
          body: '{"error":"Incorrect API key provided: sk-secret-123456"}',
          url: 'https://api.openai.com/v1/chat/completions?key=sk-secret-123456',
        }) as never,
    });
    await ok(figma, 'saveApiKey', { apiKey: 'sk-secret-123456' });
    const answer = await ok(figma, 'httpRequest', { url: 'https://api.openai.com/v1/chat/completions', method: 'POST', headers: { authorization: 'Bearer {{apiKey}}' }, body: '{}' });
    expect(answer).toEqual({
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '2', 'retry-after-ms': '1500' },
      body: '{"error":"Incorrect API key provided: ••••"}',
    });
    expect(JSON.stringify(figma.ui.outbox)).not.toContain('sk-secret-123456');
  });
});
