import * as z from '../zod';
import { checkPattern } from './regex-safety';

// Small field builders shared by the kit's sections, each with a message a marketer can act on.

/** A list of text entries; a wrong type says exactly that. */
export const stringList = () => z.array(z.string(), { error: 'expected array of strings' });

/** A list of text entries that defaults to empty. */
export const optionalList = () => z._default(stringList(), []);

/** Non-empty text: `error` for a wrong type, `emptyError` (the same unless given) for empty text. */
export const filled = (error: string, emptyError = error) => z.string({ error }).check(z.minLength(1, { error: emptyError }));

/** Non-empty text, named in both messages. */
export const text = (what: string) => filled(`expected ${what}`, `expected non-empty ${what}`);

/** A whole number of at least `min`. */
export const count = (min: number) => z.int({ error: 'expected a whole number' }).check(z.gte(min, { error: `expected a number of at least ${min}` }));

/** The length limits a channel and a length rule share, all optional. */
export const lengthLimits = () => ({
  maxGraphemes: z.optional(count(1)),
  minGraphemes: z.optional(count(0)),
  maxWords: z.optional(count(1)),
});

/** True or false. */
export const bool = () => z.boolean({ error: 'expected true or false' });

/** True or false, `value` when left out. */
export const flag = (value: boolean) => z._default(bool(), value);

/** One of a few words, refused as `expected "a", "b" or "c"`. */
export const choice = <const T extends readonly string[]>(values: T) => {
  const quoted = values.map((value) => `"${value}"`);
  const last = quoted.pop();
  return z.enum(values, { error: `expected ${quoted.join(', ')} or ${last}` });
};

/** One of a longer list, refused as `expected one of a, b, c`. */
export const oneOf = <const T extends readonly string[]>(values: T) => z.enum(values, { error: `expected one of ${values.join(', ')}` });

/** Some of `values`, all of them when left out. */
export const someOf = <const T extends readonly string[]>(values: T) => z._default(z.array(oneOf(values)), [...values]);

/** A regular expression that compiles and runs on the linear-time matcher; the message names the problem. */
export const pattern = () =>
  text('a regular expression').check(
    z.superRefine((value, ctx) => {
      const problem = checkPattern(value);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: value });
    }),
  );

/** A finding's severity. */
export const severity = () => choice(['error', 'warning', 'suggestion']);
