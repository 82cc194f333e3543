import { afterEach, describe, expect, it } from 'vitest';
import { generateContentPack, type ContentPack } from '../../../shared/src/generate';
import { contentPackTemplate } from '../../../shared/src/prompts';
import { startLlmServer, type LlmServer, type Provider, type RecordedRequest, type Scenario } from '../../helpers/llm-servers';
import { apiKey, brief, impatientTransport, now, recordingSleep, testKit, transport, validCopy } from './support';

const kit = testKit();
const providers: Provider[] = ['openai', 'anthropic', 'gemini', 'openai-compatible'];
let server: LlmServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(provider: Provider, script: Scenario[], key = apiKey) {
  server = await startLlmServer(provider, script);
  const { sleep, waits } = recordingSleep();
  const result = await generateContentPack(brief, kit, {
    provider,
    model: 'test-model',
    baseUrl: server.baseUrl,
    apiKey: key,
    transport: script.some((step) => step.kind === 'timeout') ? impatientTransport : transport,
    sleep,
    now,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { pack: result.value, requests: server.requests, waits, text: JSON.stringify(result.value) };
}

// Where each provider's wire format keeps the system part, the user part and the output schema.
function wire(provider: Provider, request: RecordedRequest) {
  const body = request.body;
  if (provider === 'anthropic') {
    return { system: body.system, user: body.messages[0].content, schema: body.output_config?.format?.schema ?? body.tools?.[0]?.input_schema };
  }
  if (provider === 'gemini') {
    return { system: body.systemInstruction.parts[0].text, user: body.contents[0].parts[0].text, schema: body.generationConfig.responseJsonSchema };
  }
  return { system: body.messages[0].content, user: body.messages[1].content, schema: body.response_format.json_schema.schema };
}

function expectModelPack(pack: ContentPack, provider: Provider) {
  expect(pack.provenance).toMatchObject({ provider, model: 'test-model', template: 'content-pack', createdAt: now, aiGenerated: true });
  expect(pack.article.title).toBe('Close the books in days, not weeks');
}

function expectFallback(pack: ContentPack, why: RegExp) {
  expect(pack.provenance.provider).toBe('offline');
  expect(pack.notices[0]).toMatch(why);
  expect(pack.notices[0]).toMatch(/offline draft instead/);
}

describe.each(providers)('%s', (provider) => {
  it('sends one request with the model, the schema, the brand voice and the fenced brief, and uses a valid answer', async () => {
    const { pack, requests, text } = await run(provider, [{ kind: 'valid', payload: validCopy() }]);
    expect(requests).toHaveLength(1);
    const sent = wire(provider, requests[0]!);
    expect(sent.schema).toEqual(contentPackTemplate.output);
    expect(sent.system).toContain('BRAND VOICE: Ledgerline');
    expect(sent.system).toContain('follow the brand kit');
    expect(sent.user).toContain('<data name="brief">\nCampaign: Ledgerline Cards launch');
    if (provider === 'gemini') expect(requests[0]!.path).toBe('/v1beta/models/test-model:generateContent');
    else expect(requests[0]!.body.model).toBe('test-model');
    expectModelPack(pack, provider);
    expect(pack.notices).toEqual([]);
    expect(text).not.toContain(apiKey);
  });

  it('asks once more after malformed JSON, with the problem and the previous answer', async () => {
    const { pack, requests } = await run(provider, [{ kind: 'malformed' }, { kind: 'valid', payload: validCopy() }]);
    expect(requests).toHaveLength(2);
    const repair = wire(provider, requests[1]!).user;
    expect(repair).toContain('the answer is not valid JSON');
    expect(repair).toContain('<data name="previous-answer">');
    expectModelPack(pack, provider);
    expect(pack.notices[0]).toMatch(/one repair request/);
  });

  it('asks once more after JSON of the wrong shape, naming the missing fields', async () => {
    const { pack, requests } = await run(provider, [{ kind: 'wrong-shape' }, { kind: 'valid', payload: validCopy() }]);
    expect(requests).toHaveLength(2);
    expect(wire(provider, requests[1]!).user).toMatch(/- article: /);
    expectModelPack(pack, provider);
  });

  it('falls back to the offline draft when the repair is invalid too, after exactly two requests', async () => {
    const { pack, requests } = await run(provider, [{ kind: 'malformed' }, { kind: 'wrong-shape' }]);
    expect(requests).toHaveLength(2);
    expectFallback(pack, /still invalid after one repair request/);
  });

  it('falls back at once when the model refuses', async () => {
    const { pack, requests } = await run(provider, [{ kind: 'refusal' }]);
    expect(requests).toHaveLength(1);
    expectFallback(pack, /declined/);
  });

  it('waits as long as Retry-After asks after a 429, then uses the answer', async () => {
    const { pack, requests, waits } = await run(provider, [{ kind: 'rate-limited', retryAfter: 7 }, { kind: 'valid', payload: validCopy() }]);
    expect(requests).toHaveLength(2);
    expect(waits).toEqual([7000]);
    expectModelPack(pack, provider);
  });

  it('retries a 500 a bounded number of times with growing waits, then falls back naming the status', async () => {
    const { pack, requests, waits } = await run(provider, [{ kind: 'server-error' }]);
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([1000, 2000]);
    expectFallback(pack, /HTTP 500/);
  });

  it('retries a timeout, then falls back saying the provider could not be reached', async () => {
    const { pack, requests } = await run(provider, [{ kind: 'timeout' }]);
    expect(requests).toHaveLength(3);
    expectFallback(pack, /could not be reached after 3 attempts/);
  });

  it('does not retry a wrong key, and never repeats the key', async () => {
    const wrong = 'sk-wrong-9876543210fedcba';
    const { pack, requests, text } = await run(provider, [{ kind: 'valid', payload: validCopy() }], wrong);
    expect(requests).toHaveLength(1);
    expectFallback(pack, /refused the API key/);
    expect(text).not.toContain(wrong);
    expect(text).not.toContain('9876543210');
  });
});

describe('a key without permission', () => {
  it.each(providers)('%s: is not retried, falls back, and the key the server quotes is not repeated', async (provider) => {
    const { pack, requests, text } = await run(provider, [{ kind: 'forbidden' }]);
    expect(requests).toHaveLength(1);
    expectFallback(pack, /refused the API key \(HTTP 403\)/);
    expect(text).not.toContain(apiKey);
  });
});

describe('anthropic', () => {
  it('sends the key and version headers', async () => {
    const { requests } = await run('anthropic', [{ kind: 'valid', payload: validCopy() }]);
    expect(requests[0]!.headers['x-api-key']).toBe(apiKey);
    expect(requests[0]!.headers['anthropic-version']).toBe('2023-06-01');
    expect(requests[0]!.body.output_config.format.type).toBe('json_schema');
  });

  it('falls back to a forced tool call when the model has no structured output', async () => {
    const { pack, requests } = await run('anthropic', [{ kind: 'unsupported-output', payload: validCopy() }]);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.body.tool_choice).toEqual({ type: 'tool', name: 'content_pack' });
    expect(requests[1]!.body.tools[0].input_schema).toEqual(contentPackTemplate.output);
    expectModelPack(pack, 'anthropic');
  });
});

describe('openai', () => {
  it('asks for a strict json_schema response and sends the key as a bearer token', async () => {
    const { requests } = await run('openai', [{ kind: 'valid', payload: validCopy() }]);
    expect(requests[0]!.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(requests[0]!.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'content-pack', strict: true } });
  });
});

