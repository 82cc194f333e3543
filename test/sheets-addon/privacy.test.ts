import { describe, expect, it } from 'vitest';
import type { FetchedRequest } from '../../preview/src/apps-script/fake-url-fetch';
import { sampleSpreadsheet } from '../../preview/src/server/sample-spreadsheet';
import { openTracker } from './harness';

const personal = ['jane.doe@example.com', '+44 20 7946 0018', '4111 1111 1111 1111'];

// The sample tracker with personal data typed into an experiment's primary metric, which goes to the model.
function tracker(privacy?: object) {
  const sheets = structuredClone(sampleSpreadsheet.sheets);
  const row = sheets.Experiments!.find((r) => r[0] === 'Subject lines')!;
  row[2] = `click rate (owner ${personal[0]}, ${personal[1]}, card ${personal[2]})`;
  const t = openTracker(sheets, sampleSpreadsheet.name);
  t.call('setupTracker');
  const kit = { schemaVersion: 1, name: 'Ledgerline', version: '1.0.0', ...(privacy ? { privacy } : {}) };
  t.call('saveSettings', { provider: 'openai', model: 'gpt-test', apiKey: 'sk-test-secret-123456', kitJson: JSON.stringify(kit) });
  return t;
}

const sentText = (requests: readonly FetchedRequest[]) => requests.map((r) => r.payload).join('\n');

describe('personal data in the Sheets add-on', () => {
  it('sends placeholders to the provider, writes the values back into the insight and tells the sidebar what was held back', () => {
    const t = tracker();
    t.env.urlFetch.handler = (request) => {
      // The model quotes the placeholders it was given, one in other capitals.
      const quoted = request.payload.includes('[email 1]') ? 'Ask [EMAIL 1] or [phone 1] about card [card 1].' : 'Nothing personal here.';
      const answer = { headline: 'Model headline', narrative: quoted, nextSteps: [] };
      return { status: 200, body: JSON.stringify({ choices: [{ message: { content: JSON.stringify(answer) } }] }) };
    };
    const report = t.call('writeInsights');
    const sent = sentText(t.env.urlFetch.requests);
    expect(sent).toContain('[email 1]');
    expect(sent).toContain('[phone 1]');
    expect(sent).toContain('[card 1]');
    for (const value of personal) expect(sent).not.toContain(value);
    const narratives = t.records('Insights').map((r) => String(r.Narrative));
    expect(narratives.some((n) => n.startsWith(`Ask ${personal[0]} or ${personal[1]} about card ${personal[2]}.`))).toBe(true);
    expect(report.message).toContain('Held back from OpenAI: 1 email address, 1 phone number and 1 card number; they are back in place in the answer.');
    // The audit log says what was held back by kind and count, never the values.
    const audit = JSON.stringify(t.records('Audit log'));
    expect(audit).toContain('held back: 1 email address, 1 phone number and 1 card number');
    for (const value of personal) expect(audit).not.toContain(value);
  });

  it('sends nothing under the kit\'s block policy, writes the offline narrative and names what was found in the sidebar message', () => {
    const t = tracker({ policy: 'block' });
    t.env.urlFetch.handler = () => ({ status: 200, body: JSON.stringify({ choices: [{ message: { content: JSON.stringify({ headline: 'Model headline', narrative: 'Explained.', nextSteps: [] }) } }] }) });
    const report = t.call('writeInsights');
    for (const value of personal) expect(sentText(t.env.urlFetch.requests)).not.toContain(value);
    expect(report.message).toContain('Nothing was sent to OpenAI: the brand kit\'s privacy policy blocks personal data, and the text holds 1 email address, 1 phone number and 1 card number.');
    const blocked = t.records('Insights').filter((r) => String(r['Written by']).includes('privacy policy'));
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked[0]!['Written by']).toBe("Onbrand offline (not sent to openai: the kit's privacy policy blocks personal data)");
  });
});
