import { at, parseJson, trimSlash, type ProviderAdapter, type Reply } from './types';

// Candidates stopped for these reasons hold no usable answer: the model declined.
const refusedReasons = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII']);

function read(body: string): Reply {
  const parsed = parseJson(body);
  if (!parsed.ok) return { kind: 'unusable', reason: 'the response was not JSON' };
  const blocked = at(parsed.value, 'promptFeedback', 'blockReason');
  if (typeof blocked === 'string') return { kind: 'refusal', reason: `the prompt was blocked (${blocked})` };
  const candidate = at(parsed.value, 'candidates', 0);
  const finish = at(candidate, 'finishReason');
  const parts = at(candidate, 'content', 'parts');
  const text = Array.isArray(parts) ? parts.map((part) => String(at(part, 'text') ?? '')).join('') : '';
  if (!text && typeof finish === 'string' && refusedReasons.has(finish)) {
    return { kind: 'refusal', reason: `the model stopped (${finish})` };
  }
  return text ? { kind: 'json', text } : { kind: 'unusable', reason: 'the response held no text' };
}

export const geminiAdapter: ProviderAdapter = {
  id: 'gemini',
  label: 'Gemini',
  defaultModel: 'gemini-2.5-flash',
  defaultBaseUrl: 'https://generativelanguage.googleapis.com/v1beta',
  request: (prompt, config) => ({
    url: `${trimSlash(config.baseUrl ?? 'https://generativelanguage.googleapis.com/v1beta')}/models/${encodeURIComponent(config.model)}:generateContent`,
    method: 'POST',
    // The key travels in a header, never in the URL, so it cannot leak through logged URLs.
    headers: { 'content-type': 'application/json', 'x-goog-api-key': config.apiKey ?? '' },
    body: JSON.stringify({
      systemInstruction: { parts: [{ text: prompt.system }] },
      contents: [{ role: 'user', parts: [{ text: prompt.user }] }],
      // No maxOutputTokens: on thinking models it also caps the thinking, which would cut the JSON short.
      generationConfig: { responseMimeType: 'application/json', responseJsonSchema: prompt.schema },
    }),
  }),
  // Gemini answers a bad key with 400 INVALID_ARGUMENT and the reason API_KEY_INVALID.
  keyRefused: (status, body) => status === 400 && /API_KEY_INVALID|API key not valid/.test(body),
  read,
};
