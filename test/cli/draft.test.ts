import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { draftCommand } from '../../shared/src/cli/commands/draft';
import { main } from '../../shared/src/cli/main';
import { auditColumns } from '../../shared/src/governance';
import type { CliIo } from '../../shared/src/cli/command';
import { startLlmServer, type LlmServer } from '../helpers/llm-servers';
import { apiKey, validCopy } from '../shared/generate/support';

const kitPath = 'test/fixtures/generate/test-kit.json';
const briefPath = 'examples/briefs/ledgerline-launch.json';

function fakeIo(env: Record<string, string> = {}, files: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readFile: (path) => (path in files ? Promise.resolve(files[path]!) : readFile(path, 'utf8')),
    readStdin: () => Promise.resolve(''),
    appendFile: (path, text) => Promise.resolve(void (files[path] = (files[path] ?? '') + text)),
    env,
  };
  return { io, out };
}

async function draft(args: string[], env: Record<string, string> = {}, files: Record<string, string> = {}) {
  const { io, out } = fakeIo(env, files);
  const code = await main(['draft', ...args], io, [draftCommand]);
  return { code, ...out };
}

let server: LlmServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('onbrand draft --audit', () => {
  it('appends one generated record per piece as JSON lines, with provenance and a hash of each text', async () => {
    const files: Record<string, string> = { 'audit.jsonl': '{"when":"earlier"}\n' };
    const { code, stdout } = await draft(['--brief', briefPath, '--kit', kitPath, '--audit', 'audit.jsonl'], { ONBRAND_AUDIT_WHO: 'ci@example.com' }, files);
    expect(code).toBe(0);
    const pack = JSON.parse(stdout);
    const lines = files['audit.jsonl']!.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toEqual({ when: 'earlier' });
    const records = lines.slice(1);
    expect(records.map((r) => r.subject)).toEqual(pack.pieces.map((p: { id: string }) => p.id));
    expect(Object.keys(records[0])).toEqual([...auditColumns]);
    expect(records[0]).toMatchObject({ surface: 'cli', action: 'generated', who: 'ci@example.com', file: briefPath, templateId: pack.provenance.template, provider: 'offline', model: pack.provenance.model, kitName: 'Ledgerline' });
    expect(records.every((r) => /^[0-9a-f]{64}$/.test(r.textHash))).toBe(true);
  });
});

