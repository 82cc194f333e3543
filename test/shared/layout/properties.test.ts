import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashSnapshot, planResize } from '../../../shared/src/layout';
import { checkCreative, parseSnapshot } from '../../../shared/src/visual';
import { arbitrarySnapshot } from '../../fixtures/snapshots/arbitrary';
import { ledgerlinePalette, visualKit } from '../../fixtures/snapshots/build';

const kit = {
  visual: visualKit({
    palette: ledgerlinePalette,
    fonts: [{ family: 'Inter' }],
    minTextSize: { default: 12 },
    safeZone: { margin: 0.05 },
    logo: { namePattern: '#logo', clearSpace: 0.25 },
  }),
};
const size = fc.record({ width: fc.integer({ min: 1, max: 4096 }), height: fc.integer({ min: 1, max: 4096 }) });

describe('any snapshot the schema accepts', () => {
  it('comes from a generator whose trees the schema accepts', () => {
    const samples = fc.sample(arbitrarySnapshot, 50);
    expect(samples.filter((raw) => parseSnapshot(raw).ok).length).toBe(50);
  });

  it('is checked without throwing, every finding naming a layer of the tree', () => {
    fc.assert(
      fc.property(arbitrarySnapshot, (raw) => {
        const parsed = parseSnapshot(raw);
        if (!parsed.ok) return; // duplicate ids can be generated only if the id counter wraps; skip
        const ids = new Set(JSON.stringify(parsed.value).match(/"id":"[^"]+"/g));
        for (const finding of checkCreative(parsed.value, kit)) {
          expect(ids.has(`"id":"${finding.node.id}"`)).toBe(true);
          expect(finding.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('resizes to any size into a valid snapshot of that size, with the same layers', () => {
    fc.assert(
      fc.property(arbitrarySnapshot, size, fc.option(fc.integer({ min: 4, max: 30 }), { nil: undefined }), (raw, target, min) => {
        const parsed = parseSnapshot(raw);
        if (!parsed.ok) return;
        const plan = planResize(parsed.value, target, { minTextSize: min, logoClearSpace: 0.25 });
        const again = parseSnapshot(plan.snapshot);
        expect(again.ok).toBe(true);
        expect(plan.snapshot).toMatchObject(target);
        const idsOf = (value: unknown) => (JSON.stringify(value).match(/"id":"[^"]+"/g) ?? []).sort();
        expect(idsOf(plan.snapshot)).toEqual(idsOf(parsed.value));
        expect(JSON.stringify(plan.snapshot)).not.toMatch(/NaN|Infinity|null/);
      }),
      { numRuns: 150 },
    );
  });

  it('hashes deterministically', () => {
    fc.assert(
      fc.property(arbitrarySnapshot, (raw) => {
        const parsed = parseSnapshot(raw);
        if (!parsed.ok) return;
        expect(hashSnapshot(parsed.value)).toBe(hashSnapshot(structuredClone(parsed.value)));
      }),
      { numRuns: 50 },
    );
  });
});
