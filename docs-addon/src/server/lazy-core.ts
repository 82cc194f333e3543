import { lazy } from '@onbrand/apps-script/server';
import type { CoreRuntime } from './core-runtime';

// The core's modules build their schemas and templates when they load, which costs more than most
// calls (opening the sidebar, selecting a finding, applying fixes) need. esbuild turns a require()
// of a bundled module into a lazy initializer, so they load on first use; no require( reaches Code.js.
declare const require: (id: string) => unknown;

const runtime = lazy(() => (require('./core-runtime') as { coreRuntime: CoreRuntime }).coreRuntime);

/** The core's functions, loaded the first time a call needs them. */
export const core = runtime.get;

/** For tests that run these modules directly in Node, where require() cannot load TypeScript. */
export const provideCoreRuntime = runtime.provide;
