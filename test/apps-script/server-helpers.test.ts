import { afterEach, describe, expect, it } from 'vitest';
import { maskApiKey, readApiKey, readStoredJson, saveApiKey, withDocumentLock, writeStoredJson } from '../../apps-script/src/server';
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
    expect(Number(store.getProperty('onbrand.kit.count'))).toBeGreaterThan(1);
    expect(readStoredJson(store as never, 'onbrand.kit')).toEqual(kit);
  });

  it('removes the chunks a shorter value no longer needs', () => {
    const store = new FakeProperties('DocumentProperties', new CallLog());
    writeStoredJson(store as never, 'k', 'x'.repeat(30_000));
    writeStoredJson(store as never, 'k', 'short');
    expect(store.getKeys().sort()).toEqual(['k.0', 'k.count']);
    expect(readStoredJson(store as never, 'k')).toBe('short');
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
