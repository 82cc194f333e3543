import { describe, expect, it } from 'vitest';
import { applyFixes, lintText } from '../../../shared/src/lint';
import { makeKit, matches, ruleKit } from './helpers';

describe('existence', () => {
  const kit = ruleKit({ type: 'existence', tokens: ['synergy', 'world class', 'rockstar'], exceptions: ['Synergy Labs'] });
  it.each([
    ['a token', 'We love synergy.', ['synergy']],
    ['case-blind by default', 'SYNERGY and Synergy', ['SYNERGY', 'Synergy']],
    ['a phrase', 'Our world class team', ['world class']],
    ['not inside another word', 'rockstars and synergystic', []],
    ['not inside an exception', 'Synergy Labs ships synergy', ['synergy']],
    ['after an emoji', '🎉synergy', ['synergy']],
    ['next to CJK', '我们的synergy很好', ['synergy']],
    ['in right-to-left text', 'שלום synergy עולם', ['synergy']],
    ['not inside a URL', 'See https://synergy.example.com', []],
    ['not inside quotes', 'They called it "synergy" once', []],
    ['not inside code', 'Run `synergy --fast`', []],
  ])('finds %s', (_name, text, expected) => {
    expect(matches(text, kit)).toEqual(expected);
  });

  it('honours case when the rule asks', () => {
    expect(matches('Synergy synergy', ruleKit({ type: 'existence', tokens: ['synergy'], ignoreCase: false }))).toEqual(['synergy']);
  });

  it('runs a pattern with exceptions and reports the rule type in the id', () => {
    const k = ruleKit({ type: 'existence', pattern: '\\b\\w+ly\\b', exceptions: ['only'], message: 'Cut the adverb “%s”.' });
    const { findings } = lintText('Only really quickly.', k);
    expect(findings.map((f) => [f.rule, f.match, f.message])).toEqual([
      ['existence.r', 'really', 'Cut the adverb “really”.'],
      ['existence.r', 'quickly', 'Cut the adverb “quickly”.'],
    ]);
  });

  it('checks quoted text when the rule says so', () => {
    const k = ruleKit({ type: 'existence', tokens: ['synergy'], skip: ['urls'] });
    expect(matches('They called it "synergy"', k)).toEqual(['synergy']);
  });
});

describe('substitution', () => {
  const kit = ruleKit({ type: 'substitution', swap: { utilize: 'use', 'e-mail': 'email', 'log in to': 'sign in to', login: ['sign in', 'sign-in'] }, message: "Use '%s' instead of '%s'." });
  it.each([
    ['a word', 'Please utilize it', 'utilize', ['use']],
    ['a hyphenated key', 'Send an e-mail', 'e-mail', ['email']],
    ['the longest key first', 'Log in to the app', 'Log in to', ['sign in to']],
    ['several replacements', 'Your login page', 'login', ['sign in', 'sign-in']],
    ['after combining marks', 'Café\u0301 utilize', 'utilize', ['use']],
  ])('swaps %s', (_name, text, match, suggestions) => {
    const [finding] = lintText(text, kit).findings;
    expect(finding).toMatchObject({ match, suggestions });
  });

  it('fills the Vale-style message', () => {
    expect(lintText('utilize', kit).findings[0]!.message).toBe("Use 'use' instead of 'utilize'.");
  });

  it("keeps the writer's capitalisation when the kit asks", () => {
    const k = ruleKit({ type: 'substitution', swap: { utilize: 'use' }, keepCase: true });
    expect(lintText('Utilize. UTILIZE.', k).findings.map((f) => f.suggestions[0])).toEqual(['Use', 'USE']);
  });

  it('uses the replacement as written when the kit does not ask', () => {
    expect(lintText('Utilize it', kit).findings[0]!.suggestions).toEqual(['use']);
  });

  it('does not flag text that already reads as the replacement', () => {
    expect(matches('It is OK', ruleKit({ type: 'substitution', swap: { ok: 'OK' } }))).toEqual([]);
  });

  it('takes regex keys when the rule says so', () => {
    const k = ruleKit({ type: 'substitution', regex: true, swap: { '\\be-?mails?\\b': 'email', '\\bcancell?ation\\b': 'cancellation' } });
    expect(lintText('Check e-mails about cancelation', k).findings.map((f) => [f.match, f.suggestions[0]])).toEqual([
      ['e-mails', 'email'],
      ['cancelation', 'cancellation'],
    ]);
  });

  it('fixes every finding in one pass', () => {
    const text = 'Utilize the login and e-mail.';
    expect(applyFixes(text, lintText(text, kit).findings)).toBe('use the sign in and email.');
  });
});