describe('onbrand draft', () => {
  it('prints the content pack as JSON with exactly the contract\'s keys, offline by default', async () => {
    const { code, stdout, stderr } = await draft(['--brief', briefPath, '--kit', kitPath]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const pack = JSON.parse(stdout);
    expect(Object.keys(pack)).toEqual(['article', 'email', 'subjectLines', 'social', 'adHeadline', 'pieces', 'provenance', 'notices']);
    expect(Object.keys(pack.article)).toEqual(['title', 'outline', 'body']);
    expect(Object.keys(pack.email)).toEqual(['subject', 'preheader', 'body']);
    expect(pack.subjectLines).toHaveLength(3);
    expect(typeof pack.social).toBe('string');
    expect(typeof pack.adHeadline).toBe('string');
    expect(pack.pieces.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['article', 'email', 'subjectLines.0', 'subjectLines.1', 'subjectLines.2', 'social', 'adHeadline']));
    for (const piece of pack.pieces) expect(piece).toMatchObject({ findings: expect.any(Array), score: expect.any(Number), needsReview: expect.any(Boolean) });
    expect(Object.keys(pack.provenance)).toEqual(['provider', 'model', 'template', 'templateVersion', 'seed', 'createdAt', 'aiGenerated']);
    expect(pack.provenance).toMatchObject({ provider: 'offline', template: 'content-pack', aiGenerated: true });
    expect(Number.isNaN(Date.parse(pack.provenance.createdAt))).toBe(false);
  });

  it('writes a piece for every channel the brief ticks beyond the fixed ones, or says why not', async () => {
    const brief = JSON.parse(await readFile(briefPath, 'utf8'));
    const files = { 'brief.json': JSON.stringify({ ...brief, channels: [...brief.channels, 'linkedin-ad-intro', 'sms'] }) };
    const { code, stdout } = await draft(['--brief', 'brief.json', '--kit', 'examples/kits/ledgerline.json'], {}, files);
    expect(code).toBe(0);
    const pack = JSON.parse(stdout);
    expect(Object.keys(pack.channels)).toEqual(['linkedin-ad-intro', 'sms']);
    expect(pack.channels.sms).toMatch(/Reply STOP to opt out\.$/);
    expect([...pack.channels.sms].length).toBeLessThanOrEqual(160);
    expect(pack.pieces.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['channel.linkedin-ad-intro', 'channel.sms']));
    expect(pack.notices.join(' ')).toMatch(/LinkedIn ad introductory text needs a link/);
    const markdown = await draft(['--brief', 'brief.json', '--kit', 'examples/kits/ledgerline.json', '--format', 'markdown'], {}, files);
    expect(markdown.stdout).toContain('## linkedin-ad-intro');
  });

  it('leaves a banned term from the brief out of every piece and says what it left out', async () => {
    const brief = JSON.parse(await readFile(briefPath, 'utf8'));
    const files = { 'brief.json': JSON.stringify({ ...brief, keyMessage: 'Create synergy between teams, and close the books in days' }) };
    const { code, stdout } = await draft(['--brief', 'brief.json', '--kit', kitPath], {}, files);
    expect(code).toBe(0);
    const pack = JSON.parse(stdout);
    expect(pack.pieces.map((p: { text: string }) => p.text).join('\n')).not.toMatch(/synergy/i);
    expect(pack.pieces.flatMap((p: { findings: { rule: string }[] }) => p.findings).filter((f: { rule: string }) => f.rule === 'terms.banned')).toEqual([]);
    expect(pack.notices.join(' ')).toContain('Left out “Create synergy between teams” from the brief\'s key message');
  });

  it('prints the same copy on every run for the same brief and kit', async () => {
    const strip = (text: string) => text.replace(/"createdAt": "[^"]+"/, '');
    const first = await draft(['--brief', briefPath, '--kit', kitPath]);
    const second = await draft(['--brief', briefPath, '--kit', kitPath]);
    expect(strip(first.stdout)).toBe(strip(second.stdout));
  });

  it('prints a markdown document a person can review', async () => {
    const { code, stdout } = await draft(['--brief', briefPath, '--kit', kitPath, '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# .+\n\n> AI-generated draft: offline/);
    expect(stdout).toContain('## Subject lines');
  });

  it('exits 2 and names every bad field of a bad brief', async () => {
    const bad = JSON.stringify({ campaign: 'x', product: '', audience: 'y', keyMessage: 'z', benefits: [''], channels: 3 });
    const { code, stdout, stderr } = await draft(['--brief', 'bad.json', '--kit', kitPath], {}, { 'bad.json': bad });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    for (const field of ['product', 'benefits[0]', 'cta', 'channels']) expect(stderr).toContain(`${field}:`);
  });

  it('exits 2 for a brief that targets a channel the kit does not know', async () => {
    const brief = JSON.parse(await readFile(briefPath, 'utf8'));
    const { code, stderr } = await draft(['--brief', 'b.json', '--kit', kitPath], {}, { 'b.json': JSON.stringify({ ...brief, channels: ['fax'] }) });
    expect(code).toBe(2);
    expect(stderr).toContain('channels[0]: unknown channel "fax"');
  });

  it('exits 2 for a brief that is not JSON', async () => {
    const { code, stderr } = await draft(['--brief', 'bad.json', '--kit', kitPath], {}, { 'bad.json': '{ nope' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/not valid JSON/);
  });

  it('exits 2 for a bad kit, naming the problem', async () => {
    const { code, stderr } = await draft(['--brief', briefPath, '--kit', 'kit.json'], {}, { 'kit.json': '{"schemaVersion": 1}' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/kit.*name/s);
  });

  it('exits 2 for a missing file, a missing flag, an unknown provider or format', async () => {
    expect((await draft(['--brief', 'nowhere.json', '--kit', kitPath])).code).toBe(2);
    expect((await draft(['--kit', kitPath])).stderr).toContain('--brief BRIEF.json is required');
    expect((await draft(['--brief', briefPath, '--kit', kitPath, '--provider', 'llama'])).stderr).toContain('--provider must be one of');
    expect((await draft(['--brief', briefPath, '--kit', kitPath, '--format', 'yaml'])).code).toBe(2);
  });

  it.each([
    ['openai', 'OPENAI_API_KEY'],
    ['anthropic', 'ANTHROPIC_API_KEY'],
    ['gemini', 'GEMINI_API_KEY'],
    ['openai-compatible', 'ONBRAND_API_KEY'],
  ])('exits 2 when %s has no key, naming %s', async (provider, variable) => {
    const { code, stderr } = await draft(['--brief', briefPath, '--kit', kitPath, '--provider', provider, '--base-url', 'http://127.0.0.1:9']);
    expect(code).toBe(2);
    expect(stderr).toContain(variable);
  });

  it('needs a base URL for an OpenAI-compatible server', async () => {
    const { code, stderr } = await draft(['--brief', briefPath, '--kit', kitPath, '--provider', 'openai-compatible'], { ONBRAND_API_KEY: apiKey });
    expect(code).toBe(2);
    expect(stderr).toContain('--base-url');
  });

  it('drafts with a model in one request and never prints the key', async () => {
    server = await startLlmServer('openai-compatible', [{ kind: 'valid', payload: validCopy() }]);
    const args = ['--brief', briefPath, '--kit', kitPath, '--provider', 'openai-compatible', '--model', 'local-7b', '--base-url', server.baseUrl];
    const { code, stdout, stderr } = await draft(args, { ONBRAND_API_KEY: apiKey });
    expect(code).toBe(0);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body.model).toBe('local-7b');
    const pack = JSON.parse(stdout);
    expect(pack.provenance).toMatchObject({ provider: 'openai-compatible', model: 'local-7b' });
    expect(stdout + stderr).not.toContain(apiKey);
  });

  it('never prints a key the model echoes, even after a fix changes its capitals', async () => {
    // The title is a heading, so the kit's case rule rewrites it: the key's capitals change before printing.
    const copy = validCopy();
    const echoed = validCopy({
      article: { ...copy.article, title: `The key is ${apiKey}`, body: `${copy.article.body}\n\nKey: ${apiKey.toUpperCase()}` },
      social: `${copy.social} ${apiKey.slice(0, 1).toUpperCase()}${apiKey.slice(1)}`,
    });
    server = await startLlmServer('openai-compatible', [{ kind: 'valid', payload: echoed }]);
    const args = ['--brief', briefPath, '--kit', kitPath, '--provider', 'openai-compatible', '--model', 'local-7b', '--base-url', server.baseUrl, '--format', 'markdown'];
    const { stdout, stderr } = await draft(args, { ONBRAND_API_KEY: apiKey });
    expect((stdout + stderr).toLowerCase()).not.toContain(apiKey.toLowerCase());
    expect(stdout).toContain('[key hidden]');
  });

  it('exits 0 with the offline draft and a notice when the key is refused, without printing it', async () => {
    server = await startLlmServer('openai', [{ kind: 'valid', payload: validCopy() }]);
    const wrong = 'sk-wrong-key-0000111122223333';
    const args = ['--brief', briefPath, '--kit', kitPath, '--provider', 'openai', '--base-url', server.baseUrl];
    const { code, stdout, stderr } = await draft(args, { OPENAI_API_KEY: wrong });
    expect(code).toBe(0);
    const pack = JSON.parse(stdout);
    expect(pack.provenance.provider).toBe('offline');
    expect(pack.notices[0]).toMatch(/OpenAI refused the API key \(HTTP 401\).*offline draft instead/);
    expect(stdout + stderr).not.toContain(wrong);
  });

  it.each(['-5', '99999999999', 'soon', '1.5'])('refuses ONBRAND_TIMEOUT_MS=%s, naming the variable and the range', async (value) => {
    const { code, stderr } = await draft(['--brief', briefPath, '--kit', kitPath], { ONBRAND_TIMEOUT_MS: value });
    expect(code).toBe(2);
    expect(stderr).toContain(`ONBRAND_TIMEOUT_MS must be a whole number of milliseconds from 1000 to 600000 (got "${value}")`);
  });

  it('refuses a deadline that is not a number of seconds', async () => {
    const { code, stderr } = await draft(['--brief', briefPath, '--kit', kitPath, '--deadline', '0']);
    expect(code).toBe(2);
    expect(stderr).toContain('--deadline must be a whole number of seconds from 1 to 3600 (got "0")');
  });

  it('stops at the deadline when the model never answers, falling back offline and saying so on stderr', async () => {
    server = await startLlmServer('openai-compatible', [{ kind: 'timeout' }, { kind: 'timeout' }, { kind: 'timeout' }, { kind: 'timeout' }]);
    const args = ['--brief', briefPath, '--kit', kitPath, '--provider', 'openai-compatible', '--model', 'local-7b', '--base-url', server.baseUrl, '--deadline', '1'];
    // Each request may wait 60 s; the one-second deadline bounds the whole draft, retries included.
    const { code, stdout, stderr } = await draft(args, { ONBRAND_API_KEY: apiKey, ONBRAND_TIMEOUT_MS: '60000' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).provenance.provider).toBe('offline');
    expect(stderr).toMatch(/^onbrand draft: .*offline draft/);
  }, 15_000);
});
