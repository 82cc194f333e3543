import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentSettings, importKit, loadKit, saveSettings } from '../../docs-addon/src/server/kit-store';
import { installDocs } from './install';

const ledgerline = readFileSync(join(import.meta.dirname, '../../examples/kits/ledgerline.json'), 'utf8');
const juniper = readFileSync(join(import.meta.dirname, '../../examples/kits/juniper-oak.json'), 'utf8');

describe('the brand kit', () => {
  it('uses the starter kit until one is imported', () => {
    installDocs(['Hi']);
    expect(loadKit()).toMatchObject({ source: 'starter', kit: { name: 'Starter kit' } });
  });

  it('keeps an imported kit with this document, ahead of the user’s default', () => {
    installDocs(['Hi']);
    expect(importKit(juniper, 'user')).toMatchObject({ ok: true, kit: { name: 'Juniper & Oak', source: 'user' } });
    expect(loadKit()).toMatchObject({ source: 'user' });
    expect(importKit(ledgerline, 'document')).toMatchObject({ ok: true, kit: { name: 'Ledgerline', source: 'document' } });
    expect(loadKit()).toMatchObject({ source: 'document', kit: { name: 'Ledgerline' } });
  });

  it('names every bad path of a kit that fails validation, and stores nothing', () => {
    const env = installDocs(['Hi']);
    const bad = JSON.stringify({ schemaVersion: 1, name: '', version: '1', terms: [{ term: 'x', status: 'sometimes' }], rules: [{ type: 'existence', id: 'a', tokens: 'nope' }] });
    const before = JSON.stringify(env.document.snapshot());
    const result = importKit(bad, 'document');
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['name', 'terms[0].status']));
    expect(result.issues.some((i) => i.path.startsWith('rules[0]'))).toBe(true);
    expect(env.properties.document.getKeys()).toEqual([]);
    expect(JSON.stringify(env.document.snapshot())).toBe(before);
    expect(importKit('{ not json', 'document').issues[0]!.path).toBe('(root)');
  });
});

describe('settings', () => {
  it('keeps the API key in user properties only, and shows it masked', () => {
    const env = installDocs(['Hi']);
    const shown = saveSettings({ provider: 'openai', model: 'gpt-4.1-mini', baseUrl: '', apiKey: 'sk-live-abcdef123456', clearKey: false });
    expect(shown).toEqual({ provider: 'openai', model: 'gpt-4.1-mini', baseUrl: '', keyMask: '••••3456' });
    expect(JSON.stringify(shown)).not.toContain('sk-live');
    expect([...env.properties.user.values.values()].join()).toContain('sk-live-abcdef123456');
    expect([...env.properties.document.values.values(), ...env.properties.script.values.values()].join()).not.toContain('sk-live');
  });

  it('keeps the saved key when the form leaves it blank, and removes it on request', () => {
    installDocs(['Hi']);
    saveSettings({ provider: 'gemini', model: '', baseUrl: '', apiKey: 'AIza-key-000011112222', clearKey: false });
    expect(saveSettings({ provider: 'gemini', model: 'x', baseUrl: '', clearKey: false }).keyMask).toBe('••••2222');
    expect(saveSettings({ provider: 'gemini', model: 'x', baseUrl: '', clearKey: true }).keyMask).toBeNull();
  });

  it('treats an unknown provider as offline', () => {
    installDocs(['Hi']);
    saveSettings({ provider: 'skynet', model: '', baseUrl: '', clearKey: false });
    expect(currentSettings().provider).toBe('offline');
  });
});
