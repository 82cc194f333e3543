import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../shared/src/cli/command';
import { lintCommand } from '../../shared/src/cli/commands/lint';
import { main } from '../../shared/src/cli/main';

const fixtures = new URL('../fixtures/kit/', import.meta.url).pathname;

function fakeIo(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: (path) => readFile(path.startsWith('/') ? path : fixtures + path, 'utf8'),
    readStdin: async () => stdin,
    appendFile: () => Promise.reject(new Error('this test writes no files')),
    env: {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function lint(args: string[], stdin?: string) {
  const fake = fakeIo(stdin);
  const code = await main(['lint', ...args], fake.io, [lintCommand]);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe('onbrand lint', () => {
  it('prints one text line per finding and exits 1 on an error-level finding', async () => {
    const { code, stdout } = await lint(['copy/draft.txt', '--kit', 'small.json']);
    expect(code).toBe(1);
    expect(stdout).toBe(
      'copy/draft.txt:1:4 warning substitution.plain Use “use” instead of “utilize”.\n' +
        'copy/draft.txt:2:4 error existence.banned Never say “synergy”.\n',
    );
  });

  it('prints every field of the JSON contract', async () => {
    const { code, stdout } = await lint(['copy/draft.txt', 'copy/clean.txt', '--kit', 'small.json', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['copy/draft.txt', 'copy/clean.txt']);
    expect(report.files[0].findings[1]).toEqual({
      rule: 'existence.banned',
      severity: 'error',
      message: 'Never say “synergy”.',
      start: 28,
      end: 35,
      line: 2,
      column: 4,
      match: 'synergy',
      suggestions: [],
    });
    expect(Object.keys(report.files[0].findings[0])).toEqual(['rule', 'severity', 'message', 'start', 'end', 'line', 'column', 'match', 'suggestions']);
    expect(report.files[0].score).toBeLessThan(100);
    expect(report.files[1]).toEqual({ path: 'copy/clean.txt', score: 100, findings: [] });
  });

  it('reads standard input as "-" and exits 0 without error-level findings', async () => {
    const { code, stdout } = await lint(['-', '--kit', 'small.json', '--format', 'json'], 'Please utilize it.');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0]).toMatchObject({ path: '-', findings: [{ rule: 'substitution.plain', match: 'utilize' }] });
  });

  it('reads standard input when no file is given', async () => {
    const { code, stdout } = await lint(['--kit', 'small.json'], 'synergy');
    expect(code).toBe(1);
    expect(stdout).toBe('-:1:1 error existence.banned Never say “synergy”.\n');
  });

  it('applies the channel rules with --channel', async () => {
    const plain = await lint(['--kit', 'small.json'], 'click here');
    const ads = await lint(['--kit', 'small.json', '--channel', 'search-ad-headline'], 'click here');
    expect(plain.stdout).toBe('');
    expect(ads.stdout).toBe('-:1:1 suggestion existence.ads Ads avoid “click here”.\n');
  });

  it('exits 0 and prints nothing for clean copy', async () => {
    expect(await lint(['copy/clean.txt', '--kit', 'small.json'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it.each([
    ['no kit', ['copy/clean.txt'], /--kit KIT is required/],
    ['an unknown option', ['--kit', 'small.json', '--colour'], /Unknown option '--colour'/],
    ['an unknown format', ['--kit', 'small.json', '--format', 'xml'], /--format must be "text" or "json"/],
    ['an unknown channel', ['--kit', 'small.json', '--channel', 'fax'], /unknown channel "fax"; the kit knows: .*x-post/],
    ['a missing file', ['nope.txt', '--kit', 'small.json'], /cannot read the file "nope.txt" \(/],
    ['a missing kit', ['--kit', 'missing.json'], /cannot read the kit "missing.json" \(/],
  ])('exits 2 on bad usage: %s', async (_name, args, message) => {
    const { code, stderr } = await lint(args, '');
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it.each([
    ['truncated JSON', 'truncated.json', [/\(root\): not valid JSON/]],
    ['wrong types', 'wrong-types.json', [/terms\[3\]\.replacements: expected array of strings/, /rules\[0\]\.maxWords: expected a whole number/]],
    ['a bad regex', 'bad-regex.json', [/rules\[0\]\.pattern: invalid regular expression \(/]],
    ['a lookaround regex', 'lookaround-regex.json', [/rules\[0\]\.token: lookaround .* cannot be matched in linear time/]],
    ['an unknown rule type', 'unknown-rule-type.json', [/rules\[0\]\.type: unknown rule type "spelling"; expected one of existence, substitution/]],
  ])('exits 2 on a bad kit and names every bad path: %s', async (_name, kit, messages) => {
    const { code, stderr, stdout } = await lint(['--kit', kit], 'text');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`the kit ${kit} is not valid`);
    for (const message of messages) expect(stderr).toMatch(message);
  });
});
