import type { Issue, Parsed } from '../issues';

/** A width × height in pixels. */
export interface Size {
  width: number;
  height: number;
}

/** Figma frames can be far larger, but no ad or social format exceeds this, and exports stay reasonable. */
export const maxSidePx = 4096;

const sizePattern = /^\s*(-?\d+(?:\.\d+)?)\s*[x×X*]\s*(-?\d+(?:\.\d+)?)\s*$/;

/** Reads `728x90` (also `728×90`, `728 x 90`), naming what is wrong at `path`. */
export function parseSize(text: string, path = 'size'): Parsed<Size> {
  const match = sizePattern.exec(text);
  if (!match) return fail(path, `"${text}" is not a size; write it as WIDTHxHEIGHT, like 728x90`);
  const width = Number(match[1]);
  const height = Number(match[2]);
  const issues: Issue[] = [];
  for (const [side, value] of [['width', width], ['height', height]] as const) {
    if (!Number.isInteger(value)) issues.push({ path, message: `the ${side} ${value} must be a whole number of pixels` });
    else if (value <= 0) issues.push({ path, message: `the ${side} ${value} must be at least 1 px` });
    else if (value > maxSidePx) issues.push({ path, message: `the ${side} ${value} px is over the ${maxSidePx} px limit` });
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: { width, height } };
}

/** Reads a comma-separated list (`728x90,300x250`), naming each bad entry as `path[index]`. */
export function parseSizeList(text: string, path = 'sizes'): Parsed<Size[]> {
  const entries = text.split(',').map((entry) => entry.trim());
  if (!text.trim()) return fail(path, 'give at least one size, like 728x90');
  const sizes: Size[] = [];
  const issues: Issue[] = [];
  entries.forEach((entry, index) => {
    const parsed = parseSize(entry, `${path}[${index}]`);
    if (parsed.ok) sizes.push(parsed.value);
    else issues.push(...parsed.issues);
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: sizes };
}

const fail = (path: string, message: string): Parsed<never> => ({ ok: false, issues: [{ path, message }] });
