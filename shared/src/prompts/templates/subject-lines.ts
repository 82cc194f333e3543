import * as z from '../../zod';
import { briefData, briefViewSchema, sampleBrief } from '../brief-view';
import { jsonArray, jsonObject, jsonString } from '../output-schema';
import { repairSchema } from '../repair';
import { defineTemplate } from '../template';
import { systemPart } from './system';

export const subjectLinesTemplate = defineTemplate({
  id: 'subject-lines',
  version: '1.0.0',
  description: 'Email subject-line variants, each a different approach, within a length limit.',
  input: () => z.strictObject({
    brief: briefViewSchema(),
    count: z.int().check(z.positive()),
    maxGraphemes: z.int().check(z.positive()),
    repair: repairSchema(),
  }),
  output: jsonObject({ subjectLines: jsonArray(jsonString()) }),
  system: systemPart('You are the email copywriter for {{kit.name}}.'),
  user: `Write {{count}} email subject lines for the brief below, each at most {{maxGraphemes}} characters.
Vary the approach: lead with a benefit, ask a question, use a number, give a reason to act now.

${briefData}
{{> repair}}`,
  sample: { brief: sampleBrief, count: 5, maxGraphemes: 60 },
});
