import { describe, expect, it } from 'vitest';
import { readRecord } from '../../figma-plugin/src/main/versions';
import { FakeFigma, type FakeFrameNode } from '../../preview/src/figma';
import { ok, sampleFile } from './harness';

describe('the fake figma: plugin data limits', () => {
  it('counts the plugin id, the key and the value of an entry against 100 kB', () => {
    const figma = new FakeFigma();
    const frame = figma.add('FRAME', 'Frame');
    const room = 100_000 - figma.world.pluginId.length - 'key'.length;
    frame.setPluginData('key', 'x'.repeat(room));
    expect(() => frame.setPluginData('key', 'x'.repeat(room + 1))).toThrow('in setPluginData: This pluginData entry exceeds 100 kB per entry limit.');
    // Bytes, not characters: "é" is two.
    expect(() => frame.setPluginData('key', 'é'.repeat(room / 2 + 1))).toThrow(/exceeds 100 kB/);
  });

  it('counts the namespace of shared plugin data, and wants one of 3 or more alphanumerics', () => {
    const figma = new FakeFigma();
    const room = 100_000 - 'onbrand'.length - 'kit'.length;
    figma.root.setSharedPluginData('onbrand', 'kit', 'x'.repeat(room));
    expect(() => figma.root.setSharedPluginData('onbrand', 'kit', 'x'.repeat(room + 1))).toThrow('in setSharedPluginData: This pluginData entry exceeds 100 kB per entry limit.');
    expect(() => figma.root.setSharedPluginData('ob', 'kit', '{}')).toThrow(/at least 3 alphanumeric/);
  });

  it('keeps private plugin data and client storage for the plugin id that wrote them', async () => {
    const figma = new FakeFigma();
    figma.root.setPluginData('k', 'v');
    await figma.clientStorage.setAsync('key', 'secret');
    figma.world.pluginId = '1440000000000000002';
    expect(figma.root.getPluginData('k')).toBe('');
    expect(await figma.clientStorage.getAsync('key')).toBeUndefined();
  });
});

describe('what the plugin stores in a file', () => {
  it('stores a version record larger than one entry in pieces, and reads it back', async () => {
    const { figma, master } = await sampleFile();
    // A master with thousands of layers: its versions' records outgrow one 100 kB entry.
    const grid = figma.add('FRAME', 'Pattern', { x: 0, y: 0, width: 1080, height: 1080 }, master);
    for (let i = 0; i < 3000; i++) figma.add('RECTANGLE', `Dot ${i}`, { x: (i % 60) * 18, y: Math.floor(i / 60) * 18, width: 10, height: 10 }, grid);
    const made = await ok(figma, 'generateVersions', { sizes: ['300x250'], copy: { mode: 'master' } });
    expect(made.notices).toEqual([]);
    const version = figma.findById(made.versions[0].id) as FakeFrameNode;
    expect(Object.keys(version.pluginDataSnapshot()).filter((key) => key.startsWith('onbrand:version.')).length).toBeGreaterThan(1);
    expect(Object.keys(readRecord(version)!.layers)).toHaveLength(3000 + 11);
    const listed = await ok(figma, 'listVersions', { scope: 'all' });
    expect(listed.versions).toHaveLength(1);
  });

  it('keeps versions linked to their master when the plugin runs under another id', async () => {
    const { figma } = await sampleFile();
    await ok(figma, 'generateVersions', { sizes: ['300x250'], copy: { mode: 'master' } });
    figma.world.pluginId = '1440000000000000002';
    const listed = await ok(figma, 'listVersions', { scope: 'all' });
    expect(listed.versions).toHaveLength(1);
  });

  it('reads records older versions kept privately, and moves them to shared data on the next write', async () => {
    const { figma, master } = await sampleFile();
    const made = await ok(figma, 'generateVersions', { sizes: ['300x250'], copy: { mode: 'master' } });
    const version = figma.findById(made.versions[0].id) as FakeFrameNode;
    // The file as an older version of the plugin left it.
    version.setPluginData('onbrand.version', version.getSharedPluginData('onbrand', 'version'));
    version.setSharedPluginData('onbrand', 'version', '');
    figma.root.setPluginData('onbrand.sections', figma.root.getSharedPluginData('onbrand', 'sections'));
    figma.root.setSharedPluginData('onbrand', 'sections', '');
    expect(readRecord(version)).toMatchObject({ masterId: master.id });
    const updated = await ok(figma, 'updateVersions', { scope: 'all' });
    expect(updated.updated).toBe(1);
    expect(version.getPluginData('onbrand.version')).toBe('');
    expect(JSON.parse(version.getSharedPluginData('onbrand', 'version'))).toMatchObject({ masterId: master.id });
  });
});
