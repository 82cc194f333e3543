import { describe, it, expect } from 'vitest';
import { percent, plural, pText, signedPercent } from '../../../shared/src/experiments/format';

describe('plain-language formats', () => {
  it('counts with the noun in the singular only for one', () => {
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(0, 'row')).toBe('0 rows');
    expect(plural(3, 'use case')).toBe('3 use cases');
  });

  it('writes percentages with a sign only when asked', () => {
    expect(signedPercent(0.123)).toBe('+12.3%');
    expect(signedPercent(-0.05)).toBe('-5.0%');
    expect(percent(0.9512)).toBe('95.1%');
  });

  it('writes tiny p-values as a bound', () => {
    expect(pText(0.0004)).toBe('p < 0.001');
    expect(pText(0.042)).toBe('p = 0.042');
  });
});
