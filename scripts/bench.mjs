// Prints one JSON line of figures: bundle sizes, Apps Script cold evaluation, and every
// workload in scripts/bench/*.ts (each exports an async `bench…()` returning its figures).
// Budgets come from the issues; a figure over its budget makes the run exit 1.
import * as esbuild from 'esbuild';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

async function bundleSizes() {
  const files = {
    figmaCode: 'dist/figma-plugin/code.js',
    figmaUi: 'dist/figma-plugin/ui.html',
    sheetsCode: 'dist/sheets-addon/Code.js',
    sheetsSidebar: 'dist/sheets-addon/Sidebar.html',
    docsCode: 'dist/docs-addon/Code.js',
    docsSidebar: 'dist/docs-addon/Sidebar.html',
  };
  const sizes = {};
  for (const [name, path] of Object.entries(files)) {
    const bytes = await readFile(path);
    sizes[`${name}KB`] = kb(bytes.length);
    sizes[`${name}GzipKB`] = kb(gzipSync(bytes, { level: 9 }).length);
  }
  return sizes;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Apps Script evaluates the whole bundle on every google.script.run call and custom-function
// recalculation, so each sample compiles and runs Code.js in a fresh context. The budget is on CPU
// time, which other work on a shared machine barely moves; wall time is printed beside it.
async function coldEvaluation(path, runs = 40) {
  const code = await readFile(path, 'utf8');
  const cpu = [];
  const wall = [];
  for (let i = 0; i < runs; i++) {
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    new vm.Script(code, { filename: `Code-${i}.js` }).runInContext(vm.createContext({}));
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
  }
  const round = (ms) => Math.round(ms * 100) / 100;
  return { cpuMs: round(median(cpu)), wallMs: round(median(wall)) };
}

async function coldEvaluations(files) {
  const figures = {};
  for (const [name, path] of Object.entries(files)) {
    const { cpuMs, wallMs } = await coldEvaluation(path);
    figures[`${name}ColdEvalMs`] = cpuMs;
    figures[`${name}ColdEvalWallMs`] = wallMs;
  }
  return figures;
}

async function workloads() {
  const dir = 'scripts/bench';
  const entries = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.ts'));
  if (!entries.length) return { budgets: [] };
  // Inside the checkout, so packages left external (textlint, zod) resolve from node_modules.
  const out = 'node_modules/.cache/onbrand-bench';
  await esbuild.build({
    entryPoints: entries.map((name) => join(dir, name)),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: out,
    // Registry packages stay external; the workspaces (@onbrand/…) are TypeScript, which Node
    // cannot load, so they are bundled like the project's own files.
    plugins: [
      {
        name: 'external-registry-packages',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@onbrand/') ? undefined : { path: args.path, external: true }));
        },
      },
    ],
    logLevel: 'warning',
  });
  const figures = { budgets: [] };
  for (const name of entries) {
    const module = await import(pathToFileURL(join(process.cwd(), out, name.replace(/\.ts$/, '.js'))).href);
    for (const [exportName, run] of Object.entries(module)) {
      if (!exportName.startsWith('bench') || typeof run !== 'function') continue;
      const { budgets = [], ...rest } = await run();
      Object.assign(figures, rest);
      figures.budgets.push(...budgets);
    }
  }
  return figures;
}

const budgets = [
  ['figmaUiGzipKB', '≤', 80],
  ['figmaCodeKB', '≤', 250],
  ['sheetsCodeKB', '≤', 300],
  ['docsCodeKB', '≤', 300],
  ['sheetsCodeColdEvalMs', '≤', 20],
  ['docsCodeColdEvalMs', '≤', 20],
  // Issue budgets for workloads whose modules report figures only.
  ['generateOfflinePackMedianMs', '≤', 2],
  ['generateValidAnswerRequests', '≤', 1],
  ['generateRepairRequests', '≤', 2],
  ['lintVsCombinedRegex', '≤', 2],
  ['lintSpeedupVsTextlintPrh', '≥', 100],
  ['lintDoubleTextRatio', '≤', 2.4],
  ['lintTenfoldKitRatio', '≤', 1.5],
];

const figures = {
  ...(await bundleSizes()),
  ...(await coldEvaluations({ sheetsCode: 'dist/sheets-addon/Code.js', docsCode: 'dist/docs-addon/Code.js' })),
  ...(await workloads()),
};
const allBudgets = [...budgets, ...figures.budgets];
delete figures.budgets;
const overBudget = allBudgets
  .filter(([name, op, limit]) => name in figures && !(op === '≤' ? figures[name] <= limit : figures[name] >= limit))
  .map(([name, op, limit]) => `${name}=${figures[name]} (budget ${op} ${limit})`);
console.log(JSON.stringify({ ...figures, overBudget }));
if (overBudget.length) process.exitCode = 1;
