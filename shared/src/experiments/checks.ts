import type { Issue } from '../issues';

// Shared input checks: each returns the issues for one field, in words a marketer understands.

/** A probability strictly between 0 and 1 (a rate, α or power). */
export function checkOpenUnit(path: string, value: number, what: string): Issue[] {
  return Number.isFinite(value) && value > 0 && value < 1
    ? []
    : [{ path, message: `${what} must be between 0 and 1 (exclusive), got ${value}` }];
}

/** A whole number of at least `min` (visitors, conversions, sample sizes). */
export function checkCount(path: string, value: number, what: string, min = 0): Issue[] {
  if (!Number.isFinite(value)) return [{ path, message: `${what} must be a number, got ${value}` }];
  if (value < 0) return [{ path, message: `${what} cannot be negative, got ${value}` }];
  if (!Number.isInteger(value)) return [{ path, message: `${what} must be a whole number, got ${value}` }];
  // Above 2^53 a double cannot hold every whole number, so the count would be silently rounded.
  if (!Number.isSafeInteger(value)) return [{ path, message: `${what} must be at most ${Number.MAX_SAFE_INTEGER} to be counted exactly, got ${value}` }];
  if (value < min) return [{ path, message: `${what} must be at least ${min}, got ${value}` }];
  return [];
}

/** One arm's counts: visitors ≥ 1 and 0 ≤ conversions ≤ visitors. */
export function checkArm(path: string, visitors: number, conversions: number): Issue[] {
  const issues = [
    ...checkCount(`${path}.visitors`, visitors, 'visitors'),
    ...checkCount(`${path}.conversions`, conversions, 'conversions'),
  ];
  if (issues.length > 0) return issues;
  if (visitors === 0) return [{ path: `${path}.visitors`, message: 'the arm is empty: it has no visitors' }];
  if (conversions > visitors) {
    return [{ path: `${path}.conversions`, message: `conversions (${conversions}) exceed visitors (${visitors})` }];
  }
  return [];
}
