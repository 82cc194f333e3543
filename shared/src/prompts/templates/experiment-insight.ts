import * as z from '../../zod';
import { jsonArray, jsonObject, jsonString } from '../output-schema';
import { repairSchema } from '../repair';
import { defineTemplate } from '../template';
import { systemPart } from './system';

export const experimentInsightTemplate = defineTemplate({
  id: 'experiment-insight',
  version: '1.0.0',
  description: 'A plain-language narrative of an experiment\'s result for the team\'s learnings log.',
  input: () => z.strictObject({
    experiment: z.strictObject({
      name: z.string(),
      hypothesis: z.string(),
      metric: z.string(),
      decision: z.string(),
      // Statistics are computed by the experiments engine and passed as finished lines; the model only explains them.
      results: z.array(z.string()),
      notes: z._default(z.string(), ''),
    }),
    repair: repairSchema(),
  }),
  output: jsonObject({
    headline: jsonString('One sentence: what happened'),
    narrative: jsonString('Two or three short paragraphs for a marketing audience'),
    nextSteps: jsonArray(jsonString()),
  }),
  system: systemPart('You are the analyst who explains experiment results to the {{kit.name}} marketing team. You never invent numbers: use only the results given.'),
  user: `Explain this experiment's result. Keep every number exactly as given, say how sure we can be, and suggest next steps.

<data name="experiment">
Name: {{experiment.name}}
Hypothesis: {{experiment.hypothesis}}
Primary metric: {{experiment.metric}}
Decision: {{experiment.decision}}
{{#experiment.results}}
Result: {{.}}
{{/experiment.results}}
{{#experiment.notes}}
Notes: {{experiment.notes}}
{{/experiment.notes}}
</data>
{{> repair}}`,
  sample: {
    experiment: {
      name: 'Subject line test, May newsletter',
      hypothesis: 'A question subject line lifts opens',
      metric: 'open rate',
      decision: 'ship variant B',
      results: ['A: 21.4% of 10,000', 'B: 23.1% of 10,050', 'Chance B beats A: 99.6%'],
    },
  },
});
