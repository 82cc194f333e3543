import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/src/findings';
import { applyFixes, brandFitScore, compileKit, formatMessage, isSafeFix, lintText, TermMatcher, unapprovedClaims } from '../../../shared/src/lint';
import { makeKit, matches, ruleKit } from './helpers';

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'substitution.x',
  severity: 'warning',
  message: 'm',
  start: 0,
  end: 0,
  line: 1,
  column: 1,
  match: '',
  suggestions: [],
  ...over,
});

describe('the single-pass matcher', () => {
  it('finds every key, overlapping ones included, in one scan', () => {
    const matcher = new TermMatcher(['he', 'she', 'his', 'hers']);
    const found: [number, number][] = [];
    matcher.scan('USHERS', (key, end) => found.push([key, end]));
    expect(found).toEqual([[1, 4], [0, 4], [3, 6]]);
  });

  it('compiles every term-like rule of a kit into one matcher, once per kit object', () => {
    const kit = makeKit({
      terms: [{ term: 'whitelist', status: 'banned' }],
      rules: [
        { type: 'existence', id: 'e', message: 'm', tokens: ['synergy'] },
        { type: 'substitution', id: 's', message: 'm', swap: { utilize: 'use' } },
        { type: 'capitalization', id: 'c', message: 'm', terms: ['Acme'] },
      ],
    });
    const compiled = compileKit(kit);
    expect(compiled.matcher.keyLengths).toHaveLength(4);
    expect(compileKit(kit)).toBe(compiled);
    expect(lintText('whitelist synergy utilize ACME', kit).findings.map((f) => f.rule)).toEqual([
      'terms.banned',
      'existence.e',
      'substitution.s',
      'capitalization.c',
    ]);
  });
});

describe('scope', () => {
  const kit = makeKit({
    rules: [
      { type: 'existence', id: 'ads-only', message: 'm', tokens: ['click here'], channels: ['search-ad-headline'] },
      { type: 'existence', id: 'everywhere', message: 'm', tokens: ['synergy'] },
    ],
  });

  it('runs a channel rule only on its channel', () => {
    expect(lintText('click here for synergy', kit).findings.map((f) => f.rule)).toEqual(['existence.everywhere']);
    expect(lintText('click here for synergy', kit, { channel: 'search-ad-headline' }).findings.map((f) => f.rule)).toEqual([
      'existence.ads-only',
      'existence.everywhere',
    ]);
  });
});

describe('channels', () => {
  const kit = makeKit({ disclosure: { label: 'Written with AI', channels: ['x-post'] } });

  it('counts the limit in graphemes and marks the overflow', () => {
    const text = 'Spend smarter with cards 👩‍💻 for your team';
    const [overflow] = lintText(text, kit, { channel: 'search-ad-headline' }).findings;
    expect(overflow).toMatchObject({ rule: 'channel.length', severity: 'error', match: ' your team' });
    expect(overflow!.message).toBe('Search ad headline has 40 characters; the limit is 30.');
  });

  it('requires the channel elements', () => {
    expect(lintText('Big sale today', kit, { channel: 'sms' }).findings).toEqual([
      expect.objectContaining({ rule: 'channel.required', message: 'SMS message needs opt-out wording (such as “Reply STOP to opt out”).' }),
    ]);
    expect(matches('Big sale today. Reply STOP to opt out', kit, { channel: 'sms' })).toEqual([]);
  });

  it('requires the disclosure label on AI-written copy and can add it', () => {
    const text = 'New cards are here';
    const [missing] = lintText(text, kit, { channel: 'x-post', aiGenerated: true }).findings;
    expect(missing).toMatchObject({ rule: 'disclosure.missing', start: 18, end: 18, suggestions: [' Written with AI'] });
    const fixed = applyFixes(text, [missing!]);
    expect(fixed).toBe('New cards are here Written with AI');
    expect(lintText(fixed, kit, { channel: 'x-post', aiGenerated: true }).findings).toEqual([]);
    expect(applyFixes(fixed, [missing!])).toBe(fixed);
  });

  it('does not ask for the label on human copy', () => {
    expect(lintText('New cards are here', kit, { channel: 'x-post' }).findings).toEqual([]);
  });
});

describe('finding positions', () => {
  it('gives UTF-16 offsets and 1-based line and column across CRLF and emoji', () => {
    const kit = ruleKit({ type: 'existence', tokens: ['synergy'] });
    const [found] = lintText('Hi 👋\r\nMore synergy', kit).findings;
    expect(found).toMatchObject({ start: 12, end: 19, line: 2, column: 6, match: 'synergy' });
  });
});

