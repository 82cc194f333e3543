/** The system part every built-in template shares: the role, the data policy, the brand voice, the answer format. */
export function systemPart(role: string): string {
  return `${role}

{{> dataPolicy}}

{{> brandVoice}}

Answer with one JSON object that matches the given schema, and nothing else.
`;
}