describe('capitalization', () => {
  it('holds product names to their exact capitals', () => {
    const k = ruleKit({ type: 'capitalization', terms: ['Ledgerline', 'iPhone'] });
    expect(lintText('Try ledgerline on your IPHONE or Ledgerline', k).findings.map((f) => [f.match, f.suggestions[0]])).toEqual([
      ['ledgerline', 'Ledgerline'],
      ['IPHONE', 'iPhone'],
    ]);
  });

  it.each([
    ['sentence', '# Spend Management For Finance Teams', 'Spend management for finance teams'],
    ['sentence', '## How Acme Works With SAP', 'How Acme works with SAP'],
    ['title', '# the art of saving in a downturn', 'The Art of Saving in a Downturn'],
    ['title', '# best-in-class spend control', 'Best-in-Class Spend Control'],
    ['upper', '# limited offer', 'LIMITED OFFER'],
    ['lower', '# Hello There', 'hello there'],
  ])('puts headings in %s case', (style, text, expected) => {
    const k = ruleKit({ type: 'capitalization', style, scope: 'headings' });
    const [finding] = lintText(text, k).findings;
    expect(finding!.suggestions).toEqual([expected]);
    expect(applyFixes(text, [finding!])).toBe(text.slice(0, text.indexOf(' ') + 1) + expected);
  });

  it('leaves a heading already in style alone, and keeps exceptions and kit names', () => {
    const k = ruleKit({ type: 'capitalization', style: 'sentence', exceptions: ['Finance Cloud'] }, { name: 'Juniper Oak' });
    expect(matches('# Meet Juniper Oak and Finance Cloud\n\nBody Text Here', k)).toEqual([]);
  });

  it('checks the headings a host names when it knows them', () => {
    const k = ruleKit({ type: 'capitalization', style: 'sentence', scope: 'headings' });
    const text = 'Spend Less Time\nBody Text Stays As Written';
    expect(lintText(text, k, { headings: [{ start: 0, end: 15 }] }).findings).toEqual([
      expect.objectContaining({ match: 'Spend Less Time', suggestions: ['Spend less time'] }),
    ]);
    expect(lintText(text, k).findings).toEqual([]);
  });

  it('checks a whole headline when scoped to the text', () => {
    const k = ruleKit({ type: 'capitalization', style: 'title', scope: 'text' });
    expect(lintText('  spend less time  ', k).findings[0]).toMatchObject({ match: 'spend less time', suggestions: ['Spend Less Time'] });
  });
});

describe('occurrence', () => {
  it('marks each occurrence past the maximum', () => {
    const k = ruleKit({ type: 'occurrence', token: '!', max: 1, message: 'At most one “!” (found {count}).' });
    const { findings } = lintText('Wow! Great! Now!', k);
    expect(findings.map((f) => [f.start, f.message])).toEqual([
      [10, 'At most one “!” (found 3).'],
      [15, 'At most one “!” (found 3).'],
    ]);
  });

  it('counts per sentence when scoped', () => {
    const k = ruleKit({ type: 'occurrence', token: '\\band\\b', max: 1, scope: 'sentence' });
    expect(matches('Fast and simple and clear. Cheap and good.', k)).toEqual(['and']);
  });

  it('reports a text that has too few occurrences', () => {
    const k = ruleKit({ type: 'occurrence', token: '#\\w+', min: 1, message: 'Add a hashtag.' });
    expect(lintText('No tags here', k).findings[0]).toMatchObject({ start: 0, end: 12, message: 'Add a hashtag.' });
    expect(matches('Tagged #brand', k)).toEqual([]);
  });
});

