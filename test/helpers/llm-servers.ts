// Local stand-ins for the model providers: real HTTP on 127.0.0.1 speaking each provider's wire format,
// scripted per test. Each request takes the next scenario; the last one repeats.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Provider = 'openai' | 'anthropic' | 'gemini' | 'openai-compatible';

export type Scenario =
  | { kind: 'valid'; payload: unknown }
  | { kind: 'malformed' }
  | { kind: 'wrong-shape' }
  | { kind: 'refusal' }
  | { kind: 'rate-limited'; retryAfter: number }
  | { kind: 'server-error' }
  | { kind: 'timeout' }
  | { kind: 'forbidden' }
  | { kind: 'unsupported-output'; payload: unknown };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  raw: string;
}

export interface LlmServer {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

function answerText(scenario: Scenario): string {
  if (scenario.kind === 'valid') return JSON.stringify(scenario.payload);
  if (scenario.kind === 'malformed') return '{"article": {"title": "Close the books", "outline": [';
  return JSON.stringify({ headline: 'Not what was asked', items: [1, 2, 3] });
}

function keyOf(provider: Provider, request: IncomingMessage): string | undefined {
  if (provider === 'anthropic') return request.headers['x-api-key'] as string | undefined;
  if (provider === 'gemini') return request.headers['x-goog-api-key'] as string | undefined;
  return (request.headers.authorization ?? '').replace(/^Bearer /, '') || undefined;
}

// What each provider says to a wrong key; OpenAI's echoes part of it, which is why clients must not repeat it.
function wrongKey(provider: Provider, key: string): { status: number; body: unknown } {
  if (provider === 'anthropic') return { status: 401, body: { type: 'error', error: { type: 'authentication_error', message: `invalid x-api-key ${key}` } } };
  if (provider === 'gemini') {
    return { status: 400, body: { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT', details: [{ reason: 'API_KEY_INVALID' }] } } };
  }
  return { status: 401, body: { error: { message: `Incorrect API key provided: ${key}.`, type: 'invalid_request_error', code: 'invalid_api_key' } } };
}

function success(provider: Provider, scenario: Scenario, request: any): unknown {
  if (provider === 'anthropic') {
    if (scenario.kind === 'refusal') return { type: 'message', role: 'assistant', content: [], stop_reason: 'refusal' };
    if (request?.tools && scenario.kind === 'valid') {
      return { type: 'message', role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: request.tools[0].name, input: scenario.payload }], stop_reason: 'tool_use' };
    }
    return { type: 'message', role: 'assistant', content: [{ type: 'text', text: answerText(scenario) }], stop_reason: 'end_turn' };
  }
  if (provider === 'gemini') {
    if (scenario.kind === 'refusal') return { candidates: [{ finishReason: 'SAFETY', index: 0 }] };
    return { candidates: [{ content: { role: 'model', parts: [{ text: answerText(scenario) }] }, finishReason: 'STOP', index: 0 }] };
  }
  if (scenario.kind === 'refusal') {
    return { object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: "I'm sorry, I can't help with that." }, finish_reason: 'stop' }] };
  }
  return { object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: answerText(scenario), refusal: null }, finish_reason: 'stop' }] };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Starts a scripted provider on 127.0.0.1 at a free port. */
export async function startLlmServer(provider: Provider, script: readonly Scenario[], key = 'sk-test-0123456789abcdef'): Promise<LlmServer> {
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      let body: any;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body, raw });
      if (keyOf(provider, request) !== key) {
        const refused = wrongKey(provider, keyOf(provider, request) ?? '');
        return send(response, refused.status, refused.body);
      }
      const scenario = script[Math.min(requests.length - 1, script.length - 1)]!;
      if (scenario.kind === 'timeout') return void hanging.add(response);
      if (scenario.kind === 'rate-limited') {
        return send(response, 429, { error: { message: 'Rate limit reached', type: 'rate_limit_error' } }, { 'retry-after': String(scenario.retryAfter) });
      }
      if (scenario.kind === 'forbidden') {
        return send(response, 403, { error: { message: `The key ${key} may not use this model`, type: 'permission_error' } });
      }
      if (scenario.kind === 'server-error') return send(response, 500, { error: { message: 'The server had an error', type: 'server_error' } });
      if (scenario.kind === 'unsupported-output' && !body?.tools) {
        return send(response, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'output_config.format: structured outputs are not supported for this model' } });
      }
      const answered: Scenario = scenario.kind === 'unsupported-output' ? { kind: 'valid', payload: scenario.payload } : scenario;
      send(response, 200, success(provider, answered, body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const prefix = provider === 'gemini' ? '/v1beta' : '/v1';
  return {
    baseUrl: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
