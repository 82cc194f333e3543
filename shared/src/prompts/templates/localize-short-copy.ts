import * as z from '../../zod';
import { jsonArray, jsonObject, jsonString } from '../output-schema';
import { repairSchema } from '../repair';
import { defineTemplate } from '../template';
import { systemPart } from './system';

export const localizeShortCopyTemplate = defineTemplate({
  id: 'localize-short-copy',
  version: '1.0.0',
  description: 'Localises short copy (headlines, CTAs, subject lines) into a locale within each item\'s length limit.',
  input: () => z.strictObject({
    locale: z.string().check(z.minLength(2)),
    items: z
      .array(z.strictObject({ id: z.string(), text: z.string(), maxGraphemes: z.int().check(z.positive()) }))
      .check(z.minLength(1)),
    repair: repairSchema(),
  }),
  output: jsonObject({ items: jsonArray(jsonObject({ id: jsonString(), text: jsonString() })) }),
  system: systemPart('You are the localisation editor for {{kit.name}}. You adapt meaning and tone for the market, not word for word, and keep brand terms as the kit writes them.'),
  user: `Localise each item below into {{locale}}. Answer one entry per item with its id; keep each within its limit.
{{#items}}
- item "{{id}}": at most {{maxGraphemes}} characters
{{/items}}

<data name="copy">
{{#items}}
[{{id}}] {{text}}
{{/items}}
</data>
{{> repair}}`,
  sample: { locale: 'de-DE', items: [{ id: 'headline', text: 'Close the books in days', maxGraphemes: 30 }] },
});
