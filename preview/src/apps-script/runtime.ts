import vm from 'node:vm';
import type { CallLog } from '../call-log';
import type { Services } from './environments';
import { customFunctionTimeLimitMs, FakeClock, scriptTimeLimitMs } from './fake-clock';
import type { FakeUtilities } from './fake-session';

export type AuthMode = 'NONE' | 'FULL';

// In AuthMode.NONE (an add-on installed but not yet used in this file) a script may build menus
// and nothing else; Apps Script refuses the rest. The fake refuses it the same way.
const allowedInAuthModeNone: Readonly<Record<string, readonly string[]>> = {
  SpreadsheetApp: ['getUi'],
  DocumentApp: ['getUi'],
  console: ['log', 'info', 'warn', 'error'],
};

function restrictToAuthModeNone(services: Services): Services {
  const restricted: Services = {};
  for (const [name, service] of Object.entries(services)) {
    restricted[name] = new Proxy(service as object, {
      get(target, property) {
        const value = Reflect.get(target, property);
        if (allowedInAuthModeNone[name]?.includes(String(property)) && typeof value === 'function') return value.bind(target);
        throw new Error(`${name}.${String(property)} needs authorization: it is not allowed in AuthMode.NONE.`);
      },
    });
  }
  return restricted;
}

// Names Node and browsers give a script that Apps Script's V8 does not: a bundle that reaches for
// one fails in the real host, so it fails here too, with V8's message, on any access.
export const globalsAppsScriptLacks = [
  'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'fetch', 'TextEncoder', 'TextDecoder', 'structuredClone',
  'URL', 'URLSearchParams', 'queueMicrotask', 'require', 'process', 'Buffer', 'atob', 'btoa',
] as const;

/** Makes `Date` and `Date.now()` in a script's scope read the simulated clock. */
const clockDate = new vm.Script(`(function (now) {
  const HostDate = Date;
  function ClockDate(...args) {
    if (!new.target) return new HostDate(now()).toString();
    return Reflect.construct(HostDate, args.length === 0 ? [now()] : args, new.target);
  }
  Object.setPrototypeOf(ClockDate, HostDate);
  ClockDate.prototype = HostDate.prototype;
  ClockDate.now = () => now();
  Object.defineProperty(HostDate.prototype, 'constructor', { value: ClockDate, writable: true, configurable: true });
  globalThis.Date = ClockDate;
})`);

/**
 * A fresh global scope holding only the services, with code generation from strings disabled,
 * `Date` on the simulated clock and the globals Apps Script lacks throwing V8's ReferenceError.
 */
export function createAppsScriptContext(services: Services, clock: FakeClock = hostOf(services).clock): vm.Context {
  const scope: Record<string, unknown> = { ...services };
  for (const name of globalsAppsScriptLacks) {
    Object.defineProperty(scope, name, {
      get() {
        throw new ReferenceError(`${name} is not defined`);
      },
      enumerable: false,
      configurable: false,
    });
  }
  const context = vm.createContext(scope, { codeGeneration: { strings: false, wasm: false } });
  (clockDate.runInContext(context) as (now: () => number) => void)(() => clock.now());
  return context;
}

/** The clock and call log the environment's services share; the Utilities fake holds both. */
function hostOf(services: Services): { clock: FakeClock; calls: CallLog | null } {
  const utilities = services.Utilities as Partial<FakeUtilities> | undefined;
  return { clock: utilities?.clock ?? new FakeClock(), calls: utilities?.calls ?? null };
}

// What a custom function may not do: it runs without the user's authorization, so Sheets is
// read-only, nothing is saved, and nothing about the user is known. Apps Script refuses the rest
// with "You do not have permission to call …".
const customFunctionRefuses = /^(Range|RangeList|Sheet|Spreadsheet|NamedRange)\.(set|insert|delete|clear|append|remove|add|activate|toast)|^SpreadsheetApp\.(getUi|flush)|^(UserProperties|Session)\.|^(DocumentProperties|ScriptProperties)\.(set|delete)/;

export interface RunOptions {
  authMode?: AuthMode;
  /** Runs the function as a cell's custom function: 30 seconds, read-only, no user data. */
  customFunction?: boolean;
}

/**
 * Runs a pushed Code.js the way Apps Script does: every call evaluates the whole file in a fresh
 * global scope, then calls a top-level function by name. State survives only in the services.
 * A run has the host's time limit on the simulated clock; a run past it fails with the host's
 * message, keeping what it wrote before.
 */
export function loadAppsScript(code: string, services: Services) {
  const script = new vm.Script(code, { filename: 'Code.js' });
  const { clock, calls } = hostOf(services);
  return {
    clock,
    run(functionName: string, args: unknown[] = [], options: RunOptions = {}): unknown {
      const context = createAppsScriptContext(options.authMode === 'NONE' ? restrictToAuthModeNone(services) : services, clock);
      clock.startRun(options.customFunction ? customFunctionTimeLimitMs : scriptTimeLimitMs);
      const guard = (name: string) => {
        // Apps Script releases an execution's locks when it stops; a release is never refused.
        if (name === 'Lock.releaseLock') return;
        clock.check();
        if (options.customFunction && customFunctionRefuses.test(name)) throw new Error(`You do not have permission to call ${name.split('.').pop()}`);
      };
      if (calls) calls.guard = guard;
      try {
        script.runInContext(context);
        const entry = (context as Record<string, unknown>)[functionName];
        // The message Apps Script gives when a name is not a top-level function.
        if (typeof entry !== 'function') throw new Error(`Script function not found: ${functionName}`);
        const result = (entry as (...values: unknown[]) => unknown)(...args);
        // However the script caught the stop, the execution ended there.
        clock.check();
        return result;
      } catch (error) {
        clock.check();
        throw error;
      } finally {
        if (calls?.guard === guard) calls.guard = null;
        clock.endRun();
      }
    },
  };
}

/**
 * Copies a value as google.script.run does between sidebar and server: JSON-like data only.
 * A Date, function or other object fails the call, as it does in Apps Script.
 */
export function cloneForScriptRun(value: unknown, where = 'value'): unknown {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item, index) => cloneForScriptRun(item, `${where}[${index}]`));
  // The script runs in its own realm, so "plain object" means a prototype chain of length ≤ 1.
  const prototype = Object.getPrototypeOf(value);
  if (prototype === null || Object.getPrototypeOf(prototype) === null) {
    return Object.fromEntries(Object.entries(value as object).map(([key, item]) => [key, cloneForScriptRun(item, `${where}.${key}`)]));
  }
  throw new Error(`Failed due to illegal value in property: ${where}`);
}
