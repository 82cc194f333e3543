import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createAppsScriptContext, createSheetsEnvironment, loadAppsScript } from '../../preview/src/apps-script';
import { liftCells, pValueCells, probBeatCells, qualificationScore } from '../../shared/src/experiments';
import { parseKitJson } from '../../shared/src/kit';
import { lintText } from '../../shared/src/lint';
import { readDist } from '../helpers/dist';

const code = readDist('sheets-addon/Code.js');
const kitJson = readFileSync(join(import.meta.dirname, '../fixtures/kit/small.json'), 'utf8');

/** A context holding no service at all: custom functions must not need one. */
function pureContext() {
  const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext(code, context);
  return (name: string, ...args: unknown[]) => (context as Record<string, (...values: unknown[]) => unknown>)[name]!(...args);
}

describe('the Sheets custom functions in Code.js', () => {
  const call = pureContext();

  it('answer by name with no services, single cells and ranges alike', () => {
    expect(call('ONBRAND_SAMPLE_SIZE', 0.1, 0.1)).toBe(14751);
    expect(call('ONBRAND_SAMPLE_SIZE', [[0.1], [0.05]], 0.1, 0.05, 0.8)).toEqual([[14751], [31234]]);
    expect(call('ONBRAND_PVALUE', 1000, 100, 1000, 120)).toBe(pValueCells(1000, 100, 1000, 120));
    expect(call('ONBRAND_LIFT', [[1000, 2000]], [[100, 200]], 1000, 120)).toEqual(liftCells([[1000, 2000]], [[100, 200]], 1000, 120));
    expect(call('ONBRAND_PROB_BEAT', 1000, 100, 1000, 120)).toBe(probBeatCells(1000, 100, 1000, 120));
    expect(call('ONBRAND_SCORE', 4, 5, 2, 4)).toBe(qualificationScore({ impact: 4, feasibility: 5, risk: 2, readiness: 4 }));
  });

  it('answer a bad cell in its own place', () => {
    expect(call('ONBRAND_PVALUE', [[100], [100]], [[120], [5]], 100, 5)).toEqual([['Error: conversions A (120) exceed visitors A (100)'], [1]]);
    expect(call('ONBRAND_SCORE', 'high', 3, 3, 3)).toBe('Error: impact is text ("high"), not a number');
  });

  it('brand-check copy against the kit given as a cell: score and first finding side by side', () => {
    const kit = parseKitJson(kitJson);
    if (!kit.ok) throw new Error('fixture');
    const copy = [['Utilize synergy'], ['Plain words'], ['']];
    const expected = copy.map(([text]) => (text ? [lintText(text, kit.value).score, lintText(text, kit.value).findings[0]?.message ?? 'On brand'] : ['', '']));
    expect(call('ONBRAND_LINT', copy, '', [[kitJson]])).toEqual(expected);
    expect(call('ONBRAND_LINT', 'Plain words', '', kitJson)).toEqual([[100, 'On brand']]);
    expect(String((call('ONBRAND_LINT', 'x', '', '{"name": 1}') as unknown[][])[0]![0])).toMatch(/^Error: the brand kit is not valid/);
  });

  it('brand-check copy against the kit saved for this file from the sidebar, as a cell runs them', () => {
    const env = createSheetsEnvironment({ name: 'Campaign', sheets: { Emails: [['Subject line'], ['Utilize synergy']] }, files: { Sidebar: '' } });
    const script = loadAppsScript(code, env.services);
    const lint = (...args: unknown[]) => script.run('ONBRAND_LINT', args, { customFunction: true }) as unknown[][];
    expect(lint('Plain words')).toEqual([['Error: no brand kit for this file. Save one from the sidebar (Settings › Brand kit), or give it: =ONBRAND_LINT(A2, "", OnbrandKit)', '']]);
    script.run('setupTracker', [{}]);
    expect(script.run('saveSettings', [{ kitJson }])).toMatchObject({ ok: true });
    const kit = parseKitJson(kitJson);
    if (!kit.ok) throw new Error('fixture');
    expect(lint([['Utilize synergy'], ['Plain words']])).toEqual([
      [lintText('Utilize synergy', kit.value).score, lintText('Utilize synergy', kit.value).findings[0]!.message],
      [100, 'On brand'],
    ]);
    // A blank OnbrandKit cell means the saved kit too.
    expect(lint('Plain words', '', [['']])).toEqual([[100, 'On brand']]);
  });

  it('say when the kit in a cell was cut off at the 50,000 characters a cell holds', () => {
    const env = createSheetsEnvironment({ name: 'Campaign', sheets: { Emails: [['Subject line']] }, files: {} });
    const script = loadAppsScript(code, env.services);
    const cutOff = `{"schemaVersion":1,"name":"Big","version":"1.0.0","notes":"${'n'.repeat(60_000)}"}`.slice(0, 50_000);
    const [[message]] = script.run('ONBRAND_LINT', ['Plain words', '', cutOff], { customFunction: true }) as unknown[][];
    expect(message).toBe('Error: the brand kit in that cell is cut off at 50,000 characters, the most a Sheets cell holds. Save the kit from the sidebar (Settings › Brand kit) and leave the kit out: =ONBRAND_LINT(A2)');
  });

  it('carry their JSDoc with @customfunction onto top-level stubs, so Sheets autocompletes them', () => {
    for (const name of ['ONBRAND_SAMPLE_SIZE', 'ONBRAND_PVALUE', 'ONBRAND_LIFT', 'ONBRAND_PROB_BEAT', 'ONBRAND_SCORE', 'ONBRAND_LINT']) {
      const stub = new RegExp(`/\\*\\*((?!\\*/)[\\s\\S])*@param((?!\\*/)[\\s\\S])*@return((?!\\*/)[\\s\\S])*@customfunction\\s*\\*/\\nfunction ${name}\\(`);
      expect(code).toMatch(stub);
    }
  });

  it('run inside the Apps Script context without touching a service', () => {
    const env = createSheetsEnvironment({ name: 'x', sheets: { A: [] }, files: {} });
    const context = createAppsScriptContext(env.services);
    vm.runInContext(code, context);
    env.calls.reset();
    expect((context as Record<string, (...values: unknown[]) => unknown>).ONBRAND_SCORE!(5, 5, 1, 5)).toBe(100);
    expect(env.calls.total()).toBe(0);
  });
});

describe('the Sheets add-on manifest and entry points', () => {
  it('asks for the four scopes and whitelists only the providers’ HTTPS prefixes', () => {
    const manifest = JSON.parse(readDist('sheets-addon/appsscript.json')) as { oauthScopes: string[]; urlFetchWhitelist: string[] };
    expect(manifest.oauthScopes.sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    for (const prefix of manifest.urlFetchWhitelist) expect(prefix).toMatch(/^https:\/\/[a-z.]+\/$/);
  });

  it('exposes every menu action as a top-level function', () => {
    const env = createSheetsEnvironment({ name: 'x', sheets: { A: [] }, files: {} });
    const script = loadAppsScript(code, env.services);
    script.run('onOpen', [{}], { authMode: 'NONE' });
    for (const entry of env.ui.menus[0]!.entries) if ('functionName' in entry) expect(code).toContain(`function ${entry.functionName}() {`);
  });
});
