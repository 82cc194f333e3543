import { lazy } from '@onbrand/apps-script/server';
import type { BrandRuntime } from './brand-runtime';

// Most calls need neither the kit's schema, the lint engine, the prompt templates nor the
// providers, and building the kit schema alone costs more at load than a whole scoring run.
// esbuild turns require() of a bundled module into a lazy initializer, so nothing is fetched at
// run time and no require( reaches Code.js. One module gathers what is used, so tree-shaking holds.
declare const require: (id: string) => unknown;

const runtime = lazy(() => (require('./brand-runtime') as { brandRuntime: BrandRuntime }).brandRuntime);

/** The kit, lint, prompt and provider functions, built the first time an operation needs them. */
export const brand = runtime.get;

/** For the server modules run outside the bundle (tests in Node), where require() cannot load TypeScript. */
export const provideBrandRuntime = runtime.provide;
