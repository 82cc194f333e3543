import { describe, expect, it } from 'vitest';
import { checkCreative, safeSnapDeltaE } from '../../../shared/src/visual';
import { frame, rect, snapshot, text, visualKit } from '../../fixtures/snapshots/build';

const kit = visualKit({ palette: [{ name: 'Navy', hex: '#0B1F3A' }, { name: 'White', hex: '#FFFFFF' }, { name: 'Teal', hex: '#14B8A6' }] });
const palette = (findings: ReturnType<typeof checkCreative>) => findings.filter((finding) => finding.rule === 'visual.palette');

describe('safe palette fixes', () => {
  it('calls a snap safe only within ΔE00 5 of the palette colour', () => {
    // #1B2A44 is about ΔE 4 from navy; #3A1F0B is far from everything.
    const root = snapshot(frame('root', [0, 0, 300, 250], [rect('near', [0, 0, 300, 250], '#15284A'), rect('far', [10, 10, 40, 40], '#7A3F0B')], { fills: [{ type: 'SOLID', color: '#FFFFFF' }] }));
    const found = palette(checkCreative(root, { visual: kit }));
    expect(safeSnapDeltaE).toBe(5);
    expect(found.find((finding) => finding.node.id === 'near')).toMatchObject({ safe: true, fix: { hex: '#0B1F3A' } });
    expect(found.find((finding) => finding.node.id === 'far')).toMatchObject({ safe: false });
  });

  it('calls a near snap unsafe when it would break the contrast of text on it', () => {
    // White text on #6E6E6E passes (5.1:1); the palette grey #777777, ΔE00 3.6 away, would not (4.48:1).
    const grey = visualKit({ palette: [{ name: 'Grey', hex: '#777777' }, { name: 'White', hex: '#FFFFFF' }] });
    const root = snapshot(frame('root', [0, 0, 300, 250], [rect('plate', [0, 0, 300, 250], '#6E6E6E'), text('copy', [20, 20, 200, 30], 'Close the books', 16, { fills: [{ type: 'SOLID', color: '#FFFFFF' }] })], { fills: [{ type: 'SOLID', color: '#FFFFFF' }] }));
    const plate = palette(checkCreative(root, { visual: grey })).find((finding) => finding.node.id === 'plate');
    expect(plate?.fix).toMatchObject({ hex: '#777777' });
    expect(plate?.safe).toBe(false);
    // The same snap with dark text on the plate keeps contrast, so it is safe.
    const dark = snapshot(frame('root', [0, 0, 300, 250], [rect('plate', [0, 0, 300, 250], '#6E6E6E'), text('copy', [20, 20, 200, 30], 'Close the books', 16, { fills: [{ type: 'SOLID', color: '#000000' }] })]));
    const darkGrey = visualKit({ palette: [{ name: 'Grey', hex: '#777777' }, { name: 'Black', hex: '#000000' }] });
    expect(palette(checkCreative(dark, { visual: darkGrey })).find((finding) => finding.node.id === 'plate')?.safe).toBe(true);
  });
});
