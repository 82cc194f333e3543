import * as z from '../../zod';
import { briefData, briefViewSchema, sampleBrief } from '../brief-view';
import { jsonArray, jsonObject, jsonString } from '../output-schema';
import { repairSchema } from '../repair';
import { defineTemplate } from '../template';
import { systemPart } from './system';

const limit = () => z.int().check(z.positive());

// Email subjects may count words too (9 in the presets); the email's subject and the subject lines share the limit.
const subjectLimit = 'at most {{limits.subject}} characters{{#limits.subjectWords}} and {{limits.subjectWords}} words{{/limits.subjectWords}}';

export const contentPackTemplate = defineTemplate({
  id: 'content-pack',
  version: '1.0.0',
  description: 'A campaign content pack from one brief: article, email, three subject lines, a social post and an ad headline.',
  input: () => z.strictObject({
    brief: briefViewSchema(),
    limits: z.strictObject({
      subject: limit(),
      subjectWords: z._default(z.nullable(limit()), null),
      preheader: limit(),
      social: limit(),
      adHeadline: limit(),
    }),
    repair: repairSchema(),
  }),
  output: jsonObject({
    article: jsonObject({
      title: jsonString(),
      outline: jsonArray(jsonString(), 'Section headings, in order'),
      body: jsonString('The article in Markdown: each outline heading on its own line as "## Heading", one blank line between paragraphs'),
    }),
    email: jsonObject({ subject: jsonString(), preheader: jsonString(), body: jsonString() }),
    subjectLines: jsonArray(jsonString(), 'Exactly three subject lines, each a different approach'),
    social: jsonString(),
    adHeadline: jsonString(),
  }),
  system: systemPart('You are the senior copywriter for {{kit.name}}. You write first drafts that a marketer approves before anything is published.'),
  user: `Write a content pack for the campaign brief below.

- article: a title, an outline of 3 to 5 section headings, and a body of 300 to 500 words in Markdown that follows the outline, each heading on its own line as "## Heading".
- email: a subject of ${subjectLimit}, a preheader of at most {{limits.preheader}} characters, and a short body that ends with the call to action.
- subjectLines: exactly three, each ${subjectLimit}: one leads with a benefit, one asks a question, one uses a number or a reason to act now.
- social: one post of at most {{limits.social}} characters.
- adHeadline: at most {{limits.adHeadline}} characters.

${briefData}
{{> repair}}`,
  sample: { brief: sampleBrief, limits: { subject: 60, preheader: 100, social: 280, adHeadline: 30 } },
});
