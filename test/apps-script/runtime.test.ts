import { describe, expect, it } from 'vitest';
import { createSheetsEnvironment, globalsAppsScriptLacks, loadAppsScript } from '../../preview/src/apps-script';

// The Apps Script runtime the fakes give a script: the globals it has, simulated time and the
// execution time limits. Scripts here are small Code.js files written for each case.

const environment = () => createSheetsEnvironment({ name: 'Plan', sheets: { Log: [['Step']] }, files: {} });

describe('globals Apps Script does not have', () => {
  it.each(globalsAppsScriptLacks)('%s throws V8’s ReferenceError on any access', (name) => {
    const env = environment();
    const script = loadAppsScript(`function bare() { return ${name}; } function viaGlobal() { return globalThis.${name}; }`, env.services);
    expect(() => script.run('bare')).toThrow(new ReferenceError(`${name} is not defined`));
    expect(() => script.run('viaGlobal')).toThrow(`${name} is not defined`);
  });

  it('still gives the script its services and the language’s own globals', () => {
    const script = loadAppsScript('function probe() { return [typeof SpreadsheetApp, typeof JSON, typeof Math, typeof Utilities]; }', environment().services);
    expect(script.run('probe')).toEqual(['object', 'object', 'object', 'object']);
  });
});

describe('simulated time', () => {
  it('gives the script the clock’s Date, moved on by sleep and fetch latency', () => {
    const env = environment();
    env.urlFetch.handler = () => ({ status: 200, body: 'ok' });
    env.urlFetch.latencyMs = 2_500;
    const start = env.clock.now();
    const script = loadAppsScript(
      `function timed() {
        const t0 = Date.now();
        const d0 = new Date().getTime();
        Utilities.sleep(1000);
        UrlFetchApp.fetch('https://api.openai.com/v1/models');
        return [t0, d0, Date.now(), new Date(0).getTime(), new Date() instanceof Date];
      }`,
      env.services,
    );
    expect(script.run('timed')).toEqual([start, start, start + 3_500, 0, true]);
    expect(env.clock.now()).toBe(start + 3_500);
  });

  it('stops a run at 6 minutes with the host’s message, keeping what it wrote before', () => {
    const env = environment();
    const script = loadAppsScript(
      `function long() {
        const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log');
        for (let i = 1; i <= 10; i++) {
          try { Utilities.sleep(50000); } catch (e) { /* the host does not let a script carry on */ }
          sheet.getRange(i + 1, 1).setValue('step ' + i);
        }
        return 'finished';
      }`,
      env.services,
    );
    expect(() => script.run('long')).toThrow('Exceeded maximum execution time');
    // 7 × 50 s fit in 360 s; the 8th sleep reaches the limit, and nothing after it is written.
    expect(env.spreadsheet.getSheetByName('Log')!.snapshot().flat()).toEqual(['Step', ...Array.from({ length: 7 }, (_, i) => `step ${i + 1}`)]);
  });

  it('gives a custom function 30 seconds and a read-only spreadsheet', () => {
    const env = environment();
    const script = loadAppsScript(
      `function SLOW() { Utilities.sleep(31000); return 1; }
       function WRITES() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log').getRange('A2').setValue('x'); return 1; }
       function READS() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log').getRange('A1').getValue(); }
       function SAVES() { PropertiesService.getDocumentProperties().setProperty('k', 'v'); }
       function WHO() { return PropertiesService.getUserProperties().getProperty('k'); }`,
      env.services,
    );
    expect(script.run('SLOW')).toBe(1);
    expect(() => script.run('SLOW', [], { customFunction: true })).toThrow('Exceeded maximum execution time');
    expect(() => script.run('WRITES', [], { customFunction: true })).toThrow('You do not have permission to call setValue');
    expect(() => script.run('SAVES', [], { customFunction: true })).toThrow('You do not have permission to call setProperty');
    expect(() => script.run('WHO', [], { customFunction: true })).toThrow('You do not have permission to call getProperty');
    expect(script.run('READS', [], { customFunction: true })).toBe('Step');
    // The next ordinary run has its full time and rights again.
    expect(script.run('WRITES')).toBe(1);
  });
});
