import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromBrief } from '../../docs-addon/src/server/draft';
import { currentSettings, saveSettings } from '../../docs-addon/src/server/kit-store';
import { installDocs } from './install';

// Apps Script fetches only https:// URLs under the manifest's urlFetchWhitelist: the Docs add-on
// checks a model server's URL when it is saved and does not retry the host's refusal.

const brief = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/briefs/ledgerline-launch.json'), 'utf8'));
const server = 'https://models.example.com/v1';
const settings = (baseUrl: string) => ({ provider: 'openai-compatible', model: 'local-llm', baseUrl, apiKey: 'local-key-0000', clearKey: false });

describe('the model server URL in the Docs settings', () => {
  it('refuses plain http and keeps what was saved before', () => {
    installDocs(['Hi']);
    saveSettings(settings(''));
    expect(() => saveSettings(settings('http://models.example.com/v1'))).toThrow(/^Model server URL: expected a URL that starts with https:\/\//);
    expect(currentSettings()).toMatchObject({ provider: 'openai-compatible', baseUrl: '' });
  });

  it('saves an https server the allowlist lacks, with a notice naming the prefix to add', () => {
    installDocs(['Hi']);
    const saved = saveSettings(settings(server));
    expect(saved).toMatchObject({ baseUrl: server, notice: expect.stringContaining('Add "https://models.example.com/" to urlFetchWhitelist in appsscript.json') });
    expect(saveSettings(settings('https://api.openai.com/v1')).notice).toBeUndefined();
  });
});

describe('drafting through a server outside the allowlist', () => {
  it('asks once without waiting, and the offline draft’s notice says what to change', () => {
    const env = installDocs(['Spring launch']);
    saveSettings(settings(server));
    env.urlFetch.handler = () => ({ status: 200, body: '{}' });
    env.calls.reset();
    const result = draftFromBrief(brief);
    expect(env.calls.count('UrlFetchApp.fetch')).toBe(1);
    expect(env.utilities.sleptMs).toBe(0);
    expect(result.inserted).toBe(true);
    expect(result.notices.join(' ')).toContain('was not called: Apps Script refused to fetch https://models.example.com/v1/chat/completions');
    expect(result.notices.join(' ')).not.toContain('local-key-0000');
  });
});
