import { describe, expect, it } from 'vitest';
import en from 'zod/v4/locales/en.js';
import type { $ZodRawIssue } from 'zod/v4/core';
import * as z from '../../shared/src/zod';
import { englishMessages } from '../../shared/src/zod-messages';

// The issues Onbrand's schemas can raise, as zod hands them to the message map.
const issues = [
  { code: 'invalid_type', expected: 'string', input: 3 },
  { code: 'invalid_type', expected: 'number', input: 'twelve' },
  { code: 'invalid_type', expected: 'array', input: null },
  { code: 'invalid_type', expected: 'object', input: [1] },
  { code: 'invalid_type', expected: 'number', input: Number.NaN },
  { code: 'invalid_type', expected: 'number', input: Number.POSITIVE_INFINITY },
  { code: 'invalid_type', expected: 'string', input: undefined },
  { code: 'invalid_value', values: [1] },
  { code: 'invalid_value', values: ['share', 'px'] },
  { code: 'too_small', origin: 'number', minimum: 0, inclusive: false },
  { code: 'too_small', origin: 'string', minimum: 1, inclusive: true },
  { code: 'too_small', origin: 'array', minimum: 2, inclusive: true, exact: true },
  { code: 'too_big', origin: 'number', maximum: 5, inclusive: true },
  { code: 'too_big', origin: 'string', maximum: 30, inclusive: true },
  { code: 'invalid_format', format: 'regex', pattern: '/^#/' },
  { code: 'not_multiple_of', divisor: 5 },
  { code: 'unrecognized_keys', keys: ['colour'] },
  { code: 'unrecognized_keys', keys: ['a', 'b'] },
  { code: 'invalid_key', origin: 'record' },
  { code: 'invalid_element', origin: 'map' },
  { code: 'invalid_union', errors: [] },
  { code: 'invalid_union', errors: [], note: 'No matching discriminator', discriminator: 'type', options: ['text', 'frame'] },
  { code: 'custom' },
] as unknown as $ZodRawIssue[];

describe('English messages', () => {
  it.each(issues.map((issue) => [issue.code, issue] as const))('words a %s issue as zod English locale does', (_code, issue) => {
    expect(englishMessages(issue)).toBe(en().localeError(issue));
  });

  it('are in force for every schema built from the shared zod module', () => {
    const result = z.object({ size: z.number().check(z.gt(0)), name: z.string() }).safeParse({ size: -1, name: 7 });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'Too small: expected number to be >0',
      'Invalid input: expected string, received number',
    ]);
  });
});
