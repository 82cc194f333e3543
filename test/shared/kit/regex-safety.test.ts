import { describe, expect, it } from 'vitest';
import { backtrackingRisk, checkPattern } from '../../../shared/src/kit';

describe('regex safety', () => {
  it.each([
    '(a+)+',
    '(a*)*',
    '(.*)*',
    '(a|a)*',
    '(a|ab)*',
    '(\\w|\\d)+',
    '(\\w+\\s?)*',
    '^(x(a|a))*$',
    '(?:[a-z]+)+$',
    '((ab)*)+',
    '(a{1,20}){2,}',
  ])('refuses %s, which can backtrack catastrophically', (source) => {
    expect(backtrackingRisk(source)).toBeDefined();
  });

  it.each([
    '\\b(?:utili[sz]e|leverage)\\b',
    '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)',
    '(\\d{1,3},)*\\d+',
    '(\\w+\\s)*done',
    '[a-z]+@[a-z]+\\.com',
    '(?:foo|bar)+',
    '\\p{Lu}{2,}',
    '(a?)+b',
  ])('accepts %s', (source) => {
    expect(backtrackingRisk(source)).toBeUndefined();
  });

  it('names a pattern that does not compile', () => {
    expect(checkPattern('(unclosed')).toMatch(/^invalid regular expression \(.+\)$/);
  });

  it('explains why a backtracking pattern is refused', () => {
    expect(checkPattern('(a+)+$')).toMatch(/exponential time/);
  });
});
