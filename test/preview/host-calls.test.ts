import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as document from '../../preview/src/apps-script/fake-document';
import * as htmlService from '../../preview/src/apps-script/fake-html-service';
import * as lock from '../../preview/src/apps-script/fake-lock';
import * as properties from '../../preview/src/apps-script/fake-properties';
import * as session from '../../preview/src/apps-script/fake-session';
import * as spreadsheet from '../../preview/src/apps-script/fake-spreadsheet';
import * as editorUi from '../../preview/src/apps-script/fake-ui';
import * as urlFetch from '../../preview/src/apps-script/fake-url-fetch';
import { CallLog, countCalls, isCounted } from '../../preview/src/call-log';
import * as figma from '../../preview/src/figma/fake-figma';
import * as nodes from '../../preview/src/figma/fake-nodes';
import * as text from '../../preview/src/figma/fake-text';

type Class = abstract new (...args: never[]) => object;

// The modules whose fake classes each interface of official-types.ts maps.
const groups: Record<string, Record<string, unknown>> = {
  SpreadsheetFakes: spreadsheet,
  DocumentFakes: document,
  ServiceFakes: { ...editorUi, ...htmlService, ...properties, ...lock, ...session, ...urlFetch },
  FigmaFakes: { ...figma, ...nodes, ...text },
};

// Classes that only share code with the fakes above; they are checked through their subclasses.
const bases = ['FakeElement', 'FakeContainer', 'FakePluginData', 'FakeSceneNode', 'FakeLayer'];

// Official methods the fakes answer without counting a call: what an object already holds (a
// range's position, ids, a built rule's settings, a response's contents), casts between element
// types, the services' getters for their stores and locks, and the when… conditions, which are
// counted once, as ConditionalFormatRuleBuilder.when.
const free: Record<string, string[]> = {
  'SpreadsheetFakes.FakeRange': ['getRow', 'getColumn', 'getNumRows', 'getNumColumns', 'getLastRow', 'getLastColumn', 'getA1Notation'],
  'SpreadsheetFakes.FakeSpreadsheet': ['getId', 'getUrl'],
  'SpreadsheetFakes.FakeDataValidation': ['getAllowInvalid', 'getHelpText', 'getCriteriaType', 'getCriteriaValues'],
  'SpreadsheetFakes.FakeConditionalFormatRule': ['getRanges'],
  'SpreadsheetFakes.FakeConditionalFormatRuleBuilder': ['whenTextEqualTo', 'whenTextContains', 'whenNumberLessThan', 'whenNumberGreaterThanOrEqualTo', 'whenFormulaSatisfied'],
  'DocumentFakes.FakeDocument': ['getId'],
  'DocumentFakes.FakeElement': ['asText', 'asParagraph', 'asListItem', 'asTable', 'asTableCell'],
  'ServiceFakes.FakeHtmlOutput': ['getContent', 'getTitle', 'setTitle'],
  'ServiceFakes.FakeHttpResponse': ['getResponseCode', 'getContentText', 'getAllHeaders', 'getHeaders'],
  'ServiceFakes.FakeLock': ['hasLock'],
  'ServiceFakes.FakeLockService': ['getDocumentLock', 'getScriptLock', 'getUserLock'],
  'ServiceFakes.FakePropertiesService': ['getUserProperties', 'getDocumentProperties', 'getScriptProperties'],
  'ServiceFakes.FakeSession': ['getScriptTimeZone'],
  'ServiceFakes.FakeUtilities': ['getUuid'],
};

let official: Record<string, Record<string, string[]>> | undefined;

/** Each official type's method names, read from the official typings: group → fake class → names. */
function officialMethods(): Record<string, Record<string, string[]>> {
  if (official) return official;
  const file = join(import.meta.dirname, 'official-types.ts');
  const modules = join(import.meta.dirname, '../../node_modules');
  // Only the declarations are read, so the program needs no standard library.
  const program = ts.createProgram([file, join(modules, '@figma/plugin-typings/plugin-api.d.ts')], { noLib: true, types: ['google-apps-script'], typeRoots: [join(modules, '@types')] });
  const checker = program.getTypeChecker();
  const methodsOf = (type: ts.Type) => checker.getPropertiesOfType(type).filter((member) => member.declarations?.some(ts.isMethodSignature)).map((member) => member.name);
  official = {};
  for (const statement of program.getSourceFile(file)!.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const fakes = checker.getPropertiesOfType(checker.getTypeAtLocation(statement.name));
    official[statement.name.text] = Object.fromEntries(fakes.map((fake) => [fake.name, methodsOf(checker.getTypeOfSymbol(fake))]));
  }
  return official;
}

function* prototypes(type: Class): Generator<object> {
  for (let prototype = type.prototype as object; prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype)) yield prototype;
}

/** A member as a class has it, from the nearest prototype that defines it, and that prototype's class. */
function resolve(type: Class, name: string): { descriptor: PropertyDescriptor; owner: string } | undefined {
  for (const prototype of prototypes(type)) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
    if (descriptor) return { descriptor, owner: prototype.constructor.name };
  }
  return undefined;
}

