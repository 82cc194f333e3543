import { once } from '../once';
import * as z from '../zod';

// The brief as templates read it: every field present, so a template never meets a missing name.
// Optional brief fields arrive as '' or [] and templates guard them with sections.
export const briefViewSchema = once(() =>
  z.strictObject({
    campaign: z.string(),
    product: z.string(),
    audience: z.string(),
    keyMessage: z.string(),
    benefits: z.array(z.string()),
    cta: z.string(),
    offer: z._default(z.string(), ''),
    approvedClaims: z._default(z.array(z.string()), []),
  }),
);

export type BriefView = z.output<ReturnType<typeof briefViewSchema>>;

/** The brief's lines inside its data fence, for the templates that write from a brief. */
export const briefData = `<data name="brief">
{{#brief.campaign}}
Campaign: {{brief.campaign}}
{{/brief.campaign}}
Product: {{brief.product}}
{{#brief.audience}}
Audience: {{brief.audience}}
{{/brief.audience}}
Key message: {{brief.keyMessage}}
{{#brief.benefits}}
Benefit: {{.}}
{{/brief.benefits}}
{{#brief.cta}}
Call to action: {{brief.cta}}
{{/brief.cta}}
{{#brief.offer}}
Offer: {{brief.offer}}
{{/brief.offer}}
{{#brief.approvedClaims}}
Approved claim for this campaign: {{.}}
{{/brief.approvedClaims}}
</data>`;

export const sampleBrief: z.input<ReturnType<typeof briefViewSchema>> = {
  campaign: 'Spring launch',
  product: 'Ledgerline Cards',
  audience: 'finance teams at growing companies',
  keyMessage: 'Close the books in days, not weeks',
  benefits: ['Every receipt matched automatically', 'Spend limits set per team'],
  cta: 'Book a demo',
};
