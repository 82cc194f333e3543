import { afterEach, describe, expect, it } from 'vitest';
import { rewriteToBrand } from '../../../shared/src/generate';
import { lintText } from '../../../shared/src/lint';
import { startLlmServer, type LlmServer } from '../../helpers/llm-servers';
import { apiKey, now, testKit, transport } from './support';

const kit = testKit();
const text = 'Our cheap cards bring synergy to LedgerLine customers.';

let server: LlmServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('rewriteToBrand offline', () => {
  it('applies the safe fixes and reports what a person must still fix', async () => {
    const { findings } = lintText(text, kit);
    const out = await rewriteToBrand(text, findings, kit, { now });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.text).toContain('affordable cards');
    expect(out.value.text).toContain('Ledgerline customers');
    expect(out.value.fixed.length).toBeGreaterThanOrEqual(2);
    expect(out.value.remaining.map((f) => f.match.toLowerCase())).toContain('synergy');
    expect(out.value.notices.join(' ')).toMatch(/still need a person/);
    expect(out.value.provenance).toMatchObject({ provider: 'offline', template: 'rewrite-to-brand' });
  });

  it('is deterministic', async () => {
    const { findings } = lintText(text, kit);
    expect(JSON.stringify(await rewriteToBrand(text, findings, kit, { now }))).toBe(JSON.stringify(await rewriteToBrand(text, findings, kit, { now })));
  });
});

describe('rewriteToBrand with a model', () => {
  it('sends the text fenced with the findings, in one request, and lints the answer', async () => {
    server = await startLlmServer('anthropic', [{ kind: 'valid', payload: { text: 'Our affordable cards bring teams together for Ledgerline customers.' } }]);
    const { findings } = lintText(text, kit);
    const out = await rewriteToBrand(text, findings, kit, { provider: 'anthropic', apiKey, baseUrl: server.baseUrl, transport, now });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body.messages[0].content).toContain(`<data name="text">\n${text}\n</data>`);
    expect(server.requests[0]!.body.messages[0].content).toMatch(/- "synergy": /i);
    expect(out.ok && out.value.text).toBe('Our affordable cards bring teams together for Ledgerline customers.');
    expect(out.ok && out.value.provenance.provider).toBe('anthropic');
  });

  it('adds the disclosure label to a rewrite for a channel that requires it, without asking again', async () => {
    server = await startLlmServer('openai', [{ kind: 'valid', payload: { text: 'Our affordable cards bring teams together.' } }]);
    const out = await rewriteToBrand(text, lintText(text, kit).findings, kit, { provider: 'openai', apiKey, baseUrl: server.baseUrl, transport, now, channel: 'social-post' });
    expect(server.requests).toHaveLength(1);
    expect(out.ok && out.value.text).toBe('Our affordable cards bring teams together. AI-generated');
    expect(out.ok && out.value.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('keeps only the safe fixes, with a notice, when the model fails', async () => {
    server = await startLlmServer('openai', [{ kind: 'server-error' }]);
    const { findings } = lintText(text, kit);
    const out = await rewriteToBrand(text, findings, kit, { provider: 'openai', apiKey, baseUrl: server.baseUrl, transport, now, retry: { retries: 0, baseDelayMs: 0, maxDelayMs: 0 } });
    expect(server.requests).toHaveLength(1);
    expect(out.ok && out.value.notices[0]).toMatch(/OpenAI answered HTTP 500.*Only the automatic fixes were applied/);
    expect(out.ok && out.value.text).toContain('affordable cards');
  });
});
