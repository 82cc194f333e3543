import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The build under test: `dist/`, or ONBRAND_DIST when several builds live side by side. */
export const distDir = process.env.ONBRAND_DIST ? resolve(process.env.ONBRAND_DIST) : join(import.meta.dirname, '../../dist');

/** Reads a built file; bundle and browser tests run after `npm run build`, as `npm test` does. */
export function readDist(path: string): string {
  const file = join(distDir, path);
  if (!existsSync(file)) throw new Error(`${path} is not built: run npm run build first.`);
  return readFileSync(file, 'utf8');
}
