import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../preview/src/server/server';
import { distDir } from '../helpers/dist';

let server: PreviewServer;
let port: number;
beforeAll(async () => {
  server = await startPreviewServer({ distDir });
  port = Number(new URL(server.url).port);
});
afterAll(() => server.close());

function call(path: string, method: string, headers: Record<string, string | undefined>, body = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string> }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const run = JSON.stringify({ name: 'onOpen', args: [] });

describe('the preview server', () => {
  it('answers its own page', async () => {
    const own = await call('/api/sheets/run', 'POST', { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' }, run);
    expect(own.status).toBe(200);
    expect((await call('/', 'GET', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('refuses a cross-origin text/plain POST, which browsers send without asking', async () => {
    for (const headers of [
      { host: `127.0.0.1:${port}`, origin: 'http://evil.example', 'content-type': 'text/plain' },
      { host: `127.0.0.1:${port}`, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, 'content-type': 'text/plain' },
    ]) {
      const answer = await call('/api/sheets/run', 'POST', headers, run);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatch(/Refused/);
    }
  });

  it('refuses any Host header but its own, as DNS rebinding would send', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`]) {
      expect((await call('/', 'GET', { host })).status).toBe(403);
      expect((await call('/api/sheets/state', 'GET', { host })).status).toBe(403);
    }
  });
});
