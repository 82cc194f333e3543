// Type-checks with TypeScript 7 (the fast native compiler; the tsgo alias), and each program with only the globals its host has: the core with no DOM and no Node,
// Figma's main thread with the plugin typings, Apps Script servers with its typings, UIs with the DOM.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const programs = [
  'shared/tsconfig.json',
  'shared/tsconfig.cli.json',
  'apps-script/tsconfig.server.json',
  'apps-script/tsconfig.client.json',
  'figma-plugin/tsconfig.main.json',
  'figma-plugin/tsconfig.ui.json',
  'sheets-addon/tsconfig.server.json',
  'sheets-addon/tsconfig.sidebar.json',
  'docs-addon/tsconfig.server.json',
  'docs-addon/tsconfig.sidebar.json',
  'preview/tsconfig.json',
  'test/tsconfig.json',
  'scripts/tsconfig.json',
];

let failed = 0;
for (const program of programs.filter((path) => existsSync(path))) {
  const result = spawnSync(process.execPath, ['node_modules/tsgo/bin/tsc', '-p', program], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.error(`Type errors in ${program}.`);
  }
}
if (failed) process.exitCode = 1;
else console.log(`Type-checked ${programs.length} programs.`);
