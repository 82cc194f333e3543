import { once } from '../once';
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

/** A template as written: `input` builds its schema, which happens the first time the template is rendered. */
export type TemplateSource<S extends z.ZodMiniType> = Omit<PromptTemplate<S>, 'input'> & { input: () => S };

/**
 * A template whose input schema is built on first use: Apps Script evaluates the whole bundle on
 * every call, and building every template's schema at load would cost more than most calls need.
 */
export function defineTemplate<S extends z.ZodMiniType>({ input, ...template }: TemplateSource<S>): PromptTemplate<S> {
  return Object.defineProperty(template, 'input', { enumerable: true, get: once(input) }) as PromptTemplate<S>;
}