describe('gemini', () => {
  it('asks for JSON with responseJsonSchema and keeps the key out of the URL', async () => {
    const { requests } = await run('gemini', [{ kind: 'valid', payload: validCopy() }]);
    expect(requests[0]!.body.generationConfig.responseMimeType).toBe('application/json');
    expect(requests[0]!.path).not.toContain(apiKey);
    expect(requests[0]!.headers['x-goog-api-key']).toBe(apiKey);
  });
});

describe('brand checks on a model answer', () => {
  it('applies the deterministic fixes without another request', async () => {
    const { pack, requests } = await run('openai', [{ kind: 'valid', payload: validCopy({ social: 'A cheap way to close the books. Book a demo.' }) }]);
    expect(requests).toHaveLength(1);
    expect(pack.social).toContain('affordable way');
    expect(pack.social).not.toMatch(/cheap/i);
    expect(pack.notices.join(' ')).toMatch(/automatic brand fix/);
  });

  it('asks for a repair listing a finding it cannot fix itself', async () => {
    const dirty = validCopy({ adHeadline: 'Synergy for finance teams' });
    const { pack, requests } = await run('openai', [{ kind: 'valid', payload: dirty }, { kind: 'valid', payload: validCopy() }]);
    expect(requests).toHaveLength(2);
    expect(wire('openai', requests[1]!).user).toMatch(/adHeadline: "Synergy"/);
    expect(pack.adHeadline).toBe('Close the books in days');
  });

  it('falls back when the repaired answer still breaks a rule', async () => {
    const dirty = validCopy({ adHeadline: 'Synergy for finance teams' });
    const { pack, requests } = await run('openai', [{ kind: 'valid', payload: dirty }]);
    expect(requests).toHaveLength(2);
    expectFallback(pack, /still broke 1 brand rule/);
  });

  it('asks for a shorter line when one is over its channel limit, and cuts it if the repair is still long', async () => {
    const long = validCopy({ adHeadline: 'Close the books in days, not weeks, with Ledgerline Cards' });
    const { pack, requests } = await run('openai', [{ kind: 'valid', payload: long }]);
    expect(requests).toHaveLength(2);
    expect(wire('openai', requests[1]!).user).toMatch(/adHeadline is \d+ characters; the limit is 30/);
    expect(pack.provenance.provider).toBe('openai');
    expect(pack.adHeadline.length).toBeLessThanOrEqual(30);
    expect(pack.notices.join(' ')).toMatch(/Cut to fit/);
  });

  it('counts words where the channel does, asking again for a subject line over nine words', async () => {
    const wordy = validCopy({ subjectLines: ['Close the books in days and not in weeks with our new cards', 'Ready for a calmer month-end?', 'Three ways to a calmer close'] });
    const { requests } = await run('openai', [{ kind: 'valid', payload: wordy }, { kind: 'valid', payload: validCopy() }]);
    expect(wire('openai', requests[0]!).user).toContain('at most 60 characters and 9 words');
    expect(requests).toHaveLength(2);
    expect(wire('openai', requests[1]!).user).toContain('subjectLines.0 is 13 words; the limit is 9');
  });

  it('adds the disclosure label to channels that require it', async () => {
    const { pack } = await run('openai', [{ kind: 'valid', payload: validCopy() }]);
    expect(pack.social.endsWith(' AI-generated')).toBe(true);
    expect(pack.pieces.find((p) => p.id === 'social')?.disclosure).toBe('AI-generated');
    expect(pack.pieces.find((p) => p.id === 'adHeadline')?.disclosure).toBeUndefined();
  });
});

describe('configuration', () => {
  it('refuses a remote provider without a key, a transport or (for openai-compatible) a base URL', async () => {
    const out = await generateContentPack(brief, kit, { provider: 'openai-compatible', now });
    expect(!out.ok && out.issues.map((i) => i.path)).toEqual(['apiKey', 'baseUrl', 'transport']);
  });
});
