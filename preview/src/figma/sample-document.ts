import type { FakeFigma } from './fake-figma';
import type { FakeFrameNode } from './fake-nodes';

const rgb = (hex: string): RGB => {
  const value = parseInt(hex.slice(1), 16);
  return { r: ((value >> 16) & 255) / 255, g: ((value >> 8) & 255) / 255, b: (value & 255) / 255 };
};

/** A solid paint from `#RRGGBB`. */
export function solid(hex: string, opacity = 1): SolidPaint {
  return { type: 'SOLID', color: rgb(hex), opacity, visible: true, blendMode: 'NORMAL' };
}

/** A brand kit the sample campaign is checked against: navy, mint and white, Inter, 12 px minimum. */
export const sampleKit = {
  schemaVersion: 1,
  name: 'Ledgerline',
  version: '2.1.0',
  terms: [
    { term: 'Ledgerline', status: 'approved', caseSensitive: true, misspellings: ['LedgerLine'] },
    { term: 'cheap', status: 'banned', replacements: ['affordable'] },
  ],
  visual: {
    palette: [
      { name: 'Navy', hex: '#0B1F3A' },
      { name: 'Mint', hex: '#3DDC97' },
      { name: 'White', hex: '#FFFFFF' },
    ],
    fonts: [{ family: 'Inter' }],
    minTextSize: { default: 12, classes: { small: 10 } },
    logo: { namePattern: '#logo', clearSpace: 0.25 },
  },
};

/**
 * A campaign page a designer might open: one master creative with `#name` copy layers (the
 * headline has a bold, mint "30%"), a draft banner and a loose note.
 */
export function addSampleCampaign(figma: FakeFigma): FakeFrameNode {
  figma.currentPage.name = 'Spring campaign';
  const master = figma.add('FRAME', 'Spring Sale — Master', { x: 0, y: 0, width: 1080, height: 1080 });
  master.paint([solid('#0B1F3A')]);
  const background = figma.add('RECTANGLE', 'Background', { width: 1080, height: 1080 }, master).paint([solid('#0B1F3A')]);
  background.constraints = { horizontal: 'STRETCH', vertical: 'STRETCH' };
  const hero = figma.add('RECTANGLE', 'Hero photo', { x: 600, y: 0, width: 480, height: 1080 }, master);
  hero.paint([{ type: 'IMAGE', scaleMode: 'FILL', imageHash: 'spring-hero', opacity: 1, visible: true, blendMode: 'NORMAL' }]);
  hero.constraints = { horizontal: 'MAX', vertical: 'STRETCH' };
  const copy = figma.add('GROUP', 'Copy', {}, master);
  const headline = figma.add('TEXT', '#headline', { x: 80, y: 496, width: 500, height: 236 }, copy);
  headline.write('Spring sale: save 30% on every plan', { fontName: { family: 'Inter', style: 'Bold' }, fontSize: 64, fills: [solid('#FFFFFF')] }, [
    { start: 18, end: 21, fills: [solid('#3DDC97')], hyperlink: { type: 'URL', value: 'https://example.com/spring' } },
  ]);
  headline.autoResize('NONE');
  const body = figma.add('TEXT', '#body', { x: 80, y: 740, width: 500, height: 96 }, copy);
  body.write('Close the books in days, not weeks, with Ledgerline.', { fontSize: 28, fills: [solid('#FFFFFF')] });
  const legal = figma.add('TEXT', 'Legal line', { x: 80, y: 1010, width: 500, height: 24 }, copy);
  legal.write('Offer ends 30 April. Terms apply.', { fontSize: 9, fills: [solid('#A7B1C2')] });
  legal.constraints = { horizontal: 'MIN', vertical: 'MAX' };
  const button = figma.add('FRAME', 'CTA button', { x: 80, y: 880, width: 320, height: 88 }, master).paint([solid('#3DDC97')]);
  button.constraints = { horizontal: 'MIN', vertical: 'MAX' };
  const cta = figma.add('TEXT', '#cta', { x: 32, y: 26, width: 256, height: 36 }, button);
  cta.write('Start free trial', { fontName: { family: 'Inter', style: 'Semi Bold' }, fontSize: 28, fills: [solid('#0B1F3A')] });
  cta.constraints = { horizontal: 'STRETCH', vertical: 'CENTER' };
  // The button is an auto-layout frame: its label is placed by padding, not by constraints.
  button.autoLayout('HORIZONTAL', { paddingLeft: 32, paddingRight: 32, paddingTop: 26, paddingBottom: 26 }, { counterAxisAlignItems: 'CENTER' });
  figma.add('RECTANGLE', '#logo', { x: 80, y: 80, width: 240, height: 80 }, master).paint([solid('#FFFFFF')]);
  figma.add('FRAME', 'Leaderboard draft', { x: 1200, y: 0, width: 728, height: 90 });
  figma.add('TEXT', 'Note: check legal line', { x: 1200, y: 200, width: 300, height: 40 }).write('Note: check legal line');
  return master;
}
