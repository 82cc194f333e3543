import type * as z from '../zod';
import type { JsonSchema } from './output-schema';

/** A prompt template is data: typed inputs, an output schema, and system and user text. */
export interface PromptTemplate<S extends z.ZodMiniType = z.ZodMiniType> {
  id: string;
  /** Semantic version; bump it whenever the text or schemas change, since outputs record it. */
  version: string;
  description: string;
  input: S;
  /** The JSON Schema the model must answer in (strict subset). */
  output: JsonSchema;
  system: string;
  user: string;
  /** A valid input, used by documentation and tests. */
  sample: z.input<S>;
}

/** Identity at run time; it keeps the template's input type precise. */
export function defineTemplate<S extends z.ZodMiniType>(template: PromptTemplate<S>): PromptTemplate<S> {
  return template;
}
