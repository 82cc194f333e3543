import { sha256 } from '../../shared/src/hash';
import { describe, expect, it } from 'vitest';
import { sampleSpreadsheet } from '../../preview/src/server/sample-spreadsheet';
import { menuItems } from '../../sheets-addon/src/server/menu';
import { openTracker, sampleTracker as sample } from './harness';

describe('the sidebar endpoints', () => {
  it('summarize the portfolio: stages, top use cases by score and decisions by outcome', () => {
    const t = sample();
    t.call('scoreUseCases');
    t.call('analyzeExperiments');
    const { value: portfolio, calls } = t.measured('getPortfolio');
    expect(calls).toBeLessThanOrEqual(10);
    expect(portfolio.stages.find((s: { stage: string }) => s.stage === 'qualified').count).toBe(1);
    expect(portfolio.top.map((b: { name: string }) => b.name)).toEqual(['Subject-line generator', 'Weekly insight digest', 'Churn-risk audiences']);
    expect(portfolio.top[0]).toMatchObject({ impact: 4, feasibility: 5, rank: 1, stage: 'qualified' });
    expect(portfolio.decisions).toEqual([{ decision: 'scale', count: 1 }, { decision: 'iterate', count: 1 }, { decision: 'keep-running', count: 1 }]);
  });

  it('give the stats card of the selected Results row, or of the experiment asked for', () => {
    const t = sample();
    const results = t.sheet('Results');
    t.env.spreadsheet.select(results.rangeAt(11, 3, 1, 1));
    const card = t.call('getStatsCard').card;
    expect(card).toMatchObject({ experiment: 'Churn audiences', srm: { mismatch: true }, decision: 'iterate' });
    expect(card.arms.map((arm: { arm: string; rows: number[] }) => [arm.arm, arm.rows])).toEqual([['control', [10]], ['B', [11]]]);
    const asked = t.call('getStatsCard', { experiment: 'Subject lines' });
    expect(asked.card).toMatchObject({ experiment: 'Subject lines', periods: ['week 1', 'week 2', 'week 3', 'week 4'], alpha: 0.05, decision: 'scale' });
    expect(asked.experiments).toEqual(['Subject lines', 'Churn audiences', 'Insight digest']);
    expect(asked.card.arms[1].pValueAdjusted).toBeLessThan(0.05);
  });

  it('show settings with the API key masked, never the key, and save changes to the Settings sheet', () => {
    const t = sample();
    const view = t.call('saveSettings', { weights: { impact: 0.5 }, thresholds: { winnerLift: 0.2 }, provider: 'gemini', apiKey: 'AIza-secret-key-9876' });
    expect(view).toMatchObject({ provider: 'gemini', apiKeyMasked: '••••9876', weights: { impact: 0.5 }, thresholds: { winnerLift: 0.2 } });
    expect(JSON.stringify(view)).not.toContain('secret');
    expect(t.env.properties.user.getProperty('onbrand.apiKey.gemini')).toBe('AIza-secret-key-9876');
    expect(t.env.properties.document.getKeys().some((key) => key.includes('apiKey'))).toBe(false);
    const settings = Object.fromEntries(t.records('Settings').map((row) => [row.Setting, row.Value]));
    expect(settings).toMatchObject({ 'Impact weight': 0.5, 'Insight: winning lift': 0.2, 'Insight writer': 'gemini' });
    expect(JSON.stringify(t.env.spreadsheet.sheets.map((sheet) => sheet.snapshot()))).not.toContain('secret');
  });

  it('refuse settings that cannot work, naming what is wrong', () => {
    const t = sample();
    const zero = t.script.run('saveSettings', [{ weights: { impact: 0, feasibility: 0, readiness: 0, risk: 0 } }]);
    expect(zero).toMatchObject({ ok: false, error: { code: 'bad_settings', message: expect.stringContaining('at least one weight must be above 0') } });
    const kit = t.script.run('saveSettings', [{ kitJson: '{"schemaVersion": 1}' }]);
    expect(kit).toMatchObject({ ok: false, error: { code: 'bad_kit', message: expect.stringContaining('name') } });
    const url = t.script.run('saveSettings', [{ provider: 'openai-compatible', baseUrl: 'models.example.com' }]);
    expect(url).toMatchObject({ ok: false, error: { code: 'bad_settings', message: expect.stringMatching(/^Model server URL: expected a URL that starts with https:\/\//) } });
    expect(t.call('getSettings')).toMatchObject({ provider: 'offline', baseUrl: '' });
  });

  it('name a model server URL typed badly into the Settings sheet, and leave it unused', () => {
    const t = sample();
    const settings = t.sheet('Settings');
    const [, ...rows] = settings.snapshot();
    const row = rows.findIndex((cells) => cells[0] === 'Model server URL') + 2;
    settings.getRange(row, 2).setValue('ftp://models');
    expect(t.call('getSettings')).toMatchObject({ baseUrl: '', issues: [{ path: 'Settings › Model server URL', message: expect.stringContaining('https://') }] });
  });

  it('list insights newest first', () => {
    const t = sample();
    t.call('writeInsights');
    const list = t.call('listInsights');
    expect(list[0].sheetRow).toBeGreaterThan(list[list.length - 1].sheetRow);
    expect(list.map((item: { kind: string }) => item.kind)).toContain('srm');
  });
});

describe('the add-on menu', () => {
  it('is built in AuthMode.NONE with every action, each a top-level function', () => {
    const t = openTracker({ Sheet1: [] });
    t.script.run('onOpen', [{ authMode: 'NONE' }], { authMode: 'NONE' });
    expect(t.env.ui.menus[0]!.entries).toEqual(menuItems);
    expect(menuItems.map((item) => item.caption)).toEqual(['Set up tracker', 'Score use cases', 'Analyze experiments', 'Write insights', 'Brand-check selected column', 'Open Onbrand']);
  });

  it('runs each action from the menu, with progress and the outcome as toasts', () => {
    const t = openTracker(structuredClone(sampleSpreadsheet.sheets));
    t.script.run('menuSetUpTracker');
    t.script.run('menuScoreUseCases');
    t.script.run('menuAnalyzeExperiments');
    t.script.run('menuWriteInsights');
    t.script.run('menuBrandCheckColumn');
    const toasts = t.env.spreadsheet.toastLog;
    expect(toasts.map((toast) => toast.message)).toEqual([
      'Setting up the tracker…',
      expect.stringMatching(/^Created 6 sheets/),
      expect.stringMatching(/^Scored 3 use cases/),
      expect.stringMatching(/^Analyzed 12 result rows/),
      'Looking for insights…',
      expect.stringMatching(/^Wrote \d+ new insights/),
      'Brand-checking the column…',
      expect.stringMatching(/^Checked 3 cells in Name against Ledgerline/),
    ]);
    expect(toasts[toasts.length - 1]!.title).toBe('Onbrand');
  });

  it('reports a busy lock as a toast rather than failing silently', () => {
    const t = openTracker(structuredClone(sampleSpreadsheet.sheets));
    t.env.lock.documentLock.contended = true;
    t.script.run('menuScoreUseCases');
    expect(t.env.spreadsheet.toastLog).toEqual([{ message: expect.stringMatching(/Another Onbrand action is still running/), title: 'Onbrand: not done' }]);
  });
});

describe('reviewing insights', () => {
  it('records the approval in the Insights sheet and the Audit log', () => {
    const t = sample();
    t.call('writeInsights');
    const first = t.call('listInsights')[0];
    const list = t.call('reviewInsight', { id: first.id, review: 'approved' });
    expect(list.find((item: { id: string }) => item.id === first.id).review).toBe('approved');
    expect(t.records('Insights').find((row) => row.Id === first.id)!.Review).toBe('approved');
    expect(t.records('Audit log')).toEqual([
      expect.objectContaining({ who: 'maya@example.com', surface: 'sheets', action: 'approved', provider: 'offline', templateId: 'offline narrative', subject: `${first.id}: ${first.headline}`, textHash: sha256(first.narrative) }),
    ]);
    // An insight someone deleted meanwhile: the list comes back as it now is.
    expect(t.call('reviewInsight', { id: 'gone', review: 'dismissed' })).toHaveLength(list.length);
  });
});

describe('the learning log', () => {
  it('starts a row from the experiment’s decision and evidence, leaving the learning to a person', () => {
    const t = sample();
    t.call('analyzeExperiments');
    const result = t.call('logLearning', { experiment: 'Subject lines' });
    expect(result).toMatchObject({ logged: true });
    const [row] = t.records('Learning log');
    expect(row).toMatchObject({ 'Use case': 'Subject-line generator', Experiment: 'Subject lines', Decision: 'scale', Learning: '', Status: 'emerging', Owner: 'maya@example.com' });
    expect(String(row!.Evidence)).toMatch(/^week 1 to week 4 \(4 periods\), all: B shows a lift of \+22/);
  });

  it('says when there is nothing to log', () => {
    const t = openTracker({ Plan: [['a']] });
    expect(t.call('logLearning', { experiment: 'Subject lines' })).toEqual({ logged: false, message: 'There is no Learning log sheet yet. Choose Set up tracker first.' });
  });
});