const parts = ['value', 'get', 'set'] as const;
const fakeClasses = (group: Record<string, unknown>) =>
  Object.entries(group).filter((entry): entry is [string, Class] => entry[0].startsWith('Fake') && typeof entry[1] === 'function' && /^class /.test(String(entry[1])));
const sorted = (lists: Record<string, string[]>) => Object.fromEntries(Object.entries(lists).sort(([a], [b]) => a.localeCompare(b)).map(([key, names]) => [key, [...names].sort()]));

describe('countCalls', () => {
  class Counter {
    value = 0;
    constructor(readonly calls: CallLog) {}
    add(step: number): number {
      if (step < 0) throw new Error('negative step');
      return (this.value += step);
    }
    peek(): number {
      return this.value;
    }
    get level(): number {
      return this.value;
    }
    set level(value: number) {
      this.value = value;
    }
  }
  countCalls(Counter, 'Counter', ['add', 'level.set']);

  it('records each named method as host.method before it runs, and leaves the others free', () => {
    const counter = new Counter(new CallLog());
    expect(counter.add(2)).toBe(2);
    expect(() => counter.add(-1)).toThrow('negative step');
    counter.peek();
    expect(counter.calls.byName()).toEqual({ 'Counter.add': 2 });
  });

  it('counts a property write as name.set and leaves its read free', () => {
    const counter = new Counter(new CallLog());
    counter.level = 5;
    expect(counter.level).toBe(5);
    expect(counter.calls.byName()).toEqual({ 'Counter.level.set': 1 });
  });

  it('takes the host name from the instance when given a function, and records the bare name for an empty host', () => {
    class Store {
      constructor(
        readonly calls: CallLog,
        readonly name: string,
      ) {}
      read(): void {}
    }
    class Bare extends Store {
      write(): void {}
    }
    countCalls(Store, (store) => store.name, ['read']);
    countCalls(Bare, '', ['write']);
    const calls = new CallLog();
    new Store(calls, 'UserProperties').read();
    new Bare(calls, 'ScriptProperties').read();
    new Bare(calls, 'ScriptProperties').write();
    expect(calls.byName()).toEqual({ 'UserProperties.read': 1, 'ScriptProperties.read': 1, write: 1 });
  });

  it('refuses a member the class does not define itself', () => {
    class Child extends Counter {}
    expect(() => countCalls(Child, 'Child', ['add'])).toThrow('Child has no add of its own to count.');
    expect(() => countCalls(Counter, 'Counter', ['level.get', 'value'])).toThrow('Counter has no value of its own to count.');
  });
});

describe('the simulated hosts', () => {
  it('stand each fake class for an official type', () => {
    for (const [group, module] of Object.entries(groups)) {
      const names = fakeClasses(module).map(([name]) => name).filter((name) => !bases.includes(name));
      expect(names.sort(), group).toEqual(Object.keys(officialMethods()[group]!).sort());
    }
  });

  it('count every official method they implement, except the few they answer from what they hold', () => {
    const found: Record<string, string[]> = {};
    for (const [group, fakes] of Object.entries(officialMethods())) {
      for (const [name, methods] of Object.entries(fakes)) {
        const implemented = methods.map((method) => [method, resolve(groups[group]![name] as Class, method)] as const).filter(([, member]) => typeof member?.descriptor.value === 'function');
        // Guards the reading of the typings: every fake implements some of its official methods.
        expect(implemented.length, name).toBeGreaterThan(0);
        for (const [method, member] of implemented) {
          const key = `${group}.${member!.owner}`;
          if (!isCounted(member!.descriptor.value) && !found[key]?.includes(method)) (found[key] ??= []).push(method);
        }
      }
    }
    expect(sorted(found)).toEqual(sorted(free));
  });

  it('count an overriding method or setter as the member it overrides', () => {
    const uncounted: string[] = [];
    for (const module of Object.values(groups)) {
      for (const [name, type] of fakeClasses(module)) {
        for (const prototype of prototypes(type)) {
          for (const member of Object.getOwnPropertyNames(prototype)) {
            const inherited = Object.getOwnPropertyDescriptor(prototype, member)!;
            const own = resolve(type, member)!.descriptor;
            for (const part of parts) if (isCounted(inherited[part]) && !isCounted(own[part])) uncounted.push(`${name}.${member}${part === 'value' ? '' : `.${part}`}`);
          }
        }
      }
    }
    expect(uncounted).toEqual([]);
  });

  it('leave their snapshot helpers uncounted', () => {
    const counted: string[] = [];
    for (const module of Object.values(groups)) {
      for (const [name, type] of fakeClasses(module)) {
        for (const prototype of prototypes(type)) {
          for (const member of Object.getOwnPropertyNames(prototype).filter((member) => /snapshot/i.test(member))) {
            const descriptor = Object.getOwnPropertyDescriptor(prototype, member)!;
            if (parts.some((part) => isCounted(descriptor[part]))) counted.push(`${name}.${member}`);
          }
        }
      }
    }
    expect(counted).toEqual([]);
  });
});
