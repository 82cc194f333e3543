import * as z from '@onbrand/shared/zod';
import { defineContract } from '@onbrand/shared/rpc';

export const documentSummarySchema = z.object({
  title: z.string(),
  paragraphCount: z.number(),
  wordCount: z.number(),
});
export type DocumentSummary = z.output<typeof documentSummarySchema>;

/** Everything the Docs sidebar can ask of the server; each name is a google.script.run function. */
export const docsContract = defineContract({
  getDocumentSummary: { input: z.object({}), output: documentSummarySchema },
});
