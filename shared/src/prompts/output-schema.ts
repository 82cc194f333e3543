// Output schemas in the strict subset every provider accepts (OpenAI strict mode is the narrowest):
// every property required, `additionalProperties: false`, no formats or length keywords.
// Counts and lengths are checked after parsing instead.

export type JsonSchema =
  | { type: 'string'; description?: string }
  | { type: 'number'; description?: string }
  | { type: 'array'; items: JsonSchema; description?: string }
  | {
      type: 'object';
      properties: Record<string, JsonSchema>;
      required: string[];
      additionalProperties: false;
      description?: string;
    };

/** A string property. */
export function jsonString(description?: string): JsonSchema {
  return description ? { type: 'string', description } : { type: 'string' };
}

/** A list property. */
export function jsonArray(items: JsonSchema, description?: string): JsonSchema {
  return description ? { type: 'array', items, description } : { type: 'array', items };
}

/** An object whose every property is required and nothing else is allowed. */
export function jsonObject(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  const schema: JsonSchema = { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
  return description ? { ...schema, description } : schema;
}
