import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The SciPy reference values written by scripts/reference/stats-reference.py. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const reference: any = JSON.parse(readFileSync(new URL('../../fixtures/stats/reference.json', import.meta.url), 'utf8'));

/** Asserts |actual − expected| ≤ tolerance·|expected| (relative), with an absolute floor for zero. */
export function expectRelative(actual: number | null, expected: number | null, tolerance = 1e-6): void {
  if (expected === null) {
    expect(actual).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  const scale = Math.max(Math.abs(expected), 1e-300);
  expect(Math.abs((actual as number) - expected) / scale, `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}
