import { at, type ProviderAdapter, type Reply } from './types';

function read(json: unknown): Reply {
  const message = at(json, 'choices', 0, 'message');
  const refusal = at(message, 'refusal');
  if (typeof refusal === 'string' && refusal) return { kind: 'refusal', reason: refusal };
  const content = at(message, 'content');
  if (typeof content === 'string') return { kind: 'json', text: content };
  if (at(json, 'choices', 0, 'finish_reason') === 'content_filter') return { kind: 'refusal', reason: 'the content filter stopped the answer' };
  return { kind: 'unusable', reason: 'the response held no message content' };
}

function chatAdapter(label: string, defaultModel: string, defaultBaseUrl: string): ProviderAdapter {
  return {
    label,
    defaultModel,
    defaultBaseUrl,
    path: () => '/chat/completions',
    headers: (apiKey): Record<string, string> => (apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
    body: (prompt, model) => ({
      model,
      messages: [
        { role: 'system', content: prompt.system },
        { role: 'user', content: prompt.user },
      ],
      // Chat Completions structured output: strict mode guarantees the schema (ANCHORS: OpenAI strict subset).
      response_format: { type: 'json_schema', json_schema: { name: prompt.schemaName, strict: true, schema: prompt.schema } },
    }),
    read,
  };
}

export const openaiAdapter = chatAdapter('OpenAI', 'gpt-4.1-mini', 'https://api.openai.com/v1');

// Any server that speaks Chat Completions (local or private models); the base URL is required.
export const openaiCompatibleAdapter = chatAdapter('The OpenAI-compatible server', 'default', '');
