import { countCalls, type CallLog } from '../call-log';
import type { Mirror } from './mirror';

type Properties = GoogleAppsScript.Properties.Properties;

// PropertiesService quotas: 9 KB per value and 500 KB per store. The fake refuses what Apps Script refuses.
const maxValueBytes = 9 * 1024;
const maxStoreBytes = 500 * 1024;

const quotaMessage = 'You have exceeded the property storage quota. Please remove some properties and try again.';

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

export class FakeProperties
  implements Mirror<Properties, 'getProperty' | 'setProperty' | 'deleteProperty' | 'getKeys' | 'getProperties', { setProperty: FakeProperties; deleteProperty: FakeProperties }>
{
  readonly values = new Map<string, string>();
  private writesUntilFailure: number | null = null;

  constructor(
    readonly store: string,
    readonly calls: CallLog,
  ) {}

  getProperty(key: string): string | null {
    return this.values.get(key) ?? null;
  }

  /** Makes the nth setProperty from now fail as a full store does (1: the next one); for tests. */
  failNthWrite(n: number): void {
    this.writesUntilFailure = n;
  }

  setProperty(key: string, value: string): FakeProperties {
    if (utf8Length(key) + utf8Length(value) > maxValueBytes) throw new Error('Argument too large: value');
    const total = [...this.values].reduce((sum, [k, v]) => (k === key ? sum : sum + utf8Length(k) + utf8Length(v)), utf8Length(key) + utf8Length(value));
    const injected = this.writesUntilFailure !== null && --this.writesUntilFailure === 0;
    if (injected) this.writesUntilFailure = null;
    if (total > maxStoreBytes || injected) throw new Error(quotaMessage);
    this.values.set(key, String(value));
    return this;
  }

  deleteProperty(key: string): FakeProperties {
    this.values.delete(key);
    return this;
  }

  getKeys(): string[] {
    return [...this.values.keys()];
  }

  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.values);
  }
}

// Each store counts under its own name: UserProperties.getProperty, DocumentProperties.getProperty…
countCalls(FakeProperties, (properties) => properties.store, ['getProperty', 'setProperty', 'deleteProperty', 'getKeys', 'getProperties']);

/** Three stores with Apps Script's visibility: the user's own, the file's (all editors), the script's (all users). */
export class FakePropertiesService {
  readonly user: FakeProperties;
  readonly document: FakeProperties;
  readonly script: FakeProperties;

  constructor(calls: CallLog) {
    this.user = new FakeProperties('UserProperties', calls);
    this.document = new FakeProperties('DocumentProperties', calls);
    this.script = new FakeProperties('ScriptProperties', calls);
  }

  getUserProperties(): FakeProperties {
    return this.user;
  }
  getDocumentProperties(): FakeProperties {
    return this.document;
  }
  getScriptProperties(): FakeProperties {
    return this.script;
  }
}
