import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyVisualFixes, checkCreative, parseSnapshot, type VisualFix } from '../../../shared/src/visual';
import { frame, snapshot, text, visualKit } from '../../fixtures/snapshots/build';

const kitFile = JSON.parse(readFileSync('test/fixtures/snapshots/ledgerline-kit.json', 'utf8'));
const kit = { visual: visualKit(kitFile.visual) };
const offbrand = (() => {
  const parsed = parseSnapshot(JSON.parse(readFileSync('examples/snapshots/ledgerline-offbrand.json', 'utf8')));
  if (!parsed.ok) throw new Error('the off-brand example must parse');
  return parsed.value;
})();

describe('applying visual fixes', () => {
  it('clears every finding that came with a fix, and only those', () => {
    const before = checkCreative(offbrand, kit);
    const fixes = before.flatMap((finding) => (finding.fix ? [finding.fix] : []));
    expect(fixes.map((fix) => fix.kind).sort()).toEqual(['fill', 'fill', 'fontSize']);
    const { snapshot: fixed, skipped } = applyVisualFixes(offbrand, fixes);
    expect(skipped).toEqual([]);
    const after = checkCreative(fixed, kit);
    expect(after.filter((finding) => finding.fix)).toEqual([]);
    expect(after.map((finding) => finding.rule).sort()).toEqual(
      before.filter((finding) => !finding.fix).map((finding) => finding.rule).sort(),
    );
  });

  it('is idempotent and leaves the input alone', () => {
    const fixes = checkCreative(offbrand, kit).flatMap((finding) => (finding.fix ? [finding.fix] : []));
    const copy = structuredClone(offbrand);
    const once = applyVisualFixes(offbrand, fixes).snapshot;
    expect(applyVisualFixes(once, fixes).snapshot).toEqual(once);
    expect(offbrand).toEqual(copy);
  });

  it('skips a fix whose layer, paint or range no longer matches', () => {
    const root = snapshot(frame('root', [0, 0, 200, 100], [text('t', [0, 0, 100, 20], 'Hello', 12, { segments: [{ start: 0, end: 2, fill: '#FF0000' }] })]));
    const stale: VisualFix[] = [
      { kind: 'fill', nodeId: 'gone', paintIndex: 0, hex: '#0B1F3A' },
      { kind: 'fill', nodeId: 't', paintIndex: 3, hex: '#0B1F3A' },
      { kind: 'textRangeFill', nodeId: 't', start: 0, end: 3, hex: '#0B1F3A' },
    ];
    expect(applyVisualFixes(root, stale).skipped).toEqual(stale);
  });

  it('raises only the runs below the size', () => {
    const root = snapshot(frame('root', [0, 0, 200, 100], [text('t', [0, 0, 100, 20], 'Hello you', 10, { segments: [{ start: 0, end: 5, fontSize: 20 }, { start: 6, end: 9, fontSize: 8 }] })]));
    const out = applyVisualFixes(root, [{ kind: 'fontSize', nodeId: 't', size: 12 }]).snapshot.children[0]!;
    expect(out).toMatchObject({ fontSize: 12, segments: [{ fontSize: 20 }, { fontSize: 12 }] });
  });
});
