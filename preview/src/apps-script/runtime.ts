import vm from 'node:vm';
import type { Services } from './environments';

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

/** A fresh global scope holding only the services, with code generation from strings disabled. */
export function createAppsScriptContext(services: Services): vm.Context {
  return vm.createContext({ ...services }, { codeGeneration: { strings: false, wasm: false } });
}

/**
 * Runs a pushed Code.js the way Apps Script does: every call evaluates the whole file in a fresh
 * global scope, then calls a top-level function by name. State survives only in the services.
 */
export function loadAppsScript(code: string, services: Services) {
  const script = new vm.Script(code, { filename: 'Code.js' });
  return {
    run(functionName: string, args: unknown[] = [], options: { authMode?: AuthMode } = {}): unknown {
      const context = createAppsScriptContext(options.authMode === 'NONE' ? restrictToAuthModeNone(services) : services);
      script.runInContext(context);
      const entry = (context as Record<string, unknown>)[functionName];
      // The message Apps Script gives when a name is not a top-level function.
      if (typeof entry !== 'function') throw new Error(`Script function not found: ${functionName}`);
      return (entry as (...values: unknown[]) => unknown)(...args);
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
