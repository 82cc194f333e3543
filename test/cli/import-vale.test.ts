import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../shared/src/cli/command';
import { importValeCommand, mapValeRule } from '../../shared/src/cli/commands/import-vale';
import { main } from '../../shared/src/cli/main';
import { parseKit, type BrandKit } from '../../shared/src/kit';
import { lintText } from '../../shared/src/lint';

const styles = new URL('../fixtures/vale/styles', import.meta.url).pathname;

async function importVale(args: string[]) {
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

async function acmeKit(): Promise<{ kit: BrandKit; stderr: string; raw: { rules: Record<string, unknown>[] } }> {
  const { code, stdout, stderr } = await importVale([styles, '--style', 'Acme']);
  expect(code).toBe(0);
  const raw = JSON.parse(stdout);
  const parsed = parseKit(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return { kit: parsed.value, stderr, raw };
}

const rule = (raw: { rules: Record<string, unknown>[] }, id: string) => raw.rules.find((r) => r.id === id);

describe('onbrand import-vale', () => {
  it('prints a valid brand kit', async () => {
    const { kit } = await acmeKit();
    expect(kit.name).toBe('Acme');
    expect(kit.rules.length).toBe(12);
  });

  it('maps existence with level, ignorecase, tokens, exceptions and the link in the note', async () => {
    const { raw } = await acmeKit();
    expect(rule(raw, 'Acme.Adverbs')).toEqual({
      id: 'Acme.Adverbs',
      type: 'existence',
      severity: 'warning',
      message: "Consider removing '%s'.",
      note: 'Imported from the Vale rule Acme/Adverbs.yml. See https://example.com/style/adverbs',
      tokens: ['really', 'very', 'extremely'],
      ignoreCase: true,
      exceptions: ['very well'],
    });
  });

  it('turns regex tokens into one bounded pattern, as Vale does', async () => {
    const { raw, kit } = await acmeKit();
    expect(rule(raw, 'Acme.Weasel')).toMatchObject({ type: 'existence', pattern: '\\b(?:\\w+ly|arguably)\\b', ignoreCase: false, severity: 'suggestion' });
    expect(lintText('It is arguably quickly done', kit).findings.filter((f) => f.rule === 'existence.Acme.Weasel').map((f) => f.match)).toEqual(['arguably', 'quickly']);
  });

  it('maps substitution swaps, literal and regex, with Vale’s message order', async () => {
    const { raw, kit } = await acmeKit();
    expect(rule(raw, 'Acme.Terms')).toMatchObject({ type: 'substitution', severity: 'error', swap: { utilize: 'use', 'in order to': 'to', 'e-mail': 'email' }, ignoreCase: true });
    expect(rule(raw, 'Acme.Spellings')).toMatchObject({ regex: true });
    const messages = lintText('Please utilize the cancelation form. Log in to pay.', kit).findings.map((f) => f.message);
    expect(messages).toEqual(expect.arrayContaining(["Use 'use' instead of 'utilize'.", "Prefer 'cancellation' over 'cancelation'.", "Prefer 'sign in to' over 'Log in to'."]));
  });

  it('maps a word-count occurrence to a length rule and other occurrences as they are', async () => {
    const { raw } = await acmeKit();
    expect(rule(raw, 'Acme.SentenceLength')).toMatchObject({ type: 'length', scope: 'sentence', maxWords: 25 });
    expect(rule(raw, 'Acme.Exclamation')).toMatchObject({ type: 'occurrence', token: '!', max: 1, scope: 'paragraph', severity: 'error' });
  });

  it('maps repetition, conditional, capitalization and the Flesch–Kincaid metric', async () => {
    const { raw } = await acmeKit();
    expect(rule(raw, 'Acme.Repetition')).toMatchObject({ type: 'repetition', severity: 'error' });
    expect(rule(raw, 'Acme.Acronyms')).toMatchObject({ type: 'conditional', first: '\\b([A-Z]{3,5})\\b', exceptions: ['API', 'HTML'] });
    expect(rule(raw, 'Acme.Headings')).toMatchObject({ type: 'capitalization', style: 'sentence', scope: 'headings', exceptions: ['Acme', 'Cloud'] });
    expect(rule(raw, 'Acme.Readability')).toMatchObject({ type: 'readability', maxGrade: 8, severity: 'suggestion' });
  });

  it('maps the literal consistency pairs and says which pairs it left out', async () => {
    const { raw, stderr } = await acmeKit();
    expect(rule(raw, 'Acme.Consistency')).toMatchObject({ type: 'consistency', either: { advisor: 'adviser' } });
    expect(stderr).toContain('Acme/Consistency.yml: partly imported: the pair "(?:e|E)-?mail" / "email" uses a regular expression');
  });

  it('lists each rule it cannot map, with the reason', async () => {
    const { stderr } = await acmeKit();
    expect(stderr).toMatch(/Acme\/Spelling\.yml: not imported \(spelling\): spelling needs a dictionary/);
    expect(stderr).toMatch(/Acme\/Passive\.yml: not imported \(sequence\): sequence rules need a part-of-speech tagger/);
    expect(stderr).toMatch(/Acme\/Latin\.yml: not imported \(script\): script rules run Tengo code/);
    expect(stderr).toMatch(/Acme\/Fog\.yml: not imported \(metric\): only the Flesch–Kincaid grade formula/);
    expect(stderr).toMatch(/Acme\/Lookbehind\.yml: not imported: pattern: lookaround .* cannot be matched in linear time/);
  });

  it('reads every style without --style and reports YAML that does not parse', async () => {
    const { code, stdout, stderr } = await importVale([styles]);
    expect(code).toBe(0);
    const kit = JSON.parse(stdout);
    expect(kit.name).toBe('Acme + Other');
    expect(kit.rules.map((r: { id: string }) => r.id)).toContain('Other.Brand');
    expect(stderr).toMatch(/Other\/Broken\.yml: not imported: the YAML does not parse/);
  });

  it('turns Vale vocabularies into approved and banned terms', async () => {
    const { raw, stderr, kit } = await acmeKit();
    expect((raw as unknown as { terms: unknown[] }).terms).toEqual([
      { term: 'Ledgerline', status: 'approved', caseSensitive: true, note: 'From the Vale vocabulary Acme.' },
      { term: 'NetSuite', status: 'approved', caseSensitive: true, note: 'From the Vale vocabulary Acme.' },
      { term: 'whitelist', status: 'banned', note: 'From the Vale vocabulary Acme.' },
    ]);
    expect(stderr).toContain('Vocab/Acme/accept.txt: not imported: "[Oo]nbrand" is a regular expression');
    expect(lintText('Try ledgerline', kit).findings.map((f) => f.rule)).toContain('terms.case');
  });

  it.each([
    ['no folder', [], /give exactly one STYLES_DIR/],
    ['a missing folder', ['/nonexistent/styles'], /cannot read the styles folder \/nonexistent\/styles/],
    ['an unknown style', [styles, '--style', 'Nope'], /no style "Nope" in .*; found: Acme, Other/],
    ['an unknown option', [styles, '--strict'], /Unknown option '--strict'/],
  ])('exits 2 on bad usage: %s', async (_name, args, message) => {
    const { code, stderr } = await importVale(args as string[]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe('Vale options on import', () => {
  const kitOf = (vale: Record<string, unknown>) => {
    const mapped = mapValeRule('Acme', 'Rule', { level: 'warning', message: '%s', ...vale });
    if (!('rule' in mapped)) throw new Error(mapped.skip);
    const parsed = parseKit({ schemaVersion: 1, name: 'Acme', version: '1.0.0', claims: { review: [] }, rules: [mapped.rule] });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return parsed.value;
  };

  it('capitalises a substitution’s suggestion for a match that starts with a capital (capitalize: true)', () => {
    const kit = kitOf({ extends: 'substitution', ignorecase: true, capitalize: true, swap: { utilize: 'use' } });
    expect(lintText('Utilize it.', kit).findings[0]!.suggestions).toEqual(['Use']);
    expect(lintText('We utilize it.', kit).findings[0]!.suggestions).toEqual(['use']);
  });

  it('cuts an existence match when the rule’s action is remove', () => {
    const kit = kitOf({ extends: 'existence', tokens: ['really'], action: { name: 'remove' } });
    expect(lintText('It is really fast.', kit).findings[0]!.suggestions).toEqual(['']);
  });
});
