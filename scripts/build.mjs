// Builds every target from one core: the CLI, the kit's JSON Schema, the Figma plugin,
// the two Apps Script add-ons and the local preview. Usage: node scripts/build.mjs
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { appsScriptStubs, readBundleExports, readCustomFunctionDocs } from './lib/apps-script-stubs.mjs';
import { checkCoreGlobals } from './lib/core-globals.mjs';
import { buildSingleFileHtml } from './lib/single-file-html.mjs';

const globalName = '__ONBRAND__';
// ONBRAND_DIST lets several builds (say, one per person working on an add-on) live side by side.
const dist = process.env.ONBRAND_DIST ?? 'dist';
const started = Date.now();

async function checkCore() {
  const problems = await checkCoreGlobals('shared/src', 'shared/src/cli');
  if (problems.length) {
    throw new Error(`The core must not reach for host globals (pass them in as parameters):\n  ${problems.join('\n  ')}`);
  }
}

async function buildCli() {
  await esbuild.build({
    entryPoints: ['shared/src/cli/bin.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: 'shared/dist/cli.mjs',
    // Some CommonJS dependencies (the YAML reader) call require; give the ES module one.
    banner: { js: "import { createRequire as __onbrandRequire } from 'node:module'; const require = __onbrandRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  const schema = execFileSync(process.execPath, ['shared/dist/cli.mjs', 'schema'], { encoding: 'utf8' });
  await writeFile(`${dist}/brand-kit.schema.json`, schema);
}

async function buildFigmaPlugin() {
  const out = `${dist}/figma-plugin`;
  await mkdir(out, { recursive: true });
  await esbuild.build({
    entryPoints: ['figma-plugin/src/main/code.ts'],
    bundle: true,
    format: 'iife',
    // Figma's main-thread sandbox runs ES2017 reliably; newer syntax is lowered.
    target: 'es2017',
    minify: true,
    legalComments: 'none',
    outfile: `${out}/code.js`,
    logLevel: 'warning',
  });
  await writeFile(`${out}/ui.html`, await buildSingleFileHtml({ entry: 'figma-plugin/src/ui/main.tsx', title: 'Onbrand' }));
  await copyFile('figma-plugin/manifest.json', `${out}/manifest.json`);
}

async function buildAddon(name) {
  const out = `${dist}/${name}`;
  await mkdir(out, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [`${name}/src/server/entry.ts`],
    bundle: true,
    write: false,
    // Apps Script has no modules: one IIFE under one global, then top-level stubs by name.
    format: 'iife',
    globalName,
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    outfile: `${out}/Code.js`,
    logLevel: 'warning',
  });
  const bundle = result.outputFiles[0].text;
  const customSource = await readFile(`${name}/src/server/custom-functions.ts`, 'utf8').catch(() => '');
  const stubs = appsScriptStubs(readBundleExports(bundle, globalName), readCustomFunctionDocs(customSource), globalName);
  await writeFile(`${out}/Code.js`, `${bundle}\n${stubs}`);
  await writeFile(`${out}/Sidebar.html`, await buildSingleFileHtml({ entry: `${name}/src/sidebar/main.tsx`, title: 'Onbrand' }));
  await copyFile(`${name}/appsscript.json`, `${out}/appsscript.json`);
}

async function buildPreview() {
  const out = `${dist}/preview`;
  await mkdir(out, { recursive: true });
  await Promise.all([
    esbuild.build({
      entryPoints: { preview: 'preview/src/client/main.tsx', 'gas-shim': 'preview/src/client/gas-shim.ts' },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      outdir: out,
      logLevel: 'warning',
    }),
    copyFile('preview/src/client/index.html', `${out}/index.html`),
    esbuild.build({
      entryPoints: ['preview/src/server/main.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: `${out}/server.mjs`,
      logLevel: 'warning',
    }),
  ]);
}

try {
  await checkCore();
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await Promise.all([buildCli(), buildFigmaPlugin(), buildAddon('sheets-addon'), buildAddon('docs-addon'), buildPreview()]);
  console.log(`Built ${dist}/ in ${Date.now() - started} ms.`);
} catch (error) {
  console.error(`Build failed: ${error.message}`);
  process.exitCode = 1;
}
