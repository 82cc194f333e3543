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

function described<T extends JsonSchema>(schema: T, description: string | undefined): T {
  return description ? { ...schema, description } : schema;
}

/** A string property. */
export function jsonString(description?: string): JsonSchema {
  return described({ type: 'string' }, description);
}

/** A list property. */
export function jsonArray(items: JsonSchema, description?: string): JsonSchema {
  return described({ type: 'array', items }, description);
}

/** An object whose every property is required and nothing else is allowed. */
export function jsonObject(properties: Record<string, JsonSchema>): JsonSchema {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}
