import * as z from '../../zod';
import { jsonObject, jsonString } from '../output-schema';
import { repairSchema } from '../repair';
import { defineTemplate } from '../template';
import { systemPart } from './system';

export const rewriteToBrandTemplate = defineTemplate({
  id: 'rewrite-to-brand',
  version: '1.0.0',
  description: 'Rewrites text to fix the listed brand findings while keeping its meaning.',
  input: () => z.strictObject({
    text: z.string(),
    channel: z._default(z.string(), ''),
    maxGraphemes: z._default(z.nullable(z.int().check(z.positive())), null),
    findings: z.array(z.strictObject({ match: z.string(), message: z.string() })),
    repair: repairSchema(),
  }),
  output: jsonObject({ text: jsonString('The rewritten text') }),
  system: systemPart('You are the brand editor for {{kit.name}}. You change as little as you can: fix what is listed and keep the meaning, facts and length.'),
  user: `Rewrite the text below so it follows the brand voice.
{{#channel}}
It is for the "{{channel}}" channel.
{{/channel}}
{{#maxGraphemes}}
Keep it to at most {{maxGraphemes}} characters.
{{/maxGraphemes}}
Fix these problems:
{{#findings}}
- "{{match}}": {{message}}
{{/findings}}
{{^findings}}
- none were found; tighten the voice only.
{{/findings}}

<data name="text">
{{text}}
</data>
{{> repair}}`,
  sample: {
    text: 'Our cheap cards are the best on the market.',
    channel: 'social-post',
    findings: [{ match: 'cheap', message: 'Banned term: write "affordable" instead.' }],
  },
});
