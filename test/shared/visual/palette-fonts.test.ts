import { describe, expect, it } from 'vitest';
import { checkCreative } from '../../../shared/src/visual';
import { frame, ledgerlinePalette, rect, snapshot, text, visualKit } from '../../fixtures/snapshots/build';

const kit = { visual: visualKit({ palette: ledgerlinePalette, fonts: [{ family: 'Inter', styles: ['Regular', 'Bold'] }, { family: 'Source Serif' }] }) };
const byRule = (rule: string, root: Record<string, unknown>) =>
  checkCreative(snapshot(root), kit).filter((finding) => finding.rule === rule);

describe('palette rule', () => {
  it.each([
    ['#0B1F3A', 0],
    ['#0C203B', 0], // within ΔE00 2.3 of navy
    ['#1AC9B5', 1], // a brighter teal, clearly off
    ['#FF0000', 1],
  ])('judges a fill of %s (%i findings)', (hex, count) => {
    expect(byRule('visual.palette', frame('root', [0, 0, 100, 100], [rect('box', [0, 0, 10, 10], hex)], { fills: [{ type: 'SOLID', color: '#FFFFFF' }] }))).toHaveLength(count);
  });

  it('suggests the nearest palette colour as a fill fix on the right paint', () => {
    const [finding] = byRule(
      'visual.palette',
      frame('root', [0, 0, 100, 100], [rect('box', [0, 0, 10, 10], '#0B1F3A', { fills: [{ type: 'SOLID', color: '#0B1F3A' }, { type: 'SOLID', color: '#6A7A90' }] })]),
    );
    expect(finding).toMatchObject({
      severity: 'error',
      node: { id: 'box', name: 'box' },
      match: '#6A7A90',
      suggestions: ['#475569'],
      fix: { kind: 'fill', nodeId: 'box', paintIndex: 1, hex: '#475569' },
    });
    expect(finding!.message).toMatch(/nearest is Slate #475569/);
  });

  it('checks text colours and styled ranges, fixing the range only', () => {
    const findings = byRule(
      'visual.palette',
      frame('root', [0, 0, 400, 100], [
        text('headline', [0, 0, 400, 50], 'Close books faster', 32, { segments: [{ start: 0, end: 5, fill: '#E11D48' }] }),
      ]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.fix).toEqual({ kind: 'textRangeFill', nodeId: 'headline', start: 0, end: 5, hex: expect.any(String) });
    expect(findings[0]!.message).toMatch(/"Close"/);
  });

  it('ignores hidden fills and hidden layers', () => {
    expect(
      byRule('visual.palette', frame('root', [0, 0, 100, 100], [
        rect('hidden', [0, 0, 10, 10], '#FF0000', { visible: false }),
        rect('ghost', [0, 0, 10, 10], undefined, { fills: [{ type: 'SOLID', color: '#FF0000', visible: false }] }),
      ])),
    ).toEqual([]);
  });
});

describe('fonts rule', () => {
  it.each([
    ['Inter', 'Regular', 0],
    ['inter', 'bold', 0],
    ['Inter', 'Light', 1],
    ['Source Serif', 'Italic', 0],
    ['Comic Sans MS', 'Regular', 1],
  ])('judges %s %s', (fontFamily, fontStyle, count) => {
    expect(byRule('visual.font', frame('root', [0, 0, 100, 100], [text('t', [0, 0, 50, 20], 'Hi', 16, { fontFamily, fontStyle })]))).toHaveLength(count);
  });

  it('names the allowed styles for a known family and the families otherwise', () => {
    const [style] = byRule('visual.font', frame('root', [0, 0, 100, 100], [text('t', [0, 0, 50, 20], 'Hi', 16, { fontStyle: 'Light' })]));
    expect(style!.suggestions).toEqual(['Inter Regular', 'Inter Bold']);
    const [family] = byRule('visual.font', frame('root', [0, 0, 100, 100], [text('t', [0, 0, 50, 20], 'Hi', 16, { fontFamily: 'Arial' })]));
    expect(family!.suggestions).toEqual(['Inter', 'Source Serif']);
    expect(family!.message).toMatch(/Arial, which is not a brand font/);
  });

  it('checks fonts in styled ranges, once per font', () => {
    const findings = byRule('visual.font', frame('root', [0, 0, 100, 100], [
      text('t', [0, 0, 50, 20], 'Hello there', 16, { segments: [{ start: 0, end: 2, fontFamily: 'Arial' }, { start: 6, end: 8, fontFamily: 'Arial' }] }),
    ]));
    expect(findings.map((f) => f.match)).toEqual(['Arial Regular']);
  });
});
