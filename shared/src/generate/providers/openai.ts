import type { RenderedPrompt } from '../../prompts';
import { at, parseJson, trimSlash, type ModelConfig, type ProviderAdapter, type Reply } from './types';

function chatRequest(prompt: RenderedPrompt, config: ModelConfig, defaultBaseUrl: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;
  return {
    url: `${trimSlash(config.baseUrl ?? defaultBaseUrl)}/chat/completions`,
    method: 'POST' as const,
    headers,
    body: JSON.stringify({
      model: config.model,
      messages: [
        { role: 'system', content: prompt.system },
        { role: 'user', content: prompt.user },
      ],
      // Chat Completions structured output: strict mode guarantees the schema (ANCHORS: OpenAI strict subset).
      response_format: { type: 'json_schema', json_schema: { name: prompt.schemaName, strict: true, schema: prompt.schema } },
    }),
  };
}

function readChat(body: string): Reply {
  const parsed = parseJson(body);
  if (!parsed.ok) return { kind: 'unusable', reason: 'the response was not JSON' };
  const message = at(parsed.value, 'choices', 0, 'message');
  const refusal = at(message, 'refusal');
  if (typeof refusal === 'string' && refusal) return { kind: 'refusal', reason: refusal };
  const content = at(message, 'content');
  if (typeof content === 'string') return { kind: 'json', text: content };
  const finish = at(parsed.value, 'choices', 0, 'finish_reason');
  if (finish === 'content_filter') return { kind: 'refusal', reason: 'the content filter stopped the answer' };
  return { kind: 'unusable', reason: 'the response held no message content' };
}

function chatAdapter(id: 'openai' | 'openai-compatible', label: string, defaultModel: string, defaultBaseUrl: string): ProviderAdapter {
  return { id, label, defaultModel, defaultBaseUrl, request: (prompt, config) => chatRequest(prompt, config, defaultBaseUrl), read: readChat };
}

export const openaiAdapter = chatAdapter('openai', 'OpenAI', 'gpt-4.1-mini', 'https://api.openai.com/v1');

// Any server that speaks Chat Completions (local or private models); the base URL is required.
export const openaiCompatibleAdapter = chatAdapter('openai-compatible', 'The OpenAI-compatible server', 'default', '');
