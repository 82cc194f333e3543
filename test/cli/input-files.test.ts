import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../shared/src/cli/commands/check';
import { lintCommand } from '../../shared/src/cli/commands/lint';
import { resizeCommand } from '../../shared/src/cli/commands/resize';
import { scoreCommand } from '../../shared/src/cli/commands/score';
import { readRepoFile, runCli } from '../fixtures/snapshots/cli-run';

const bom = '\uFEFF';
const files = {
  'kit.json': bom + readRepoFile('test/fixtures/snapshots/ledgerline-kit.json'),
  'master.json': bom + readRepoFile('examples/snapshots/ledgerline-master.json'),
  'copy.txt': `${bom}Ledgerline closes the books.`,
  'cases.csv': `${bom}name,impact,feasibility,risk,readiness\nA,5,4,2,3\n`,
};

describe('CLI input files', () => {
  it('reads a kit and a snapshot that start with a byte-order mark in check and resize', async () => {
    const checked = await runCli(checkCommand, files, ['master.json', '--kit', 'kit.json']);
    expect(checked.stderr).toBe('');
    expect(checked.code).toBe(0);
    const resized = await runCli(resizeCommand, files, ['master.json', '--to', '300x250', '--kit', 'kit.json', '--format', 'json']);
    expect(resized.stderr).toBe('');
    expect(resized.code).toBe(0);
  });

  it('reads lint texts and score CSVs that start with a byte-order mark, without the mark in the output', async () => {
    const linted = await runCli(lintCommand, files, ['copy.txt', '--kit', 'kit.json', '--format', 'json']);
    expect(linted.code).toBe(0);
    const scored = await runCli(scoreCommand, files, ['cases.csv']);
    expect(scored.code).toBe(0);
    expect(scored.stdout.startsWith('name,')).toBe(true);
  });

  it('names the file it cannot read, and exits 2', async () => {
    for (const [command, argv] of [
      [checkCommand, ['master.json', '--kit', 'missing.json']],
      [resizeCommand, ['missing.json', '--to', '300x250']],
      [lintCommand, ['missing.txt', '--kit', 'kit.json']],
      [scoreCommand, ['missing.csv']],
    ] as const) {
      const { code, stderr } = await runCli(command, files, [...argv]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/cannot read the .* "missing\.\w+"/);
    }
  });
});
