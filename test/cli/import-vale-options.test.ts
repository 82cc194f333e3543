import { beforeAll, describe, expect, it } from 'vitest';
import { parseKit, type BrandKit } from '../../shared/src/kit';
import { lintText } from '../../shared/src/lint';
import { importVale } from '../helpers/import-vale';

// Each expectation below is what Vale itself reports for the rule in test/fixtures/vale/options/Opts,
// read from Vale's source (github.com/errata-ai/vale, internal/check/*.go, lines cited per test).

const folder = new URL('../fixtures/vale/options', import.meta.url).pathname;
let kit: BrandKit;
let stderr = '';

beforeAll(async () => {
  const run = await importVale([folder, '--style', 'Opts']);
  expect(run.code).toBe(0);
  const parsed = parseKit(JSON.parse(run.stdout));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  kit = parsed.value;
  stderr = run.stderr;
});

/** The findings of one imported rule on a text, as match → suggestions. */
function found(text: string, type: string, name: string) {
  return lintText(text, kit).findings.filter((f) => f.rule === `${type}.Opts.${name}`).map((f) => ({ match: f.match, suggestions: f.suggestions }));
}

describe('Vale substitution options on import', () => {
  it('fills $1 and $2 in a replacement from the key’s capture groups', () => {
    // substitution.go:184-206 (subMsg): a replacement holding $N is the key's regex replaced over the match.
    expect(found('Save it within the build directory.', 'substitution', 'CaptureGroups')).toEqual([{ match: 'within the build directory', suggestions: ['in the build directory'] }]);
    // The second key's groups are numbered from its own first group, not the first key's.
    expect(found('Apples as well as pears.', 'substitution', 'CaptureGroups')).toEqual([{ match: 'Apples as well as pears', suggestions: ['Apples and pears'] }]);
  });

  it('raises only the first letter with capitalize, also for a match in capitals', () => {
    // substitution.go:188-189 and core/util.go CapFirst: upper-cases the first letter only.
    expect(found('UTILIZE it.', 'substitution', 'Capitalize')).toEqual([{ match: 'UTILIZE', suggestions: ['Use'] }]);
    expect(found('Utilize it.', 'substitution', 'Capitalize')[0]!.suggestions).toEqual(['Use']);
    expect(found('We utilize it.', 'substitution', 'Capitalize')[0]!.suggestions).toEqual(['use']);
  });

  it('tries the longest key first', () => {
    // substitution.go:61-63: the keys are sorted longest first before they are joined into one pattern.
    expect(found('Log in to pay.', 'substitution', 'Longest')).toEqual([{ match: 'Log in to', suggestions: ['sign in to'] }]);
  });

  it('reads "a|b" as two suggestions under the replace action', () => {
    // substitution.go:125-126: with `action: replace`, the replacement is split on "|".
    expect(found('Send an e-mail.', 'substitution', 'Choices')).toEqual([{ match: 'e-mail', suggestions: ['email', 'mail'] }]);
  });

  it('leaves an exception alone and fills the group in the others', () => {
    // substitution.go:123: a match the exceptions match is not reported.
    expect(found('We organise and advertise.', 'substitution', 'Spelling')).toEqual([{ match: 'organise', suggestions: ['organize'] }]);
  });
});

describe('Vale existence options on import', () => {
  it('takes the accepted vocabulary as exceptions unless vocab is false', () => {
    // existence.go:30 (Vocab defaults to true) and definition.go:341-343 (accepted words join the exceptions).
    expect(found('Ledgerline beats Skyline.', 'existence', 'Lines').map((f) => f.match)).toEqual(['Skyline']);
    expect(found('Ledgerline beats Skyline.', 'existence', 'LinesNoVocab').map((f) => f.match)).toEqual(['Ledgerline', 'Skyline']);
  });

  it('puts raw before the bounded tokens, as one sequence', () => {
    // definition.go:313-318 (makeRegexp): raw + \b(?:tokens)\b without append.
    expect(found('Save 50 percent, a percent more than 30 per cent.', 'existence', 'Percent').map((f) => f.match)).toEqual(['50 percent', '30 per cent']);
  });

  it('puts raw after the tokens with append', () => {
    // definition.go:314-315: with append, \b(?:tokens)\b + raw.
    expect(found('Save up to 50% or it is up to you.', 'existence', 'UpTo').map((f) => f.match)).toEqual(['up to 50%']);
  });

  it('names a scope the kit does not keep', () => {
    expect(stderr).toContain('Opts/HeadingWords.yml: partly imported: scope heading is not kept');
  });
});

describe('Vale occurrence options on import', () => {
  it('treats max: 0 as no limit', () => {
    // occurrence.go:63: a limit applies only when it is above 0.
    expect(found('Hi! Hi! Do contact us.', 'occurrence', 'ContactUs')).toEqual([]);
    expect(found('Hi! Hi!', 'occurrence', 'ContactUs')).toHaveLength(1);
    expect(stderr).toContain('Opts/NoLimit.yml: not imported (occurrence): neither max nor min is above 0');
  });
});

describe('Vale repetition options on import', () => {
  it('counts only repeats made of letters with alpha', () => {
    // repetition.go:85: hit = hit && (!o.Alpha || core.IsLetter(curr)).
    expect(found('It costs 10 10 dollars and the the rest.', 'repetition', 'Repeats').map((f) => f.match.trim())).toEqual(['the']);
    expect(found('It costs 10 10 dollars and the the rest.', 'repetition', 'RepeatsAny').map((f) => f.match.trim())).toEqual(['10', 'the']);
  });

  it('compares consecutive token matches, on one line', () => {
    // repetition.go:70-85: each match is compared with the previous match, whatever lies between;
    // repetition.go:98: not when the two are on different lines.
    expect(found('We stop. Stop now.', 'repetition', 'RepeatsWords')).toEqual([{ match: 'Stop', suggestions: [] }]);
    expect(found('We stop.\nStop now.', 'repetition', 'RepeatsWords')).toEqual([]);
    // With [^\s]+ tokens the period is part of the token, so "stop." and "Stop" differ.
    expect(found('We stop. stop now.', 'repetition', 'RepeatsAny')).toEqual([]);
    expect(found('We stop stop now.', 'repetition', 'RepeatsAny')).toEqual([{ match: ' stop', suggestions: [''] }]);
  });
});
