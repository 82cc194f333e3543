import { once } from '../once';
import * as z from '../zod';
import { claimCategorySchema } from './claims';
import { count, optionalList, pattern, severity, stringList, text } from './fields';

/** Kinds of text the engine leaves alone unless a rule lists fewer of them in `skip`. */
export const skipKinds = ['urls', 'emails', 'quotes', 'code'] as const;
export type SkipKind = (typeof skipKinds)[number];

const flag = (value: boolean) => z._default(z.boolean({ error: 'expected true or false' }), value);

// Fields every rule has. `message` may hold `%s` (Vale style) or `{match}` / `{suggestion}`.
const common = () => ({
  id: text('a rule id'),
  severity: z._default(severity(), 'warning'),
  message: text('a message'),
  channels: z.optional(stringList()),
  note: z.optional(z.string()),
  skip: z._default(z.array(z.enum(skipKinds, { error: `expected one of ${skipKinds.join(', ')}` })), [...skipKinds]),
});

const rule = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...common(), ...shape });

const needsOneOf = (fields: string[]) =>
  z.refine(
    (value: unknown) =>
      fields.some((field) => {
        const v = (value as Record<string, unknown>)[field];
        return Array.isArray(v) ? v.length > 0 : v !== undefined;
      }),
    { error: `give at least one of ${fields.join(', ')}` },
  );

/** Flags words or patterns that must not appear. */
const existenceRule = () => rule('existence', {
  tokens: optionalList(),
  pattern: z.optional(pattern()),
  ignoreCase: flag(true),
  exceptions: optionalList(),
}).check(needsOneOf(['tokens', 'pattern']));

/** Replaces words with the brand's preferred ones; `keepCase` carries the writer's capitals over. */
const substitutionRule = () => rule('substitution', {
  swap: z.record(z.string(), z.union([z.string(), stringList()], { error: 'expected a replacement or a list of replacements' })),
  ignoreCase: flag(true),
  keepCase: flag(false),
  /** Treat the swap keys as regular expressions (as Vale does) instead of literal text. */
  regex: flag(false),
});

/** Product names written exactly so, and headings (or whole texts) in one case style. */
const capitalizationRule = () => rule('capitalization', {
  style: z.optional(z.enum(['title', 'sentence', 'upper', 'lower'], { error: 'expected "title", "sentence", "upper" or "lower"' })),
  scope: z._default(z.enum(['headings', 'text', 'lines'], { error: 'expected "headings", "text" or "lines"' }), 'headings'),
  terms: optionalList(),
  exceptions: optionalList(),
}).check(needsOneOf(['style', 'terms']));

const countScope = () => z._default(z.enum(['text', 'paragraph', 'sentence'], { error: 'expected "text", "paragraph" or "sentence"' }), 'text');

/** Limits how often a pattern may appear (Vale's occurrence). */
const occurrenceRule = () => rule('occurrence', {
  token: pattern(),
  ignoreCase: flag(true),
  min: z.optional(count(0)),
  max: z.optional(count(0)),
  scope: countScope(),
}).check(needsOneOf(['min', 'max']));

/** Character (grapheme) and word limits per text, paragraph, sentence or line. */
const lengthRule = () => rule('length', {
  scope: z._default(z.enum(['text', 'paragraph', 'sentence', 'line'], { error: 'expected "text", "paragraph", "sentence" or "line"' }), 'text'),
  maxGraphemes: z.optional(count(1)),
  minGraphemes: z.optional(count(0)),
  maxWords: z.optional(count(1)),
  minWords: z.optional(count(0)),
}).check(needsOneOf(['maxGraphemes', 'minGraphemes', 'maxWords', 'minWords']));

/** The same word twice in a row ("the the"). */
const repetitionRule = () => rule('repetition', {
  ignoreCase: flag(true),
  exceptions: optionalList(),
});

/** Either form, not both, in one text (Vale's consistency). */
const consistencyRule = () => rule('consistency', {
  either: z.record(z.string(), z.string({ error: 'expected the other form as text' })),
  ignoreCase: flag(true),
});

/** A term matched by `first` needs a definition matched by `second` before it (an acronym and its expansion). */
const conditionalRule = () => rule('conditional', {
  first: z._default(pattern(), '\\b([A-Z]{2,6})s?\\b'),
  second: z._default(pattern(), '\\(([A-Z]{2,6})s?\\)'),
  exceptions: optionalList(),
});

/** Flesch–Kincaid grade above the threshold. */
const readabilityRule = () => rule('readability', {
  maxGrade: z.number({ error: 'expected a grade number' }).check(z.gte(0, { error: 'expected a grade of at least 0' })),
  minWords: z._default(count(1), 20),
  scope: z._default(z.enum(['text', 'paragraph'], { error: 'expected "text" or "paragraph"' }), 'text'),
});

/**
 * Claims that need review before they ship; without `categories`, the kit's `claims.review` list.
 * Findings are reported as `claims.<category>`.
 */
const claimsRule = () => rule('claims', {
  categories: z.optional(z.array(claimCategorySchema())),
});

/** Elements the copy must contain: `cta`, `opt-out`, `link`, `brand-name`, `hashtag`, or literal text. */
const requiredRule = () => rule('required', {
  elements: stringList().check(z.minLength(1, { error: 'list at least one element' })),
});

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

/** One kit rule of any type, told apart by `type`. */
export const ruleSchema = once(() =>
  z.discriminatedUnion(
    'type',
    [
      existenceRule(),
      substitutionRule(),
      capitalizationRule(),
      occurrenceRule(),
      lengthRule(),
      repetitionRule(),
      consistencyRule(),
      conditionalRule(),
      readabilityRule(),
      claimsRule(),
      requiredRule(),
    ],
    {
      error: (issue) => {
        if (issue.code !== 'invalid_union') return undefined;
        const input = issue.input as { type?: unknown } | undefined;
        const given = input && typeof input === 'object' ? input.type : undefined;
        const allowed = ruleTypes.join(', ');
        return given === undefined
          ? `the rule has no type; expected one of ${allowed}`
          : `unknown rule type ${JSON.stringify(given)}; expected one of ${allowed}`;
      },
    },
  ),
);

export type Rule = z.output<ReturnType<typeof ruleSchema>>;
export type RuleOf<T extends RuleType> = Extract<Rule, { type: T }>;
