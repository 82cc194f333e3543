import { at, textReply, type ProviderAdapter } from './types';

// Candidates stopped for these reasons hold no usable answer: the model declined.
const refusedReasons = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII']);

export const geminiAdapter: ProviderAdapter = {
  label: 'Gemini',
  defaultModel: 'gemini-2.5-flash',
  defaultBaseUrl: 'https://generativelanguage.googleapis.com/v1beta',
  path: (model) => `/models/${encodeURIComponent(model)}:generateContent`,
  // The key travels in a header, never in the URL, so it cannot leak through logged URLs.
  headers: (apiKey) => ({ 'x-goog-api-key': apiKey ?? '' }),
  body: (prompt) => ({
    systemInstruction: { parts: [{ text: prompt.system }] },
    contents: [{ role: 'user', parts: [{ text: prompt.user }] }],
    // No maxOutputTokens: on thinking models it also caps the thinking, which would cut the JSON short.
    generationConfig: { responseMimeType: 'application/json', responseJsonSchema: prompt.schema },
  }),
  // Gemini answers a bad key with 400 INVALID_ARGUMENT and the reason API_KEY_INVALID.
  keyRefused: (status, body) => status === 400 && /API_KEY_INVALID|API key not valid/.test(body),
  read: (json) => {
    const blocked = at(json, 'promptFeedback', 'blockReason');
    if (typeof blocked === 'string') return { kind: 'refusal', reason: `the prompt was blocked (${blocked})` };
    const candidate = at(json, 'candidates', 0);
    const finish = at(candidate, 'finishReason');
    const parts = at(candidate, 'content', 'parts');
    const text = Array.isArray(parts) ? parts.map((part) => String(at(part, 'text') ?? '')).join('') : '';
    if (!text && typeof finish === 'string' && refusedReasons.has(finish)) return { kind: 'refusal', reason: `the model stopped (${finish})` };
    return textReply(text);
  },
};
