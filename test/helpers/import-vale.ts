import { readFile } from 'node:fs/promises';
import type { CliIo } from '../../shared/src/cli/command';
import { importValeCommand } from '../../shared/src/cli/commands/import-vale';
import { main } from '../../shared/src/cli/main';

/** Runs `onbrand import-vale` with the given arguments on real files, collecting what it prints. */
export async function importVale(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: async () => '',
    appendFile: () => Promise.reject(new Error('this test writes no files')),
    env: {},
  };
  const code = await main(['import-vale', ...args], io, [importValeCommand]);
  return { code, stdout: out.join(''), stderr: err.join('') };
}