describe('fixes', () => {
  it('applies non-overlapping fixes, the earlier one winning', () => {
    const text = 'abcdef';
    const fixes = [
      finding({ start: 0, end: 3, match: 'abc', suggestions: ['X'] }),
      finding({ start: 2, end: 4, match: 'cd', suggestions: ['Y'] }),
      finding({ start: 4, end: 6, match: 'ef', suggestions: ['Z'] }),
    ];
    expect(applyFixes(text, fixes)).toBe('XdZ');
  });

  it('is idempotent: the same findings applied again change nothing', () => {
    const kit = ruleKit({ type: 'substitution', swap: { utilize: 'use', leverage: 'use' } });
    const text = 'We utilize and leverage data';
    const { findings } = lintText(text, kit);
    const once = applyFixes(text, findings);
    expect(once).toBe('We use and use data');
    expect(applyFixes(once, findings)).toBe(once);
  });

  it('skips a fix whose text changed since the lint', () => {
    expect(applyFixes('hello world', [finding({ start: 0, end: 5, match: 'howdy', suggestions: ['hi'] })])).toBe('hello world');
  });

  it('leaves a fix alone when an overlapping finding no longer matches its text', () => {
    const line = finding({ start: 0, end: 16, match: '# utilize things', suggestions: ['# utilize Things'] });
    const word = finding({ start: 2, end: 9, match: 'utilize', suggestions: ['use'] });
    const once = applyFixes('# utilize things', [line, word]);
    expect(once).toBe('# utilize Things');
    expect(applyFixes(once, [line, word])).toBe(once);
  });

  it('treats substitution, capitalisation, repetition and term spelling as safe, and judgement calls as not', () => {
    expect(isSafeFix(finding({ rule: 'substitution.x', suggestions: ['a'] }))).toBe(true);
    expect(isSafeFix(finding({ rule: 'capitalization.x', suggestions: ['a'] }))).toBe(true);
    expect(isSafeFix(finding({ rule: 'repetition.x', suggestions: [''] }))).toBe(true);
    expect(isSafeFix(finding({ rule: 'terms.case', suggestions: ['a'] }))).toBe(true);
    expect(isSafeFix(finding({ rule: 'substitution.x', suggestions: ['a', 'b'] }))).toBe(false);
    expect(isSafeFix(finding({ rule: 'terms.avoid', suggestions: ['a'] }))).toBe(false);
    expect(isSafeFix(finding({ rule: 'consistency.x', suggestions: ['a'] }))).toBe(false);
    expect(isSafeFix(finding({ rule: 'claims.prices', suggestions: [] }))).toBe(false);
  });
});

describe('claims gate', () => {
  it('returns only the claim findings', () => {
    const kit = makeKit({ claims: { review: ['superlatives'] }, rules: [{ type: 'existence', id: 'e', message: 'm', tokens: ['synergy'] }] });
    const { findings } = lintText('The best synergy', kit);
    expect(unapprovedClaims(findings).map((f) => f.rule)).toEqual(['claims.superlatives']);
  });
});

describe('brand-fit score', () => {
  const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
  it('is 100 with no findings and falls as findings rise', () => {
    const text = words(50);
    const one = [finding({ severity: 'error' })];
    expect(brandFitScore(text, [])).toBe(100);
    expect(brandFitScore(text, one)).toBe(67);
    expect(brandFitScore(text, [...one, ...one])).toBeLessThan(brandFitScore(text, one));
  });

  it('weighs errors above warnings above suggestions', () => {
    const text = words(50);
    const score = (severity: Finding['severity']) => brandFitScore(text, [finding({ severity })]);
    expect(score('error')).toBeLessThan(score('warning'));
    expect(score('warning')).toBeLessThan(score('suggestion'));
  });

  it('forgives the same findings in a longer text', () => {
    const few = [finding({ severity: 'warning' }), finding({ severity: 'warning' })];
    expect(brandFitScore(words(1000), few)).toBeGreaterThan(brandFitScore(words(100), few));
  });

  it('comes with every lint', () => {
    const kit = ruleKit({ type: 'existence', tokens: ['synergy'], severity: 'error' });
    expect(lintText('synergy', kit).score).toBe(67);
    expect(lintText('fine', kit).score).toBe(100);
  });
});

describe('messages', () => {
  it.each([
    ["Use '%s' instead of '%s'.", "Use 'use' instead of 'utilize'."],
    ['Found {match} ({count}).', 'Found utilize (3).'],
    ['Keep {unknown} and {match', 'Keep {unknown} and {match'],
    ['%s %s %s', 'use utilize %s'],
    ['No placeholders.', 'No placeholders.'],
  ])('fills %s', (template, expected) => {
    expect(formatMessage(template, ['use', 'utilize'], { match: 'utilize', count: '3' })).toBe(expected);
  });
});
