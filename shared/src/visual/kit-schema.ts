import { z } from '../zod';

// The visual part of a brand kit. A first shape; the visual engine refines it.
export const visualKitSchema = z.object({
  palette: z.array(z.object({ name: z.string(), hex: z.string() })),
  /** Largest CIEDE2000 distance at which a colour still counts as the palette colour. */
  paletteTolerance: z._default(z.number(), 2.3),
  fonts: z.array(z.object({ family: z.string(), styles: z.optional(z.array(z.string())) })),
});

export type VisualKit = z.output<typeof visualKitSchema>;
