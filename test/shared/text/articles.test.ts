import { describe, expect, it } from 'vitest';
import { applyFixes, lintText } from '../../../shared/src/lint';
import { useKitTerms } from '../../../shared/src/generate/copy';
import { parseKit } from '../../../shared/src/kit';
import { articleFor, withArticle } from '../../../shared/src/text';

describe('a or an', () => {
  it.each([
    ['hour', 'an'], ['hourly plan', 'an'], ['honest answer', 'an'], ['heir', 'an'],
    ['user', 'a'], ['useful tool', 'a'], ['unique offer', 'a'], ['unit', 'a'], ['university', 'a'], ['utility', 'a'], ['European bank', 'a'], ['one-off fee', 'a'], ['once-a-year sale', 'a'],
    ['umbrella', 'an'], ['unimportant detail', 'an'], ['uninstaller', 'an'], ['onerous task', 'an'], ['allowlist', 'an'], ['easy win', 'an'],
    ['FAQ', 'an'], ['SMS reminder', 'an'], ['HTML page', 'an'], ['API', 'an'], ['URL', 'a'], ['UI', 'a'], ['USB key', 'a'], ['CFO', 'a'], ['X-ray', 'an'],
    ['8-week plan', 'an'], ['80% saving', 'an'], ['11-day trial', 'an'], ['18-month term', 'an'], ['1,800 users', 'a'], ['90-day trial', 'a'], ['100 reasons', 'a'],
    ['ledger', 'a'], ['“easy” win', 'an'],
  ] as const)('%s takes %s', (phrase, article) => {
    expect(articleFor(phrase)).toBe(article);
  });

  it('puts the right article before a replaced word and keeps its capitals', () => {
    expect(withArticle('Add a whitelist.', 6, 15, 'allowlist')).toEqual({ start: 4, replacement: 'an allowlist' });
    expect(withArticle('A whitelist.', 2, 11, 'allowlist')).toEqual({ start: 0, replacement: 'An allowlist' });
    expect(withArticle('an hour', 3, 7, 'user')).toEqual({ start: 0, replacement: 'a user' });
    // Already right, or no article: nothing moves.
    expect(withArticle('a list', 2, 6, 'user')).toEqual({ start: 2, replacement: 'user' });
    expect(withArticle('the list', 4, 8, 'allowlist')).toEqual({ start: 4, replacement: 'allowlist' });
    // "Ma " is not an article.
    expect(withArticle('Ma whitelist', 3, 12, 'allowlist')).toEqual({ start: 3, replacement: 'allowlist' });
    // A removal looks at the word that now follows.
    expect(withArticle('a very easy win', 2, 7, '')).toEqual({ start: 0, replacement: 'an ' });
  });
});

describe('articles where the kit changes a word', () => {
  const parsed = parseKit({
    schemaVersion: 1,
    name: 'Terms',
    version: '1.0.0',
    claims: { review: [] },
    terms: [{ term: 'whitelist', status: 'banned', replacements: ['allowlist'] }],
    rules: [{ type: 'existence', id: 'hedges', message: 'Cut %s.', tokens: ['very'], action: 'remove' }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const kit = parsed.value;

  it('writes "an allowlist" in a draft, not "a allowlist"', () => {
    expect(useKitTerms('Keep a whitelist. A whitelist helps.', kit)).toBe('Keep an allowlist. An allowlist helps.');
  });

  it('fixes the article with the word when the kit’s fixes are applied', () => {
    const text = 'Add a whitelist and a very easy rule.';
    expect(applyFixes(text, lintText(text, kit).findings)).toBe('Add an allowlist and an easy rule.');
  });
});
