// How long `npm start` takes, after a build, until the preview answers: the built server started
// as a child process (as `npm start` runs it) until it has printed its address and served the page,
// its script and both simulated files' state. Budget: 3 seconds.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Figures } from './measure';
import { median } from './measure';

const dist = process.env.ONBRAND_DIST ?? 'dist';

async function startOnce(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(dist, 'preview/server.mjs')], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = out.match(/Onbrand preview: (\S+)/);
        if (found) resolve(found[1]!);
      });
      child.once('exit', (code) => reject(new Error(`The preview server stopped before it was ready (exit ${code}).`)));
    });
    for (const path of ['', 'preview.js', 'api/sheets/state', 'api/docs/state']) {
      const response = await fetch(new URL(path, url));
      if (!response.ok) throw new Error(`The preview answered ${response.status} for /${path}.`);
      await response.arrayBuffer();
    }
    return performance.now() - started;
  } finally {
    child.kill();
  }
}

export async function benchPreviewStart(): Promise<Figures> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) samples.push(await startOnce());
  return { previewStartMs: Math.round(median(samples)), budgets: [['previewStartMs', '≤', 3000]] };
}
