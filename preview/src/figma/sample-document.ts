import type { FakeFigma } from './fake-figma';

/** A campaign page a designer might open: one master creative, a draft banner and a loose note. */
export function addSampleCampaign(figma: FakeFigma): void {
  figma.currentPage.name = 'Spring campaign';
  const master = figma.add('FRAME', 'Spring Sale — Master', { x: 0, y: 0, width: 1080, height: 1080 });
  figma.add('RECTANGLE', 'Background', { width: 1080, height: 1080 }, master);
  figma.add('TEXT', '#headline', { x: 80, y: 560, width: 920, height: 180 }, master);
  figma.add('TEXT', '#body', { x: 80, y: 760, width: 920, height: 96 }, master);
  const cta = figma.add('FRAME', '#cta', { x: 80, y: 900, width: 320, height: 96 }, master);
  figma.add('TEXT', 'Label', { x: 32, y: 28, width: 256, height: 40 }, cta);
  figma.add('RECTANGLE', '#logo', { x: 80, y: 80, width: 240, height: 80 }, master);
  figma.add('FRAME', 'Leaderboard draft', { x: 1200, y: 0, width: 728, height: 90 });
  figma.add('TEXT', 'Note: check legal line', { x: 1200, y: 200, width: 300, height: 40 });
}
