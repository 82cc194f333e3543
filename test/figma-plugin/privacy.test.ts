import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../shared/src/generate';
import { startPlugin } from '../../figma-plugin/src/main/plugin';
import { writeCopy, type GenerateRequest } from '../../figma-plugin/src/ui/copy-source';
import { FakeFigma, sampleKit } from '../../preview/src/figma';
import { ok } from './harness';

const personal = ['jane.doe@example.com', '+44 20 7946 0018', '4111 1111 1111 1111'];

// The plugin running on the Figma fake; the UI's model requests go through the main thread's httpRequest
// endpoint to this network, which records what reached it.
async function plugin(answer: unknown) {
  const figma = new FakeFigma();
  const wire: { url: string; body: string }[] = [];
  startPlugin(figma, '', {
    transport: async (request: HttpRequest) => {
      wire.push({ url: request.url, body: request.body });
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ choices: [{ message: { role: 'assistant', content: JSON.stringify(answer), refusal: null } }] }) };
    },
  });
  await ok(figma, 'saveApiKey', { apiKey: 'sk-secret-123456' });
  return { figma, wire };
}

function request(figma: FakeFigma, privacy?: object): GenerateRequest {
  return {
    sizes: ['1080x1080'],
    count: 2,
    locale: 'en',
    slots: { '#headline': 'Spring sale', '#cta': 'Start free trial' },
    brief: { product: 'Ledgerline', keyMessage: `Questions to ${personal[0]} or ${personal[1]}; pilot card ${personal[2]}` },
    kitJson: JSON.stringify(privacy ? { ...sampleKit, privacy } : sampleKit),
    preferences: { nameTemplate: '{master}', sizeSets: [], provider: 'openai', model: '' },
    hasKey: true,
    transport: (http) => ok(figma, 'httpRequest', http),
  };
}

const answer = { slots: [{ id: 'headline', variants: ['Write to [Email 1] or call [ phone 1 ]', 'Your pilot card [card 1] is ready'] }, { id: 'cta', variants: ['Write to us', 'Start now'] }] };

describe('personal data in the Figma plugin', () => {
  it('sends placeholders through the main thread, writes the values back into the copy and notices what was held back', async () => {
    const { figma, wire } = await plugin(answer);
    const { copy, notices } = await writeCopy(request(figma));
    expect(wire.length).toBeGreaterThan(0);
    const sent = wire.map((w) => w.body).join('\n');
    for (const value of personal) expect(sent).not.toContain(value);
    expect(sent).toContain('Questions to [email 1] or [phone 1]; pilot card [card 1]');
    if (copy.mode !== 'generated') throw new Error('expected generated copy');
    const texts = copy.bySize[0]!.rows.flatMap((row) => Object.values(row.texts));
    expect(texts).toEqual(expect.arrayContaining([`Write to ${personal[0]} or call ${personal[1]}`, `Your pilot card ${personal[2]} is ready`]));
    // The UI shows these notices beside the generated versions.
    expect(notices).toContain('Held back from OpenAI: 1 email address, 1 phone number and 1 card number; they are back in place in the answer.');
  });

  it('refuses under the kit\'s block policy with a message naming what was found, and nothing reaches the network', async () => {
    const { figma, wire } = await plugin(answer);
    await expect(writeCopy(request(figma, { policy: 'block' }))).rejects.toThrow(
      "Nothing was sent to OpenAI: the brand kit's privacy policy blocks personal data, and the text holds 1 email address, 1 phone number and 1 card number.",
    );
    expect(wire).toEqual([]);
  });
});
