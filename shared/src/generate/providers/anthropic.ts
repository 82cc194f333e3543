import type { RenderedPrompt } from '../../prompts';
import { at, textReply, type ProviderAdapter } from './types';

// Output budget: a whole content pack is about 1,500 words of JSON.
const maxOutputTokens = 4096;

function messages(prompt: RenderedPrompt, model: string) {
  return { model, max_tokens: maxOutputTokens, system: prompt.system, messages: [{ role: 'user', content: prompt.user }] };
}

export const anthropicAdapter: ProviderAdapter = {
  label: 'Anthropic',
  defaultModel: 'claude-sonnet-4-5',
  defaultBaseUrl: 'https://api.anthropic.com/v1',
  path: () => '/messages',
  headers: (apiKey) => ({ 'x-api-key': apiKey ?? '', 'anthropic-version': '2023-06-01' }),
  // Messages API structured output (ANCHORS: output_config.format with a JSON schema).
  body: (prompt, model) => ({ ...messages(prompt, model), output_config: { format: { type: 'json_schema', schema: prompt.schema } } }),
  // Models without structured output still honour a forced tool call whose input schema is the output schema.
  fallback: {
    body: (prompt, model) => {
      const name = prompt.schemaName.replace(/-/g, '_');
      return { ...messages(prompt, model), tools: [{ name, description: 'Return the answer.', input_schema: prompt.schema }], tool_choice: { type: 'tool', name } };
    },
    wanted: (status, body) => status === 400 && /output_config|output_format|structured/i.test(body),
  },
  read: (json) => {
    if (at(json, 'stop_reason') === 'refusal') return { kind: 'refusal', reason: 'the model declined to answer' };
    const content = at(json, 'content');
    const blocks = Array.isArray(content) ? content : [];
    const tool = blocks.find((block) => at(block, 'type') === 'tool_use');
    if (tool) return { kind: 'json', text: JSON.stringify(at(tool, 'input') ?? null) };
    return textReply(
      blocks
        .filter((block) => at(block, 'type') === 'text')
        .map((block) => String(at(block, 'text') ?? ''))
        .join(''),
    );
  },
};
