import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createAppsScriptContext, createDocsEnvironment, createSheetsEnvironment, loadAppsScript } from '../../preview/src/apps-script';
import { docsContract } from '../../docs-addon/src/contract';
import { sheetsContract } from '../../sheets-addon/src/contract';
import { readDist } from '../helpers/dist';

const addons = [
  {
    name: 'sheets-addon',
    contract: sheetsContract,
    scope: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
    environment: (files: Record<string, string>) =>
      createSheetsEnvironment({ name: 'Budget 2026', sheets: { Plan: [['Channel', 'Spend'], ['Search', 1200]] }, files }),
    /** Endpoints that act on one named thing; every other endpoint accepts `{}`. */
    named: { reviewInsight: { id: 'insight-1' }, reportInsight: { id: 'insight-1' }, logLearning: { experiment: 'Subject lines' }, moveStage: { useCase: 'Churn-risk audiences', reason: 'Scored above the bar.' }, addExperimentFromTemplate: { templateId: 'send-time', useCase: 'Churn-risk audiences', experiment: 'Send time' } } as Record<string, object>,
  },
  {
    name: 'docs-addon',
    contract: docsContract,
    scope: 'https://www.googleapis.com/auth/documents.currentonly',
    environment: (files: Record<string, string>) => createDocsEnvironment({ name: 'Launch brief', paragraphs: ['Launch brief', 'Two words.'], files }),
    named: { chooseRewrite: { id: 'rewrite-1' }, runTemplate: { templateId: 'subject-lines' }, approveMark: { id: 'mark-1' }, rejectMark: { id: 'mark-1' }, reportMark: { id: 'mark-1' } } as Record<string, object>,
  },
] as const;

/** Top-level function declarations as Apps Script sees them: global functions after evaluation. */
function topLevelFunctions(code: string): string[] {
  const context = vm.createContext({});
  vm.runInContext(code, context);
  return Object.keys(context).filter((name) => typeof (context as Record<string, unknown>)[name] === 'function');
}

describe.each(addons)('$name bundle as Apps Script loads it', ({ name, contract, scope, environment, named }) => {
  const code = readDist(`${name}/Code.js`);
  const sidebar = readDist(`${name}/Sidebar.html`);
  const files = { Sidebar: sidebar };

  it('holds no module syntax, Node globals or timers that Apps Script lacks', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toContain('require(');
    expect(code).not.toContain('process.');
    expect(code).not.toContain('setTimeout');
  });

  it('declares every entry point Apps Script calls by name as a top-level function', () => {
    const functions = topLevelFunctions(code);
    for (const entry of ['onOpen', 'onInstall', 'showSidebar', ...Object.keys(contract)]) expect(functions).toContain(entry);
  });

  it('evaluates with code generation from strings disabled', () => {
    const { services } = environment(files);
    expect(() => vm.runInContext(code, createAppsScriptContext(services))).not.toThrow();
  });

  it('builds its menu in AuthMode.NONE, and every menu item names a top-level function', () => {
    const env = environment(files);
    loadAppsScript(code, env.services).run('onOpen', [{ authMode: 'NONE' }], { authMode: 'NONE' });
    const entries = env.ui.menus.flatMap((menu) => menu.entries);
    expect(entries.length).toBeGreaterThan(0);
    const functions = topLevelFunctions(code);
    for (const entry of entries) if ('functionName' in entry) expect(functions).toContain(entry.functionName);
  });

  it('reports a read refused in AuthMode.NONE as an error the sidebar can show', () => {
    const env = environment(files);
    const script = loadAppsScript(code, env.services);
    const endpoint = Object.keys(contract)[0]!;
    const result = script.run(endpoint, [{}], { authMode: 'NONE' }) as { ok: boolean; error: { message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.message).toMatch(/not allowed in AuthMode.NONE/);
  });

  it('opens the single-file sidebar from the menu callback', () => {
    const env = environment(files);
    loadAppsScript(code, env.services).run('showSidebar');
    expect(env.ui.sidebar?.fileName).toBe('Sidebar');
    expect(env.ui.sidebar?.getTitle()).toBe('Onbrand');
    expect(env.ui.sidebar?.getContent()).toBe(sidebar);
  });

  it('answers each sidebar endpoint with a result, and bad input with a named error', () => {
    const env = environment(files);
    const script = loadAppsScript(code, env.services);
    for (const endpoint of Object.keys(contract)) {
      expect(script.run(endpoint, [named[endpoint] ?? {}]), endpoint).toMatchObject({ ok: true });
      expect(script.run(endpoint, ['not an object'])).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    }
  });

  it('refuses a call that leaves out which thing to act on, naming the field', () => {
    const script = loadAppsScript(code, environment(files).services);
    for (const [endpoint, input] of Object.entries(named)) {
      const field = Object.keys(input)[0]!;
      const result = script.run(endpoint, [{}]) as { ok: boolean; error: { code: string; message: string } };
      expect(result, endpoint).toMatchObject({ ok: false, error: { code: 'bad_input' } });
      expect(result.error.message).toContain(`${field}: expected`);
    }
  });

  it('ships a sidebar with its script and styles inlined and nothing fetched', () => {
    expect(sidebar).not.toMatch(/<script[^>]+src=/i);
    expect(sidebar).not.toMatch(/<link[^>]+stylesheet/i);
    expect(sidebar).not.toMatch(/https?:\/\/(?!www\.w3\.org)[^\s"')]+\.(js|css)/i);
    expect(sidebar.match(/<script>/g)).toHaveLength(1);
    // Only the real closing tag may spell </script.
    expect(sidebar.match(/<\/script/gi)).toHaveLength(1);
  });

  it('asks only for current-file scopes in a V8 manifest', () => {
    const manifest = JSON.parse(readDist(`${name}/appsscript.json`)) as { runtimeVersion: string; oauthScopes: string[] };
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toContain(scope);
    for (const granted of manifest.oauthScopes) expect(granted).toMatch(/currentonly|script\.container\.ui|script\.external_request|userinfo\.email/);
  });
});

describe('the Sheets add-on reading a sheet', () => {
  it('reads the header row in a fixed number of calls, whatever the sheet size', () => {
    const rows = [['Name', 'Stage'], ...Array.from({ length: 500 }, (_, i) => [`Use case ${i}`, 'ideate'])];
    const env = createSheetsEnvironment({ name: 'Portfolio', sheets: { 'Use cases': rows }, files: {} });
    const result = loadAppsScript(readDist('sheets-addon/Code.js'), env.services).run('getSheetSummary', [{}]);
    expect(result).toEqual({ ok: true, value: { spreadsheetName: 'Portfolio', sheetName: 'Use cases', rowCount: 501, columnCount: 2, headers: ['Name', 'Stage'] } });
    expect(env.calls.count('Range.getDisplayValues')).toBe(1);
    expect(env.calls.total()).toBeLessThanOrEqual(8);
  });
});
