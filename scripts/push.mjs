// Pushes a built add-on to its Apps Script project with clasp.
// Usage: node scripts/push.mjs sheets-addon|docs-addon [--status]
//   --status lists the files clasp would push (clasp show-file-status --json) and pushes nothing;
//            it needs no login, so the tests run it to prove what a push uploads.
//
// clasp refuses a rootDir outside the folder that holds .clasp.json, so the built folder
// (dist/<add-on>/) becomes the clasp project: this script writes a .clasp.json there with
// rootDir "." and the script id from <add-on>/.clasp.json, plus a .claspignore that lets only the
// three built files through, then runs clasp from that folder.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const addons = ['sheets-addon', 'docs-addon'];
/** What Apps Script runs: the manifest, the server bundle and the sidebar page. */
export const pushedFiles = ['appsscript.json', 'Code.js', 'Sidebar.html'];
// The example file's script id; pushing to it could only fail.
const placeholder = /^PASTE-/;

/** The script id to push to: from <add-on>/.clasp.json, or (status only) the example's placeholder. */
function scriptId(addon, { status }) {
  const own = join(addon, '.clasp.json');
  const example = join(addon, '.clasp.json.example');
  const file = existsSync(own) ? own : status ? example : null;
  if (!file) throw new Error(`${own} is missing. Copy ${example} to ${own} and paste your script id into it.`);
  let config;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error.message}`);
  }
  const id = config?.scriptId;
  if (typeof id !== 'string' || id.trim() === '') throw new Error(`${file} has no "scriptId". Paste the id from Project settings in the Apps Script editor.`);
  if (!status && placeholder.test(id)) throw new Error(`${file} still holds the example's placeholder. Paste your script id (Project settings in the Apps Script editor) into "scriptId".`);
  return id.trim();
}

/** Makes the built folder a clasp project that pushes exactly the built files; returns its path. */
export function prepareProject(addon, { dist = process.env.ONBRAND_DIST ?? 'dist', status = false } = {}) {
  if (!addons.includes(addon)) throw new Error(`Unknown add-on "${addon}": use ${addons.join(' or ')}.`);
  const folder = resolve(dist, addon);
  const missing = pushedFiles.filter((file) => !existsSync(join(folder, file)));
  if (missing.length) throw new Error(`${folder} lacks ${missing.join(', ')}: run npm run build first.`);
  writeFileSync(join(folder, '.clasp.json'), `${JSON.stringify({ scriptId: scriptId(addon, { status }), rootDir: '.' }, null, 2)}\n`);
  // An ignore file replaces clasp's defaults: ignore everything, then let the three files through.
  writeFileSync(join(folder, '.claspignore'), ['**/**', ...pushedFiles.map((file) => `!${file}`), ''].join('\n'));
  return folder;
}

/** clasp's own entry point (its package's bin), run with this Node rather than through a shell. */
function claspBin() {
  // The package exports only its entry module, so its folder is found from there.
  let folder = dirname(createRequire(import.meta.url).resolve('@google/clasp'));
  while (!existsSync(join(folder, 'package.json'))) folder = dirname(folder);
  const { bin } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  return join(folder, typeof bin === 'string' ? bin : bin.clasp);
}

/** Runs clasp in the prepared folder: a push, or with status the list of files a push would send. */
export function runClasp(addon, { status = false, dist, env = process.env, stdio = 'inherit' } = {}) {
  const folder = prepareProject(addon, { dist, status });
  const args = status ? ['show-file-status', '--json'] : ['push', '--force'];
  // clasp reads these variables as --project and --ignore; they would point it somewhere else.
  const { clasp_config_project: _project, clasp_config_ignore: _ignore, ...cleanEnv } = env;
  return spawnSync(process.execPath, [claspBin(), ...args], { cwd: folder, env: cleanEnv, stdio, encoding: 'utf8' });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [addon, ...flags] = process.argv.slice(2);
  const unknown = flags.filter((flag) => flag !== '--status');
  try {
    if (!addon || unknown.length) throw new Error(`Usage: node scripts/push.mjs ${addons.join('|')} [--status]`);
    const result = runClasp(addon, { status: flags.includes('--status') });
    if (result.error) throw result.error;
    process.exitCode = result.status ?? 1;
  } catch (error) {
    console.error(`Push failed: ${error.message}`);
    process.exitCode = 1;
  }
}
