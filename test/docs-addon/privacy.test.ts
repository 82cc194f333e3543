import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeStoredJson } from '../../apps-script/src/server/stored-json';
import { draftFromBrief } from '../../docs-addon/src/server/draft';
import { saveSettings } from '../../docs-addon/src/server/kit-store';
import { rewriteSelection } from '../../docs-addon/src/server/rewrite';
import type { FetchedRequest } from '../../preview/src/apps-script/fake-url-fetch';
import { FakeParagraph } from '../../preview/src/apps-script/fake-document';
import { validCopy } from '../shared/generate/support';
import { installDocs, texts } from './install';

const personal = ['jane.doe@example.com', '+44 20 7946 0018', '4111 1111 1111 1111'];
const selected = `Questions? Write to ${personal[0]} or call ${personal[1]}. Card on file: ${personal[2]}.`;
const testKit = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/generate/test-kit.json'), 'utf8'));

// OpenAI's Chat Completions answer around the model's JSON.
const chatAnswer = (json: unknown) => ({ status: 200, body: JSON.stringify({ choices: [{ message: { role: 'assistant', content: JSON.stringify(json), refusal: null } }] }) });

function setUp(privacy?: object) {
  const env = installDocs(['Intro.', selected, 'End.']);
  writeStoredJson(env.properties.document as never, 'onbrand.kit', privacy ? { ...testKit, privacy } : testKit);
  saveSettings({ provider: 'openai', model: '', baseUrl: '', apiKey: 'sk-test-123456789', clearKey: false });
  env.document.setSelection(env.document.newRange().addElement(env.document.body.children[1] as FakeParagraph).build());
  return env;
}

const sentText = (requests: readonly FetchedRequest[]) => requests.map((r) => r.payload).join('\n');

describe('personal data in the Docs add-on', () => {
  it('rewrites the selection with placeholders sent to the provider and the values back in the document', () => {
    const env = setUp();
    env.urlFetch.handler = () => chatAnswer({ text: 'Questions? Email [Email 1] or ring [phone 1]. Your card on file: [card 1].' });
    const result = rewriteSelection('');
    expect(env.urlFetch.requests).toHaveLength(1);
    const sent = sentText(env.urlFetch.requests);
    for (const value of personal) expect(sent).not.toContain(value);
    expect(sent).toContain('Questions? Write to [email 1] or call [phone 1]. Card on file: [card 1].');
    expect(result.inserted).toBe(true);
    expect(texts(env)[2]).toBe(`Questions? Email ${personal[0]} or ring ${personal[1]}. Your card on file: ${personal[2]}.`);
    // The sidebar shows the result's notices: what was held back, by kind and count only.
    expect(result.notices).toContain('Held back from OpenAI: 1 email address, 1 phone number and 1 card number; they are back in place in the answer.');
    expect(JSON.stringify(result.notices)).not.toMatch(/jane\.doe|7946|4111/);
  });

  it('drafts a pack from a brief holding personal data with placeholders on the wire and values in the draft', () => {
    const env = setUp();
    const body = 'Hi there,\n\nWrite to [email 1] or call [phone 1]. Your test card [card 1] is ready.\n\nThe Ledgerline team';
    env.urlFetch.handler = () => chatAnswer(validCopy({ email: { ...validCopy().email, body } }));
    const brief = { campaign: 'Pilot', product: 'Ledgerline Cards', audience: 'finance teams', keyMessage: 'Close the books in days, not weeks', benefits: [selected], cta: 'Book a demo' };
    const result = draftFromBrief(brief);
    const sent = sentText(env.urlFetch.requests);
    for (const value of personal) expect(sent).not.toContain(value);
    expect(sent).toContain('[email 1]');
    expect(result.inserted).toBe(true);
    expect(result.marks[0]!.provider).toBe('openai');
    expect(texts(env)).toContain(`Write to ${personal[0]} or call ${personal[1]}. Your test card ${personal[2]} is ready.`);
    expect(result.notices.join(' ')).toContain('Held back from OpenAI: 1 email address, 1 phone number and 1 card number');
  });

  it('refuses under the kit\'s block policy: nothing is fetched, nothing inserted, and the sidebar names what was found', () => {
    const env = setUp({ policy: 'block' });
    const before = texts(env);
    const result = rewriteSelection('');
    expect(env.urlFetch.requests).toEqual([]);
    expect(result.inserted).toBe(false);
    expect(texts(env)).toEqual(before);
    expect(result.issues).toEqual([{ path: 'privacy', message: expect.stringContaining('Nothing was sent to OpenAI: the brand kit\'s privacy policy blocks personal data, and the text holds 1 email address, 1 phone number and 1 card number.') }]);
    expect(JSON.stringify(result)).not.toMatch(/jane\.doe|7946|4111/);
  });
});
