import { once } from '../once';
import * as z from '../zod';
import { optionalList, text } from './fields';

/**
 * One term in the brand's glossary, after Writer's term model: approved terms are checked for
 * their exact spelling and case, banned and avoided terms are flagged with their replacements.
 */
export const termSchema = once(() =>
  z.strictObject({
    term: text('the term'),
    status: z.enum(['approved', 'banned', 'avoid'], { error: 'expected "approved", "banned" or "avoid"' }),
    replacements: optionalList(),
    caseSensitive: z._default(z.boolean({ error: 'expected true or false' }), false),
    misspellings: optionalList(),
    note: z.optional(z.string()),
  }),
);

export type Term = z.output<ReturnType<typeof termSchema>>;
export type TermStatus = Term['status'];
