import * as z from '../zod';
import { checkPattern } from './regex-safety';

// Small field builders shared by the kit's sections, each with a message a marketer can act on.

/** A list of text entries; a wrong type says exactly that. */
export const stringList = () => z.array(z.string(), { error: 'expected array of strings' });

/** A list of text entries that defaults to empty. */
export const optionalList = () => z._default(stringList(), []);

/** Non-empty text. */
export const text = (what = 'text') => z.string({ error: `expected ${what}` }).check(z.minLength(1, { error: `expected non-empty ${what}` }));

/** A whole number of at least `min`. */
export const count = (min = 0) => z.int({ error: 'expected a whole number' }).check(z.gte(min, { error: `expected a number of at least ${min}` }));

/** A regular expression that compiles and cannot backtrack catastrophically; the message names the problem. */
export const pattern = () =>
  text('a regular expression').check(
    z.superRefine((value, ctx) => {
      const problem = checkPattern(value);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: value });
    }),
  );

/** A finding's severity. */
export const severity = () => z.enum(['error', 'warning', 'suggestion'], { error: 'expected "error", "warning" or "suggestion"' });
