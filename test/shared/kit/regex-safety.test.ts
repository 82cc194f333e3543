import { describe, expect, it } from 'vitest';
import { checkPattern, parseKit } from '../../../shared/src/kit';
import { lintText } from '../../../shared/src/lint';

const kitWith = (rule: object) => ({ schemaVersion: 1, name: 'Patterns', version: '1.0.0', claims: { review: [] }, rules: [rule] });
const head = { id: 'r', severity: 'warning', message: '%s' };

describe('kit patterns', () => {
  it.each(['(?=a)b', '(?!a)b', '(?<=a)b', '(?<!a)b'])('refuses the lookaround %s, which cannot run in linear time', (source) => {
    expect(checkPattern(source)).toMatch(/lookaround .* cannot be matched in linear time/);
  });

  it.each(['(a)\\1', '(?<x>a)\\k<x>'])('refuses the back-reference %s', (source) => {
    expect(checkPattern(source)).toMatch(/back-reference .* cannot be matched in linear time/);
  });

  it('refuses repeat counts that would make the pattern too large', () => {
    expect(checkPattern('a{5000}')).toMatch(/repeat count above 1000/);
    expect(checkPattern('(?:\\w{1,1000}){1,4}')).toMatch(/too large/);
  });

  it('names the rule path of a refused pattern in every kind of rule', () => {
    const cases: [object, string][] = [
      [{ ...head, type: 'existence', pattern: '(?<=x)y' }, 'rules[0].pattern'],
      [{ ...head, type: 'occurrence', token: '(a)\\1', max: 1 }, 'rules[0].token'],
      [{ ...head, type: 'substitution', regex: true, swap: { '(?!b)a': 'c' } }, 'rules[0].swap'],
    ];
    for (const [rule, path] of cases) {
      const parsed = parseKit(kitWith(rule));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n')).toMatch(new RegExp(`^${path.replace(/[[\]().]/g, '\\$&')}.*: .*cannot be matched in linear time`, 'm'));
    }
  });

  it('names a pattern that does not compile', () => {
    expect(checkPattern('(unclosed')).toMatch(/^invalid regular expression \(.+\)$/);
  });

  // These backtrack for minutes in JavaScript's engine on a long near-miss; here they finish in one pass.
  it.each([
    ['(a{1,10}){1,10}b', 'aab'],
    ['a*a*a*a*a*b', 'aab'],
    ['\\s*\\s*$', 'end  '],
    ['.*a.*b', 'xaxb'],
    ['(a+)+b', 'ab'],
    ['(\\w+\\s?)*!', 'hi there!'],
  ])('accepts %s and lints a long near-miss with it', (source, hit) => {
    const parsed = parseKit(kitWith({ ...head, type: 'existence', pattern: source }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const near = `${'a'.repeat(20000)}${' '.repeat(20000)}x`;
    expect(lintText(near, parsed.value).findings).toEqual([]);
    expect(lintText(hit, parsed.value).findings.length).toBe(1);
  });

  it('keeps offsets in UTF-16 units around characters beyond the BMP', () => {
    const parsed = parseKit(kitWith({ ...head, type: 'existence', pattern: 'b+' }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const [finding] = lintText('😀😀 bb', parsed.value).findings;
    expect([finding!.start, finding!.end]).toEqual([5, 7]);
  });
});
