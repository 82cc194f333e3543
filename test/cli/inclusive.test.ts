import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../shared/src/cli/command';
import { importValeCommand } from '../../shared/src/cli/commands/import-vale';
import { lintCommand } from '../../shared/src/cli/commands/lint';
import { main } from '../../shared/src/cli/main';

async function run(args: string[], files: Record<string, string> = {}, stdin = '') {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readFile: (path) => (path in files ? Promise.resolve(files[path]!) : readFile(path, 'utf8')),
    readStdin: () => Promise.resolve(stdin),
    appendFile: () => Promise.reject(new Error('this test writes no files')),
    env: {},
  };
  const code = await main(args, io, [lintCommand, importValeCommand]);
  return { code, ...out };
}

const kit = (extra: object = {}) => JSON.stringify({ schemaVersion: 1, name: 'Acme', version: '1.0.0', claims: { review: [] }, ...extra });
const copy = 'Ask the chairman. That blind spot is lame.';

describe('inclusive language on the CLI', () => {
  it('lint points at each phrase by offset and length when the kit switches the preset on', async () => {
    const { code, stdout } = await run(['lint', '-', '--kit', 'kit.json', '--format', 'json'], { 'kit.json': kit({ presets: ['inclusive'] }) }, copy);
    expect(code).toBe(0);
    const findings = JSON.parse(stdout).files[0].findings as { rule: string; start: number; end: number; match: string }[];
    expect(findings.map((f) => [f.rule, f.start, f.end - f.start, f.match])).toEqual([
      ['substitution.inclusive.gendered', 8, 8, 'chairman'],
      ['substitution.inclusive.ableist', 23, 10, 'blind spot'],
      ['substitution.inclusive.ableist', 37, 4, 'lame'],
    ]);
  });

  it('lint gives no such finding when the kit leaves the preset off', async () => {
    const { code, stdout } = await run(['lint', '-', '--kit', 'kit.json', '--format', 'json'], { 'kit.json': kit() }, copy);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0].findings).toEqual([]);
  });

  it('import-vale maps alex and Microsoft inclusive rules and switches the preset on, saying so', async () => {
    const { code, stdout, stderr } = await run(['import-vale', 'test/fixtures/vale/inclusive-styles']);
    expect(code).toBe(0);
    const imported = JSON.parse(stdout);
    expect(imported.presets).toEqual(['inclusive']);
    expect(imported.rules.map((r: { id: string; type: string }) => `${r.id}:${r.type}`)).toEqual(['Microsoft.Dashes:existence', 'Microsoft.GenderBias:substitution', 'alex.Ablist:substitution']);
    expect(stderr).toContain('Microsoft/Accessibility.yml, Microsoft/GenderBias.yml, alex/Ablist.yml: inclusive-language rules, so the kit also switches on the inclusive preset');
    // The imported kit lints with both the style's own swaps and the preset.
    const { stdout: linted } = await run(['lint', '-', '--kit', 'kit.json', '--format', 'json'], { 'kit.json': stdout }, 'The chairmen are wheelchair bound and handicapped.');
    const rules = (JSON.parse(linted).files[0].findings as { rule: string; match: string }[]).map((f) => `${f.rule}:${f.match}`);
    expect(rules).toEqual(expect.arrayContaining(['substitution.Microsoft.GenderBias:chairmen', 'substitution.alex.Ablist:wheelchair bound', 'substitution.inclusive.ableist:handicapped']));
  });

  it('import-vale leaves the preset off for a style with no inclusive rules', async () => {
    const { stdout } = await run(['import-vale', 'test/fixtures/vale/styles']);
    expect(JSON.parse(stdout).presets).toBeUndefined();
  });
});
