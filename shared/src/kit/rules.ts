import * as z from '../zod';
import { claimCategories } from './claims';
import { bool, choice, count, flag, lengthLimits, oneOf, optionalList, pattern, severity, someOf, stringList, text } from './fields';

/** Kinds of text the engine leaves alone unless a rule lists fewer of them in `skip`. */
export const skipKinds = ['urls', 'emails', 'quotes', 'code'] as const;
export type SkipKind = (typeof skipKinds)[number];

/** Every rule type a kit may use. */
export const ruleTypes = [
  'existence',
  'substitution',
  'capitalization',
  'occurrence',
  'length',
  'repetition',
  'consistency',
  'conditional',
  'readability',
  'claims',
  'required',
] as const;

export type RuleType = (typeof ruleTypes)[number];

/**
 * One rule type: the fields every rule has, then its own. `message` may hold `%s` (Vale style) or
 * `{match}` / `{suggestion}`. `needs` names fields of which the rule must give at least one.
 */
const rule = <T extends RuleType, S extends z.core.$ZodLooseShape>(type: T, shape: S, needs?: string[]) => {
  const schema = z.strictObject({
    type: z.literal(type),
    id: text('a rule id'),
    severity: z._default(severity(), 'warning'),
    message: text('a message'),
    channels: z.optional(stringList()),
    note: z.optional(z.string()),
    skip: someOf(skipKinds),
    ...shape,
  });
  if (!needs) return schema;
  // An empty list counts as left out.
  return schema.check(
    z.refine(
      (value) =>
        needs.some((field) => {
          const v = (value as Record<string, unknown>)[field];
          return Array.isArray(v) ? v.length > 0 : v !== undefined;
        }),
      { error: `give at least one of ${needs.join(', ')}` },
    ),
  );
};

/** One kit rule of any type, told apart by `type`. */
export const ruleSchema = () =>
  z.discriminatedUnion(
    'type',
    [
      // Flags words or patterns that must not appear.
      // `action: "remove"` (Vale's remove action) says the fix is to cut the match, so it can be applied without a person.
      rule('existence', { tokens: optionalList(), pattern: z.optional(pattern()), ignoreCase: flag(true), exceptions: optionalList(), action: z.optional(z.enum(['remove'], { error: 'expected "remove"' })) }, ['tokens', 'pattern']),
      // Replaces words with the brand's preferred ones; `keepCase` carries the writer's capitals over,
      // `capitalize` (Vale's) only raises the suggestion's first letter when the match starts with a capital,
      // and `regex` reads the swap keys as regular expressions (as Vale does) instead of literal text, with
      // `$1` in a replacement filled from the key's first group. A match equal to an exception is left alone.
      rule('substitution', {
        swap: z.record(z.string(), z.union([z.string(), stringList()], { error: 'expected a replacement or a list of replacements' })),
        ignoreCase: flag(true),
        keepCase: flag(false),
        // Optional rather than defaulted, so kits without them keep the fingerprint their drafts are seeded from.
        capitalize: z.optional(bool()),
        regex: flag(false),
        exceptions: z.optional(stringList()),
      }),
      // Product names written exactly so, and headings (or whole texts) in one case style.
      rule(
        'capitalization',
        {
          style: z.optional(choice(['title', 'sentence', 'upper', 'lower'])),
          scope: z._default(choice(['headings', 'text', 'lines']), 'headings'),
          terms: optionalList(),
          exceptions: optionalList(),
        },
        ['style', 'terms'],
      ),
      // Limits how often a pattern may appear (Vale's occurrence).
      rule(
        'occurrence',
        {
          token: pattern(),
          ignoreCase: flag(true),
          min: z.optional(count(0)),
          max: z.optional(count(0)),
          scope: z._default(choice(['text', 'paragraph', 'sentence']), 'text'),
        },
        ['min', 'max'],
      ),
      // Character (grapheme) and word limits per text, paragraph, sentence or line.
      rule(
        'length',
        { scope: z._default(choice(['text', 'paragraph', 'sentence', 'line']), 'text'), ...lengthLimits(), minWords: z.optional(count(0)) },
        ['maxGraphemes', 'minGraphemes', 'maxWords', 'minWords'],
      ),
      // The same word twice in a row ("the the"). With `token` (Vale's tokens), two matches of the pattern in a
      // row on one line count instead of two words; `alpha` counts only repeats made of letters alone.
      rule('repetition', { ignoreCase: flag(true), exceptions: optionalList(), token: z.optional(pattern()), alpha: z.optional(bool()) }),
      // Either form, not both, in one text (Vale's consistency).
      rule('consistency', { either: z.record(z.string(), z.string({ error: 'expected the other form as text' })), ignoreCase: flag(true) }),
      // A term matched by `first` needs a definition matched by `second` before it (an acronym and its expansion).
      rule('conditional', {
        first: z._default(pattern(), '\\b([A-Z]{2,6})s?\\b'),
        second: z._default(pattern(), '\\(([A-Z]{2,6})s?\\)'),
        exceptions: optionalList(),
      }),
      // Flesch–Kincaid grade above the threshold.
      rule('readability', {
        maxGrade: z.number({ error: 'expected a grade number' }).check(z.gte(0, { error: 'expected a grade of at least 0' })),
        minWords: z._default(count(1), 20),
        scope: z._default(choice(['text', 'paragraph']), 'text'),
      }),
      // Claims that need review before they ship; without `categories`, the kit's `claims.review` list.
      // Findings are reported as `claims.<category>`.
      rule('claims', { categories: z.optional(z.array(oneOf(claimCategories))) }),
      // Elements the copy must contain: `cta`, `opt-out`, `link`, `brand-name`, `hashtag`, or literal text.
      rule('required', { elements: stringList().check(z.minLength(1, { error: 'list at least one element' })) }),
    ],
    {
      // zod raises an invalid union only for an object whose `type` is missing or unknown.
      error: (issue) => {
        if (issue.code !== 'invalid_union') return undefined;
        const given = (issue.input as { type?: unknown }).type;
        const what = given === undefined ? 'the rule has no type' : `unknown rule type ${JSON.stringify(given)}`;
        return `${what}; expected one of ${ruleTypes.join(', ')}`;
      },
    },
  );

export type Rule = z.output<ReturnType<typeof ruleSchema>>;
export type RuleOf<T extends RuleType> = Extract<Rule, { type: T }>;
