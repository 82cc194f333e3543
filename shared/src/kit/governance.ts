import * as z from '../zod';
import { flag, optionalList } from './fields';

// Who may sign off AI work. Each list holds email addresses ("ana@example.com"), whole domains
// ("@example.com") or Figma user ids ("figma:123456789", as figma.currentUser.id reports them, since
// Figma tells a plugin a person's name and id but not their email). An empty list means the kit names
// nobody, and anyone who can edit the file may approve, as before.
export const governanceSchema = () =>
  z.strictObject({
    approvers: z._default(
      z.strictObject({
        /** May approve AI-written copy in a document, a version or a sheet. */
        content: optionalList(),
        /** May move a use case past a stage gate. */
        stageGates: optionalList(),
      }),
      { content: [], stageGates: [] },
    ),
    /** Who hears about a reported problem with AI output: an email address or a team name. */
    escalationContact: z.optional(z.string()),
    /** False forbids dismissing an error-level finding; warnings and suggestions can still be ignored. */
    allowIgnoringErrors: flag(true),
  });

export type Governance = z.output<ReturnType<typeof governanceSchema>>;

export const defaultGovernance: Governance = { approvers: { content: [], stageGates: [] }, allowIgnoringErrors: true };
