import { advanceEm } from './text-measure';

/** The most graphemes each copy slot should hold at one size; 0 means leave the element out. */
export interface CopyLimits {
  headline: number;
  body: number;
  cta: number;
  /** The layout family the limits assume. */
  layout: 'banner' | 'tower' | 'box';
}

// The model: copy fits when it fits the lines a typical layout of that shape gives each slot.
// - Layout family by aspect ratio: banner (≥ 3:1, e.g. 728×90, 320×50, 970×250), tower (≤ 1:2,
//   e.g. 160×600, 300×600), otherwise box.
// - Font size: the headline scales with the square root of the area (7% of √(w·h)), capped at 35% of
//   the height; body and CTA are about half the headline. None goes below the minimum text size.
// - Line width: a share of the width inside a 5% margin; lines per slot by family (below).
// - Characters per line: line width / (average lowercase advance 0.52 em × font size).
const families = {
  banner: { headline: { share: 0.5, lines: 1 }, body: { share: 0.5, lines: 1 }, cta: { share: 0.22, lines: 1 } },
  tower: { headline: { share: 0.9, lines: 4 }, body: { share: 0.9, lines: 6 }, cta: { share: 0.8, lines: 1 } },
  box: { headline: { share: 0.85, lines: 3 }, body: { share: 0.85, lines: 4 }, cta: { share: 0.5, lines: 1 } },
};
// Caps where longer copy stops working whatever the room: a headline is read at a glance, a CTA is a few words.
const caps = { headline: 90, body: 250, cta: 25 };
const averageEm = advanceEm('a');

/** Per-size copy length limits for `#headline`, `#body` and `#cta` (graphemes). A 320×50 headline is short. */
export function copyLimitsForSize(width: number, height: number, minTextSize = 12): CopyLimits {
  const aspect = width / height;
  const layout = aspect >= 3 ? 'banner' : aspect <= 0.5 ? 'tower' : 'box';
  const family = families[layout];
  const headlineSize = Math.max(minTextSize, Math.min(0.07 * Math.sqrt(width * height), 0.35 * height));
  const sizes = { headline: headlineSize, body: Math.max(minTextSize, headlineSize * 0.5), cta: Math.max(minTextSize, headlineSize * 0.55) };
  // Short banners have no room for a second line of body copy, or any below 90 px.
  const bodyLines = layout === 'banner' ? (height >= 200 ? 2 : height >= 90 ? 1 : 0) : family.body.lines;
  const limit = (slot: 'headline' | 'body' | 'cta', lines: number) => {
    const lineWidth = family[slot].share * width * 0.9;
    const perLine = Math.floor(lineWidth / (averageEm * sizes[slot]));
    return Math.min(caps[slot], perLine * lines);
  };
  return {
    headline: limit('headline', layout === 'banner' && height >= 200 ? 2 : family.headline.lines),
    body: limit('body', bodyLines),
    cta: limit('cta', family.cta.lines),
    layout,
  };
}
