import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

// Globals that belong to a host (browser, Node, Figma, Apps Script). The core must receive such
// capabilities as parameters so every surface runs the same code. tsc with no DOM or Node types is
// the first guard; this scan also catches `globalThis` tricks and `declare` escapes.
export const hostGlobals = [
  'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'XMLHttpRequest', 'fetch',
  'process', 'require', 'Buffer', '__dirname', '__filename', 'globalThis',
  'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'console',
  'figma', '__html__', '__uiFiles__',
  'google', 'SpreadsheetApp', 'DocumentApp', 'HtmlService', 'PropertiesService', 'UrlFetchApp', 'LockService',
  'CacheService', 'Utilities', 'Session', 'ScriptApp', 'Logger', 'DriveApp', 'CardService',
];

/** Blanks out comments, strings and template text so only code is scanned; keeps line breaks. */
export function stripCommentsAndStrings(source) {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\[\s\S]|[^`\\])*`/g, (text) =>
    text.replace(/[^\n]/g, ' '),
  );
}

/**
 * Finds host globals used as free identifiers. A name after `.` is a property, and a name before
 * `:` is a key, parameter or property declaration, unless it is the middle of a ternary.
 */
export function findHostGlobals(source) {
  const code = stripCommentsAndStrings(source);
  const found = [];
  const pattern = new RegExp(`(?<![.\\w$])(${hostGlobals.join('|')})(?![\\w$])`, 'g');
  for (const match of code.matchAll(pattern)) {
    const declaresName = /^\s*\??:/.test(code.slice(match.index + match[0].length));
    const inTernary = /\?\s*$/.test(code.slice(0, match.index));
    if (declaresName && !inTernary) continue;
    const line = code.slice(0, match.index).split('\n').length;
    found.push({ name: match[1], line });
  }
  return found;
}

async function listSources(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name)).map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** Scans the core (all of shared/src but its cli/ corner); returns `file:line uses name` problems. */
export async function checkCoreGlobals(coreDir, exceptDir) {
  const problems = [];
  for (const file of await listSources(coreDir)) {
    if (relative(exceptDir, file).startsWith('..') === false) continue;
    for (const { name, line } of findHostGlobals(await readFile(file, 'utf8'))) {
      problems.push(`${relative(process.cwd(), file)}:${line} uses the host global "${name}"`);
    }
  }
  return problems;
}
