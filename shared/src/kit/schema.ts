import { z } from '../zod';

/** The kit format's version; a kit states it so older tools can refuse newer kits clearly. */
export const kitSchemaVersion = 1;

// The brand kit: one JSON document that drives every surface.
// This is the foundation's minimal shape; the rule engine grows it.
export const brandKitSchema = z.object({
  schemaVersion: z.literal(kitSchemaVersion),
  name: z.string().check(z.minLength(1)),
  version: z.string().check(z.minLength(1)),
});

export type BrandKit = z.output<typeof brandKitSchema>;
