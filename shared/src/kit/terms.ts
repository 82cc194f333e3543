import * as z from '../zod';
import { choice, flag, optionalList, text } from './fields';

/**
 * One term in the brand's glossary, after Writer's term model: approved terms are checked for
 * their exact spelling and case, banned and avoided terms are flagged with their replacements.
 */
export const termSchema = () =>
  z.strictObject({
    term: text('the term'),
    status: choice(['approved', 'banned', 'avoid']),
    replacements: optionalList(),
    caseSensitive: flag(false),
    misspellings: optionalList(),
    note: z.optional(z.string()),
  });

export type Term = z.output<ReturnType<typeof termSchema>>;
