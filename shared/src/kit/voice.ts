import * as z from '../zod';
import { optionalList } from './fields';

/** How the brand sounds: the prompts quote these and reviewers read them. */
export const voiceSchema = () =>
  z.object({
    tone: optionalList(),
    dos: optionalList(),
    donts: optionalList(),
    examples: optionalList(),
  });

export type Voice = z.output<ReturnType<typeof voiceSchema>>;

export const emptyVoice: Voice = { tone: [], dos: [], donts: [], examples: [] };
