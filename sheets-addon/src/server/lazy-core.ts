import type { BrandRuntime } from './brand-runtime';

// Apps Script evaluates the whole bundle on every call, and most calls need neither the brand
// kit's schema, the lint engine, the prompt templates nor the providers: building the kit schema
// alone costs more at load than a whole scoring run. They are loaded on first use instead: esbuild
// turns require() of a bundled module into a lazy initializer, so nothing is fetched at run time
// and no require( reaches Code.js. One module gathers what is used, so tree-shaking still applies.

declare const require: (id: string) => unknown;

let loaded: BrandRuntime | undefined;

/** The kit, lint, prompt and provider functions, built the first time an operation needs them. */
export function brand(): BrandRuntime {
  return (loaded ??= (require('./brand-runtime') as { brandRuntime: BrandRuntime }).brandRuntime);
}

/** For the server modules run outside the bundle (tests in Node), where require() cannot load TypeScript. */
export function provideBrandRuntime(runtime: BrandRuntime): void {
  loaded = runtime;
}