describe('length', () => {
  it.each([
    ['graphemes with emoji', { maxGraphemes: 5 }, 'ab👨‍👩‍👧cdef', 'ef'],
    ['graphemes with combining marks', { maxGraphemes: 3 }, 'e\u0301e\u0301e\u0301e\u0301', 'e\u0301'],
    ['words', { maxWords: 3 }, 'one two three four five', 'four five'],
    ['CJK words', { maxWords: 4 }, '我们的产品很好', '品很好'],
  ])('marks the overflow in %s', (_name, limits, text, overflow) => {
    expect(matches(text, ruleKit({ type: 'length', ...limits }))).toEqual([overflow]);
  });

  it('checks each sentence when scoped', () => {
    const k = ruleKit({ type: 'length', scope: 'sentence', maxWords: 3, message: 'Sentence has %s words; keep to %s.' });
    const { findings } = lintText('Short one. This sentence is far too long.', k);
    expect(findings.map((f) => [f.match, f.message])).toEqual([['far too long.', 'Sentence has 6 words; keep to 3.']]);
  });

  it('reports a text below the minimum', () => {
    expect(matches('Hi', ruleKit({ type: 'length', minGraphemes: 5 }))).toEqual(['Hi']);
  });
});

describe('repetition', () => {
  const kit = ruleKit({ type: 'repetition', message: '“%s” is repeated.' });
  it.each([
    ['a doubled word', 'the the cat', [' the']],
    ['across a line break', 'the\r\nthe cat', ['\r\nthe']],
    ['case-blind', 'The the cat', [' the']],
    ['three in a row', 'very very very good', [' very', ' very']],
    ['not across punctuation', 'No, no, never', []],
    ['not different words', 'the cat', []],
    ['Arabic', 'مرحبا مرحبا', [' مرحبا']],
  ])('finds %s', (_name, text, expected) => {
    expect(matches(text, kit)).toEqual(expected);
  });

  it('removes the repeat', () => {
    const text = 'very very very good';
    expect(applyFixes(text, lintText(text, kit).findings)).toBe('very good');
  });

  it('allows the exceptions', () => {
    expect(matches('that that works', ruleKit({ type: 'repetition', exceptions: ['that'] }))).toEqual([]);
  });
});

describe('consistency', () => {
  const kit = ruleKit({ type: 'consistency', either: { 'e-mail': 'email', adviser: 'advisor' } });
  it('flags the form used second, suggesting the first', () => {
    expect(lintText('Email us. Your e-mail and EMAIL.', kit).findings.map((f) => [f.match, f.suggestions[0]])).toEqual([['e-mail', 'email']]);
  });

  it('accepts one form used throughout', () => {
    expect(matches('advisor, advisor and advisor', kit)).toEqual([]);
  });
});

describe('conditional', () => {
  const kit = ruleKit({ type: 'conditional', exceptions: ['OK'], message: 'Define %s before using it.' });
  it.each([
    ['an undefined acronym once', 'Cut your DSO. DSO matters.', ['DSO']],
    ['a defined acronym', 'Days sales outstanding (DSO) falls. DSO matters.', []],
    ['a definition after use', 'DSO falls. Days sales outstanding (DSO).', ['DSO']],
    ['an exception', 'It is OK.', []],
    ['shouting is not an acronym', 'SAVE NOW on plans', []],
    ['plurals', 'Our APIs are open', ['APIs']],
  ])('handles %s', (_name, text, expected) => {
    expect(matches(text, kit)).toEqual(expected);
  });
});

describe('readability', () => {
  const kit = ruleKit({ type: 'readability', maxGrade: 8, minWords: 10, message: 'Grade %s is above 8.' });
  it('flags dense prose with its grade', () => {
    const text = 'Organizational transformation necessitates comprehensive institutional reconfiguration, prioritizing interdepartmental collaboration and sophisticated technological infrastructure.';
    const [finding] = lintText(text, kit).findings;
    expect(finding!.message).toMatch(/^Grade \d+\.\d is above 8\.$/);
    expect(finding!.start).toBe(0);
  });

  it('passes plain prose', () => {
    expect(matches('We make it easy to track spend. You see every card. You close the books fast.', kit)).toEqual([]);
  });

  it('does not judge short text', () => {
    expect(matches('Unquestionably revolutionary.', kit)).toEqual([]);
  });
});

