import { describe, expect, it } from 'vitest';
import { rotateLog, utf8Length } from '../../../shared/src/storage';

const entry = (i: number) => ({ id: i, note: `approved piece ${i} ✓` });

describe('rotating a log at a size cap', () => {
  it('moves nothing while the log fits', () => {
    const entries = Array.from({ length: 5 }, (_, i) => entry(i));
    expect(rotateLog(entries, 10_000)).toEqual({ keep: entries, move: [] });
  });

  it('moves the oldest entries, keeping the newest within half the cap, and loses none', () => {
    const entries = Array.from({ length: 200 }, (_, i) => entry(i));
    const { keep, move } = rotateLog(entries, 4_000);
    expect([...move, ...keep]).toEqual(entries);
    expect(move.length).toBeGreaterThan(0);
    expect(utf8Length(JSON.stringify(keep))).toBeLessThanOrEqual(2_000);
    expect(keep.at(-1)).toEqual(entry(199));
  });

  it('keeps the newest entry even when it alone is over the cap', () => {
    const big = { id: 1, note: 'x'.repeat(500) };
    expect(rotateLog([entry(0), big], 100)).toEqual({ keep: [big], move: [entry(0)] });
  });

  it('counts UTF-8 bytes as the host does', () => {
    expect(utf8Length('a✓😀')).toBe(1 + 3 + 4);
  });
});
