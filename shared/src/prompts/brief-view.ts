import * as z from '../zod';

// The brief as templates read it: every field present, so a template never meets a missing name.
// Optional brief fields arrive as '' or [] and templates guard them with sections.
export const briefViewSchema = z.strictObject({
  campaign: z.string(),
  product: z.string(),
  audience: z.string(),
  keyMessage: z.string(),
  benefits: z.array(z.string()),
  cta: z.string(),
  offer: z._default(z.string(), ''),
  approvedClaims: z._default(z.array(z.string()), []),
});

export type BriefView = z.output<typeof briefViewSchema>;

/** The brief's lines inside a data fence; each template wraps this in `<data name="brief">`. */
export const briefFieldsPartial = `{{#brief.campaign}}
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
`;

// A second chance after a failed answer: the remaining problems, and the previous answer fenced as data.
export const repairSchema = z._default(
  z.nullable(z.strictObject({ problems: z.array(z.string()), previous: z.string() })),
  null,
);

export const repairPartial = `{{#repair}}

Your previous answer could not be used. Fix these problems and answer again in full, keeping everything else:
{{#problems}}
- {{.}}
{{/problems}}
<data name="previous-answer">
{{previous}}
</data>
{{/repair}}
`;

export const sampleBrief: z.input<typeof briefViewSchema> = {
  campaign: 'Spring launch',
  product: 'Ledgerline Cards',
  audience: 'finance teams at growing companies',
  keyMessage: 'Close the books in days, not weeks',
  benefits: ['Every receipt matched automatically', 'Spend limits set per team'],
  cta: 'Book a demo',
};
