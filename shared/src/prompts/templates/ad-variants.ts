import * as z from '../../zod';
import { briefData, briefViewSchema, sampleBrief } from '../brief-view';
import { jsonArray, jsonObject, jsonString } from '../output-schema';
import { repairSchema } from '../repair';
import { defineTemplate } from '../template';
import { systemPart } from './system';

const slotSchema = () => z.strictObject({
  id: z.string().check(z.minLength(1)),
  kind: z.enum(['headline', 'cta', 'body']),
  count: z.int().check(z.positive()),
  maxGraphemes: z.int().check(z.positive()),
});

export const adVariantsTemplate = defineTemplate({
  id: 'ad-variants',
  version: '1.0.0',
  description: 'Headline, call-to-action and body variants for each ad size, each within that size\'s length limit.',
  input: () => z.strictObject({ brief: briefViewSchema(), slots: z.array(slotSchema()).check(z.minLength(1)), repair: repairSchema() }),
  output: jsonObject({
    slots: jsonArray(jsonObject({ id: jsonString('The slot id, as given'), variants: jsonArray(jsonString()) })),
  }),
  system: systemPart('You are the performance copywriter for {{kit.name}}. Ad copy is short, concrete and scannable.'),
  user: `Write ad copy for the brief below. Answer one entry per slot, with the slot's id and exactly its number of variants.
A length limit counts every character, spaces included; never go over it.
{{#slots}}
- slot "{{id}}": {{count}} {{kind}} variants, each at most {{maxGraphemes}} characters
{{/slots}}

${briefData}
{{> repair}}`,
  sample: {
    brief: sampleBrief,
    slots: [
      { id: '300x250', kind: 'headline', count: 3, maxGraphemes: 25 },
      { id: '300x250-cta', kind: 'cta', count: 2, maxGraphemes: 15 },
    ],
  },
});
