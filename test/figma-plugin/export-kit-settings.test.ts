import { describe, expect, it } from 'vitest';
import { pngSize, sampleKit } from '../../preview/src/figma';
import { ok, rpc, sampleFile } from './harness';

describe('export', () => {
  it('exports the chosen versions at 2× with file names from their names, and their records for the manifest', async () => {
    const { figma } = await sampleFile();
    const made = await ok(figma, 'generateVersions', { sizes: ['300x250', '728x90'], copy: { mode: 'rows', rows: [{ variant: 'A', locale: 'en', texts: { '#headline': 'Hi' } }] } });
    const ids = made.versions.map((version: { id: string }) => version.id);
    figma.calls.reset();
    const out = await ok(figma, 'exportVersions', { ids, format: 'PNG', scale: 2 });
    expect(out.files.map((file: { fileName: string }) => file.fileName)).toEqual(['Spring-Sale-Master_300x250_A_en@2x.png', 'Spring-Sale-Master_728x90_A_en@2x.png']);
    expect(pngSize(out.files[0].bytes)).toEqual({ width: 600, height: 500 });
    expect(out.files[1].version).toMatchObject({ width: 728, height: 90, variant: 'A', locale: 'en' });
    expect(figma.calls.count('exportAsync')).toBe(2);
  });

  it('exports PDF, and skips ids that are not versions', async () => {
    const { figma, master } = await sampleFile();
    const made = await ok(figma, 'generateVersions', { sizes: ['300x250'], copy: { mode: 'master' } });
    const out = await ok(figma, 'exportVersions', { ids: [made.versions[0].id, master.id], format: 'PDF', scale: 1 });
    expect(out.files).toHaveLength(1);
    expect(new TextDecoder().decode(out.files[0].bytes.slice(0, 5))).toBe('%PDF-');
    expect(out.notices[0]).toMatch(/not a version/);
  });
});

describe('the brand kit in the document', () => {
  it('is kept in shared plugin data and shown with its version', async () => {
    const { figma } = await sampleFile({ kit: false });
    const saved = await ok(figma, 'saveKit', { json: JSON.stringify(sampleKit) });
    expect(saved).toMatchObject({ ok: true, kit: { name: 'Ledgerline', version: '2.1.0', palette: 3 } });
    expect(figma.root.getSharedPluginData('onbrand', 'kit.count')).toBe('1');
    expect((await ok(figma, 'getState', {})).kit).toMatchObject({ version: '2.1.0' });
  });

  it('stores a kit larger than one entry in pieces', async () => {
    const { figma } = await sampleFile({ kit: false });
    const big = { ...sampleKit, description: 'x'.repeat(250_000) };
    await ok(figma, 'saveKit', { json: JSON.stringify(big) });
    expect(figma.root.getSharedPluginData('onbrand', 'kit.count')).toBe('3');
    expect((await ok(figma, 'getState', {})).kitJson).toBe(JSON.stringify(big));
  });

  it('refuses a bad kit, naming the field, and keeps the old one', async () => {
    const { figma } = await sampleFile();
    const saved = await ok(figma, 'saveKit', { json: JSON.stringify({ ...sampleKit, version: '' }) });
    expect(saved.ok).toBe(false);
    expect(saved.issues[0]).toMatchObject({ path: 'version' });
    expect(saved.kit).toMatchObject({ version: '2.1.0' });
  });
});

describe('settings and the API key', () => {
  it('keeps preferences and the key in client storage, never in the document, and shows the key masked', async () => {
    const { figma } = await sampleFile();
    await ok(figma, 'savePreferences', { nameTemplate: '{w}x{h}', sizeSets: [{ name: 'Display', sizes: ['300x250', '728x90'] }], provider: 'openai', model: '' });
    const masked = await ok(figma, 'saveApiKey', { apiKey: 'sk-test-1234567890' });
    expect(masked.apiKey).toBe('••••7890');
    const state = await ok(figma, 'getState', {});
    expect(state.preferences.sizeSets).toEqual([{ name: 'Display', sizes: ['300x250', '728x90'] }]);
    expect(state.apiKey).toBe('••••7890');
    expect(figma.clientStorage.values.get('onbrand.apiKey')).toBe('sk-test-1234567890');
    expect(JSON.stringify(figma.root.pluginDataSnapshot())).not.toContain('sk-test');
  });

  it('sends model requests through the main thread, filling in the key there', async () => {
    const { FakeFigma, addSampleCampaign } = await import('../../preview/src/figma');
    const { startPlugin } = await import('../../figma-plugin/src/main/plugin');
    const figma = new FakeFigma();
    addSampleCampaign(figma);
    const seen: { url: string; headers: Record<string, string> }[] = [];
    startPlugin(figma, '', { transport: async (request) => (seen.push(request), { status: 200, body: '{}' }) });
    await ok(figma, 'saveApiKey', { apiKey: 'sk-secret' });
    const answer = await ok(figma, 'httpRequest', { url: 'https://api.openai.com/v1/chat/completions', method: 'POST', headers: { authorization: 'Bearer {{apiKey}}' }, body: '{}' });
    expect(answer.status).toBe(200);
    expect(seen[0]!.headers.authorization).toBe('Bearer sk-secret');
  });

  it('has no network where there is no transport', async () => {
    const { figma } = await sampleFile();
    const result = await rpc(figma, 'httpRequest', { url: 'https://api.openai.com', method: 'POST', headers: {}, body: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'offline' } });
  });
});
