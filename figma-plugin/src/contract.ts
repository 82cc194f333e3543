import * as z from '@onbrand/shared/zod';
import { defineContract } from '@onbrand/shared/rpc';

/** A frame as the UI sees it: plain data, never a node. */
export const frameSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  width: z.number(),
  height: z.number(),
  childCount: z.number(),
});
export type FrameSummary = z.output<typeof frameSummarySchema>;

/** Everything the plugin UI can ask of the main thread. */
export const figmaContract = defineContract({
  getSelectionFrames: {
    input: z.object({}),
    output: z.object({ frames: z.array(frameSummarySchema), ignored: z.number() }),
  },
});

/** Pushes from the main thread to the UI, by event name. */
export interface FigmaEvents {
  selectionChanged: { count: number };
}