describe('claims', () => {
  const kit = makeKit({ claims: { approved: ['Save 5 hours a week'] } });
  it.each([
    ['superlatives', 'The best spend tool', 'claims.superlatives', 'best'],
    ['guarantees', 'Guaranteed savings', 'claims.guarantees', 'Guaranteed'],
    ['absolutes', 'It never fails', 'claims.absolutes', 'never'],
    ['numbers', 'Close 3x faster', 'claims.numbers', '3x'],
    ['prices', 'Only $49/month', 'claims.prices', '$49'],
    ['percentages', 'Cut costs by 30%', 'claims.percentages', '30%'],
    ['health', 'Clinically proven to calm eczema', 'claims.health', 'Clinically proven'],
    ['finance', 'Boost your ROI', 'claims.finance', 'ROI'],
  ])('flags %s', (_name, text, rule, match) => {
    expect(lintText(text, kit).findings).toContainEqual(expect.objectContaining({ rule, match }));
  });

  it('passes a claim the kit approved', () => {
    expect(lintText('Save 5 hours a week with us', kit).findings).toEqual([]);
  });

  it('passes a claim the brief approved', () => {
    expect(lintText('Cut costs by 30%', kit, { approvedClaims: ['cut costs by 30%'] }).findings).toEqual([]);
  });

  it("adds the kit's own regulated words", () => {
    const k = makeKit({ claims: { review: ['health'], words: { health: ['soothes'] } } });
    expect(matches('Soothes skin', k)).toEqual(['Soothes']);
  });

  it('reviews every category by default', () => {
    const parsed = makeKit({ claims: undefined });
    expect(lintText('The best', { ...parsed, claims: { ...parsed.claims, review: ['superlatives'] } }).findings[0]!.rule).toBe('claims.superlatives');
  });
});

describe('required elements', () => {
  const kit = ruleKit({ type: 'required', elements: ['cta', 'brand-name', 'link', 'Terms apply'], message: 'Add %s.' });
  it('reports each missing element at the end of the text', () => {
    const { findings } = lintText('Nice words.\n', kit);
    expect(findings.map((f) => [f.message, f.start, f.end])).toEqual([
      ['Add a call to action.', 11, 11],
      ['Add the brand name.', 11, 11],
      ['Add a link.', 11, 11],
      ['Add “Terms apply”.', 11, 11],
    ]);
  });

  it('accepts text with every element', () => {
    expect(matches('Try Acme today at acme.com. Terms apply.', kit)).toEqual([]);
  });
});

describe('terms', () => {
  const kit = makeKit({
    terms: [
      { term: 'Ledgerline', status: 'approved', caseSensitive: true, misspellings: ['Ledger Line', 'Ledgerlime'] },
      { term: 'whitelist', status: 'banned', replacements: ['allowlist'], note: 'Inclusive language.' },
      { term: 'cheap', status: 'avoid', replacements: ['affordable', 'low-cost'] },
    ],
  });
  it.each([
    ['a banned term', 'Add it to the whitelist', 'terms.banned', 'error', ['allowlist']],
    ["a banned term in the writer's capitals", 'Whitelist it', 'terms.banned', 'error', ['Allowlist']],
    ['a term to avoid', 'Cheap plans', 'terms.avoid', 'warning', ['Affordable', 'Low-cost']],
    ['a misspelling', 'Try Ledger Line', 'terms.misspelling', 'warning', ['Ledgerline']],
    ['wrong capitals', 'Try LedgerLine', 'terms.case', 'warning', ['Ledgerline']],
  ])('flags %s', (_name, text, rule, severity, suggestions) => {
    expect(lintText(text, kit).findings).toEqual([expect.objectContaining({ rule, severity, suggestions })]);
  });

  it('says why, from the term note', () => {
    expect(lintText('whitelist', kit).findings[0]!.message).toContain('Inclusive language.');
  });

  it('accepts the approved term as written', () => {
    expect(matches('Ledgerline is here', kit)).toEqual([]);
  });
});

describe('pathological text', () => {
  it('stays linear on long runs of spaces in a heading', () => {
    const k = ruleKit({ type: 'capitalization', style: 'sentence' });
    const text = `# Heading${' '.repeat(100_000)}Tail #`;
    expect(lintText(text, k).findings[0]!.suggestions[0]!.endsWith('tail')).toBe(true);
  });
});
