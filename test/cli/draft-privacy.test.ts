import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../shared/src/cli/command';
import { draftCommand } from '../../shared/src/cli/commands/draft';
import { main } from '../../shared/src/cli/main';
import { startLlmServer, type LlmServer } from '../helpers/llm-servers';
import { apiKey, validCopy } from '../shared/generate/support';

// A brief whose text holds an email address, a phone number and a card number.
const personal = ['jane.doe@example.com', '+44 20 7946 0018', '4111 1111 1111 1111'];
const brief = {
  campaign: 'Ledgerline Cards pilot',
  product: 'Ledgerline Cards',
  audience: 'finance teams at growing companies',
  keyMessage: 'Close the books in days, not weeks',
  benefits: [`Pilot contact: ${personal[0]}, ${personal[1]}; test card ${personal[2]}`],
  cta: 'Book a demo',
};

async function draft(args: string[], kit: object) {
  const out = { stdout: '', stderr: '' };
  const files: Record<string, string> = { 'brief.json': JSON.stringify(brief), 'kit.json': JSON.stringify(kit) };
  const io: CliIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readFile: (path) => Promise.resolve(files[path]!),
    readStdin: () => Promise.resolve(''),
    appendFile: () => Promise.reject(new Error('this test writes no files')),
    env: { ONBRAND_API_KEY: apiKey },
  };
  const code = await main(['draft', '--brief', 'brief.json', '--kit', 'kit.json', ...args], io, [draftCommand]);
  return { code, ...out };
}

let server: LlmServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('onbrand draft with personal data in the brief', () => {
  const kitFile = readFile('test/fixtures/generate/test-kit.json', 'utf8').then((text) => JSON.parse(text) as object);

  it('sends placeholders instead of the values, puts the values back in the pack and says so on stderr', async () => {
    // The model writes the placeholders back, one in other capitals and spacing.
    const body = 'Hi there,\n\nQuestions? Write to [Email 1] or call [ phone 1 ]. Your test card [card 1] is ready.\n\nThe Ledgerline team';
    server = await startLlmServer('openai-compatible', [{ kind: 'valid', payload: validCopy({ email: { ...validCopy().email, body } }) }]);
    const { code, stdout, stderr } = await draft(['--provider', 'openai-compatible', '--model', 'local-7b', '--base-url', server.baseUrl], await kitFile);
    expect(code).toBe(0);
    expect(server.requests).toHaveLength(1);
    const sent = server.requests[0]!.raw;
    for (const value of personal) expect(sent).not.toContain(value);
    expect(sent).toContain('Pilot contact: [email 1], [phone 1]; test card [card 1]');
    const pack = JSON.parse(stdout);
    expect(pack.email.body).toContain(`Write to ${personal[0]} or call ${personal[1]}. Your test card ${personal[2]} is ready.`);
    expect(stderr).toContain('onbrand draft: Held back from the OpenAI-compatible server: 1 email address, 1 phone number and 1 card number');
    for (const value of personal) expect(stderr).not.toContain(value);
  });

  it('refuses under the kit\'s block policy, naming kinds and counts only, sends nothing and exits 2', async () => {
    server = await startLlmServer('openai-compatible', [{ kind: 'valid', payload: validCopy() }]);
    const kit = { ...(await kitFile), privacy: { policy: 'block' } };
    const { code, stdout, stderr } = await draft(['--provider', 'openai-compatible', '--model', 'local-7b', '--base-url', server.baseUrl], kit);
    expect(code).toBe(2);
    expect(server.requests).toHaveLength(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('Nothing was sent to the OpenAI-compatible server: the brand kit\'s privacy policy blocks personal data, and the text holds 1 email address, 1 phone number and 1 card number.');
    for (const value of personal) expect(stderr).not.toContain(value);
  });

  it('sends the kit\'s own allowed address as it is', async () => {
    server = await startLlmServer('openai-compatible', [{ kind: 'valid', payload: validCopy() }]);
    const kit = { ...(await kitFile), privacy: { policy: 'block', allow: ['example.com', '+44 20 7946 0018', '4111 1111 1111 1111'] } };
    const { code } = await draft(['--provider', 'openai-compatible', '--model', 'local-7b', '--base-url', server.baseUrl], kit);
    expect(code).toBe(0);
    for (const value of personal) expect(server.requests[0]!.raw).toContain(value);
  });
});
