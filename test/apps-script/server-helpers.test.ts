import { afterEach, describe, expect, it } from 'vitest';
import { deleteStoredJson, maskApiKey, readApiKey, readStoredJson, saveApiKey, withDocumentLock, writeStoredJson } from '../../apps-script/src/server';
import { CallLog } from '../../preview/src/call-log';
import { FakeLockService, FakeProperties, FakePropertiesService } from '../../preview/src/apps-script';

const globals = globalThis as Record<string, unknown>;
afterEach(() => {
  delete globals.PropertiesService;
  delete globals.LockService;
});

describe('stored JSON in properties', () => {
  it('round-trips a value larger than one property can hold, in chunks', () => {
    const store = new FakeProperties('DocumentProperties', new CallLog());
    const kit = { name: 'Juniper & Oak', terms: Array.from({ length: 400 }, (_, i) => ({ term: `term ${i} ✓`, status: 'approved' })) };
    writeStoredJson(store as never, 'onbrand.kit', kit);
    expect(store.getKeys().filter((key) => key.startsWith('onbrand.kit.v1.')).length).toBeGreaterThan(1);
    expect(readStoredJson(store as never, 'onbrand.kit')).toEqual(kit);
  });

  it('removes the chunks a shorter value no longer needs', () => {
    const store = new FakeProperties('DocumentProperties', new CallLog());
    writeStoredJson(store as never, 'k', 'x'.repeat(30_000));
    writeStoredJson(store as never, 'k', 'short');
    expect(store.getKeys().sort()).toEqual(['k.v', 'k.v2.0']);
    expect(readStoredJson(store as never, 'k')).toBe('short');
    deleteStoredJson(store as never, 'k');
    expect(store.getKeys()).toEqual([]);
    expect(readStoredJson(store as never, 'k')).toBeNull();
  });

  it('keeps the old value readable when the store fills up part way through a write, and says what was not saved', () => {
    const store = new FakeProperties('DocumentProperties', new CallLog());
    const old = { name: 'Acme', terms: Array.from({ length: 1500 }, (_, i) => `old term ${i}`) };
    writeStoredJson(store as never, 'onbrand.kit', old);
    const keys = store.getKeys().sort();
    // The third write of the next save fails, as a full store refuses it.
    store.failNthWrite(3);
    const next = { name: 'Acme', terms: Array.from({ length: 1500 }, (_, i) => `new term ${i}`) };
    expect(() => writeStoredJson(store as never, 'onbrand.kit', next, 'the brand kit for this file')).toThrow(
      /^Could not save the brand kit for this file: Apps Script’s storage for the add-on is full .*What was saved before is kept unchanged\.$/,
    );
    expect(readStoredJson(store as never, 'onbrand.kit')).toEqual(old);
    expect(store.getKeys().sort()).toEqual(keys);
    writeStoredJson(store as never, 'onbrand.kit', next);
    expect(readStoredJson(store as never, 'onbrand.kit')).toEqual(next);
  });

  it('reads a value saved in the earlier numbered layout, and replaces it whole on the next write', () => {
    const store = new FakeProperties('DocumentProperties', new CallLog());
    const text = JSON.stringify({ name: 'Acme', note: 'n'.repeat(10_000) });
    store.setProperty('onbrand.kit.0', text.slice(0, 6000));
    store.setProperty('onbrand.kit.1', text.slice(6000));
    store.setProperty('onbrand.kit.count', '2');
    expect(readStoredJson(store as never, 'onbrand.kit')).toEqual(JSON.parse(text));
    writeStoredJson(store as never, 'onbrand.kit', { name: 'Acme 2' });
    expect(store.getKeys().sort()).toEqual(['onbrand.kit.v', 'onbrand.kit.v1.0']);
    expect(readStoredJson(store as never, 'onbrand.kit')).toEqual({ name: 'Acme 2' });
  });
});

describe('API keys', () => {
  it('live in the user store only and are shown masked', () => {
    const service = new FakePropertiesService(new CallLog());
    globals.PropertiesService = service;
    saveApiKey('openai', '  sk-test-1234567890abcd ');
    expect(service.user.getProperty('onbrand.apiKey.openai')).toBe('sk-test-1234567890abcd');
    expect(service.document.getKeys()).toEqual([]);
    expect(service.script.getKeys()).toEqual([]);
    expect(readApiKey('openai')).toBe('sk-test-1234567890abcd');
    expect(maskApiKey(readApiKey('openai'))).toBe('••••abcd');
    saveApiKey('openai', '');
    expect(readApiKey('openai')).toBeNull();
  });
});

describe('withDocumentLock', () => {
  it('holds the lock while working and releases it after a failure', () => {
    const locks = new FakeLockService(new CallLog());
    globals.LockService = locks;
    expect(withDocumentLock(() => locks.documentLock.hasLock())).toBe(true);
    expect(() => withDocumentLock(() => { throw new Error('bad row'); })).toThrow('bad row');
    expect(locks.documentLock.hasLock()).toBe(false);
  });

  it('says another action is running when the lock cannot be had', () => {
    const locks = new FakeLockService(new CallLog());
    locks.documentLock.contended = true;
    globals.LockService = locks;
    expect(() => withDocumentLock(() => 1)).toThrow(/Another Onbrand action is still running/);
  });
});
