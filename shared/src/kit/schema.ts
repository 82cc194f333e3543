import { once } from '../once';
import { privacySchema } from '../privacy/policy';
// A deep import: the visual barrel would also build the snapshot schema, which kits never use.
import { visualKitSchema } from '../visual/kit-schema';
import * as z from '../zod';
import { channelOverrideSchema, channelPresets, listChannels } from './channels';
import { claimsSchema, defaultClaims } from './claims';
import { disclosureSchema } from './disclosure';
import { filled, oneOf } from './fields';
import { defaultGovernance, governanceSchema } from './governance';
import { checkPattern } from './regex-safety';
import { ruleSchema, type Rule } from './rules';
import { termSchema } from './terms';
import { emptyVoice, voiceSchema } from './voice';

/** Rule sets Onbrand ships that a kit switches on by name in `presets` (the rules are in shared/src/lint). */
export const kitPresets = ['inclusive'] as const;
export type KitPreset = (typeof kitPresets)[number];

/** The kit format's version; a kit states it so older tools can refuse newer kits clearly. */
export const kitSchemaVersion = 1;

const listOf = <T extends z.ZodMiniType>(item: T, what: string) => z._default(z.array(item, { error: `expected a list of ${what}` }), []);

// The sections' schemas are plain builders: only the whole kit's schema is memoised (brandKitSchema).
const kitShape = () =>
  z.object({
    $schema: z.optional(z.string()),
    schemaVersion: z.literal(kitSchemaVersion, { error: `expected schemaVersion ${kitSchemaVersion}` }),
    name: filled('expected the brand name'),
    version: filled('expected a version like "1.0.0"'),
    description: z.optional(z.string()),
    voice: z._default(voiceSchema(), emptyVoice),
    terms: listOf(termSchema(), 'terms'),
    rules: listOf(ruleSchema(), 'rules'),
    // Shipped rule sets to lint with besides the kit's own rules; a kit rule with a preset rule's id replaces it.
    presets: z.optional(z.array(oneOf(kitPresets), { error: 'expected a list of preset names' })),
    channels: listOf(channelOverrideSchema(), 'channels'),
    claims: z._default(claimsSchema(), defaultClaims),
    disclosure: z.optional(disclosureSchema()),
    visual: z.optional(visualKitSchema()),
    governance: z._default(governanceSchema(), defaultGovernance),
    // What happens to personal data in text bound for a model provider (shared/src/privacy).
    privacy: z.optional(privacySchema()),
  });

type KitShape = z.output<ReturnType<typeof kitShape>>;
type Push = (path: PropertyKey[], message: string) => void;

// Checks that span sections: channel references, unique rule ids, patterns inside swap maps.
function crossCheck(kit: KitShape, push: Push): void {
  const known = listChannels(kit).map((channel) => channel.id);
  const checkChannel = (id: string, path: PropertyKey[]) => {
    if (!known.includes(id)) push(path, `unknown channel "${id}"; known channels: ${known.join(', ')}`);
  };
  kit.channels.forEach((channel, i) => {
    if (channel.name === undefined && !channelPresets.some((preset) => preset.id === channel.id)) {
      push(['channels', i, 'name'], `the new channel "${channel.id}" needs a name`);
    }
  });
  kit.disclosure?.channels.forEach((id, i) => checkChannel(id, ['disclosure', 'channels', i]));
  const seen = new Map<string, number>();
  kit.rules.forEach((rule, i) => {
    rule.channels?.forEach((id, j) => checkChannel(id, ['rules', i, 'channels', j]));
    const earlier = seen.get(rule.id);
    if (earlier !== undefined) push(['rules', i, 'id'], `the id "${rule.id}" is already used by rules[${earlier}]`);
    else seen.set(rule.id, i);
    checkRule(rule, (path, message) => push(['rules', i, ...path], message));
  });
}

function checkRule(rule: Rule, push: Push): void {
  if (rule.type === 'substitution' && rule.regex) {
    for (const key of Object.keys(rule.swap)) {
      const problem = checkPattern(key, rule.ignoreCase);
      if (problem) push(['swap', key], problem);
    }
  }
  if (rule.type === 'conditional') {
    for (const field of ['first', 'second'] as const) {
      if (!checkPattern(rule[field]) && new RegExp(`${rule[field]}|`, 'u').exec('')!.length < 2) {
        push([field], 'the pattern needs a capture group ( … ) around the acronym');
      }
    }
  }
  // Only occurrence rules have min and max: a length rule's strict object refuses them.
  if (rule.type === 'occurrence' && rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
    push(['min'], 'min is larger than max');
  }
}

// The brand kit: one JSON document that drives every surface. Every section but the
// name and versions is optional, so `{ "schemaVersion": 1, "name": "X", "version": "1.0.0" }` is a kit.
export const brandKitSchema = once(() =>
  kitShape().check(
    z.superRefine((kit, ctx) => {
      crossCheck(kit, (path, message) => ctx.issues.push({ code: 'custom', path, message, input: kit }));
    }),
  ),
);

export type BrandKit = z.output<ReturnType<typeof brandKitSchema>>;
