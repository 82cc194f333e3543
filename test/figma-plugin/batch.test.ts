import { describe, expect, it } from 'vitest';
import { Batch, sliceMs } from '../../figma-plugin/src/main/batch';

/** A clock that advances only when told, counting yields. */
function steppingClock() {
  let now = 0;
  let yields = 0;
  return { clock: { now: () => now, yieldNow: async () => void yields++ }, advance: (ms: number) => (now += ms), yields: () => yields };
}

describe('batches that keep Figma responsive', () => {
  it('yields once a slice is used up, and reports progress each time', async () => {
    const { clock, advance, yields } = steppingClock();
    const reports: number[] = [];
    const batch = new Batch('Test', 10, clock, (done) => reports.push(done));
    // Each item takes a little over half a slice, so the batch yields after every second one.
    const item = sliceMs / 2 + 1;
    for (let done = 1; done <= 10; done++) {
      advance(item);
      await batch.next(done);
    }
    batch.finish();
    expect(yields()).toBe(5);
    expect(reports).toEqual([2, 4, 6, 8, 10]);
    expect(batch.longestStretchMs).toBe(2 * item);
  });

  it('stops between items once cancelled', async () => {
    const { clock } = steppingClock();
    const batch = new Batch('Test', 5, clock, () => {});
    expect(await batch.next(1)).toBe(true);
    batch.cancelled = true;
    expect(await batch.next(2)).toBe(false);
  });
});
