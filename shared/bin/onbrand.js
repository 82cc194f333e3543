#!/usr/bin/env node
// The CLI is bundled by `npm run build`; this file only loads it, so npm can link the bin at install time.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('onbrand: the CLI is not built yet. Run `npm run build` in the Onbrand checkout first.\n');
  process.exit(2);
}
await import(bundle);
