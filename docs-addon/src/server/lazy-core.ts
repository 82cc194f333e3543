import type { CoreRuntime } from './core-runtime';

// Apps Script evaluates the whole bundle on every call. The core's modules build their schemas
// and templates when they load, which costs more than most calls (opening the sidebar, selecting
// a finding, applying fixes) need. esbuild turns a require() of a bundled module into a lazy
// initializer, so they load on first use; no require( reaches Code.js and nothing is fetched.

declare const require: (id: string) => unknown;

let loaded: CoreRuntime | undefined;

/** The core's functions, loaded the first time a call needs them. */
export function core(): CoreRuntime {
  return (loaded ??= (require('./core-runtime') as { coreRuntime: CoreRuntime }).coreRuntime);
}

/** For tests that run these modules directly in Node, where require() cannot load TypeScript. */
export function provideCoreRuntime(runtime: CoreRuntime): void {
  loaded = runtime;
}
