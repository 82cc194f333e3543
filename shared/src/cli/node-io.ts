import { appendFile, readFile } from 'node:fs/promises';
import type { CliIo } from './command';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The real process's input and output. */
export const nodeIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  readStdin: () => readAll(process.stdin),
  appendFile: (path, text) => appendFile(path, text, 'utf8'),
  env: process.env,
};
