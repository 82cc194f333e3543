import type { RenderedPrompt } from '../../prompts';
import type { HttpRequest } from '../transport';
import { at, maxOutputTokens, parseJson, trimSlash, type ModelConfig, type ProviderAdapter, type Reply } from './types';

const defaultBaseUrl = 'https://api.anthropic.com/v1';

function messagesRequest(config: ModelConfig, fields: Record<string, unknown>): HttpRequest {
  return {
    url: `${trimSlash(config.baseUrl ?? defaultBaseUrl)}/messages`,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': config.apiKey ?? '',
      'anthropic-version': '2023-06-01',
    },
    body: JSON.stringify({ model: config.model, max_tokens: maxOutputTokens, ...fields }),
  };
}

function base(prompt: RenderedPrompt) {
  return { system: prompt.system, messages: [{ role: 'user', content: prompt.user }] };
}

function read(body: string): Reply {
  const parsed = parseJson(body);
  if (!parsed.ok) return { kind: 'unusable', reason: 'the response was not JSON' };
  if (at(parsed.value, 'stop_reason') === 'refusal') return { kind: 'refusal', reason: 'the model declined to answer' };
  const content = at(parsed.value, 'content');
  const blocks = Array.isArray(content) ? content : [];
  const tool = blocks.find((block) => at(block, 'type') === 'tool_use');
  if (tool) return { kind: 'json', text: JSON.stringify(at(tool, 'input') ?? null) };
  const text = blocks
    .filter((block) => at(block, 'type') === 'text')
    .map((block) => String(at(block, 'text') ?? ''))
    .join('');
  return text ? { kind: 'json', text } : { kind: 'unusable', reason: 'the response held no text' };
}

export const anthropicAdapter: ProviderAdapter = {
  id: 'anthropic',
  label: 'Anthropic',
  defaultModel: 'claude-sonnet-4-5',
  defaultBaseUrl,
  // Messages API structured output (ANCHORS: output_config.format with a JSON schema).
  request: (prompt, config) =>
    messagesRequest(config, { ...base(prompt), output_config: { format: { type: 'json_schema', schema: prompt.schema } } }),
  // Models without structured output still honour a forced tool call whose input schema is the output schema.
  fallbackRequest: (prompt, config) =>
    messagesRequest(config, {
      ...base(prompt),
      tools: [{ name: prompt.schemaName.replace(/-/g, '_'), description: 'Return the answer.', input_schema: prompt.schema }],
      tool_choice: { type: 'tool', name: prompt.schemaName.replace(/-/g, '_') },
    }),
  wantsFallback: (status, body) => status === 400 && /output_config|output_format|structured/i.test(body),
  read,
};
