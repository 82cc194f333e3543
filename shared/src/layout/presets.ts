/** A named output size. */
export interface SizePreset {
  id: string;
  name: string;
  width: number;
  height: number;
  group: 'iab' | 'social';
  /** Where the size comes from. */
  source: string;
}

// IAB display sizes: IAB New Standard Ad Unit Portfolio (2017) and its fixed-size "legacy" units,
// which ad servers such as Google Ad Manager still list as the top-performing display sizes.
const iab = 'IAB New Standard Ad Unit Portfolio (2017)';

/** Sizes the plugin offers out of the box, with their sources. */
export const sizePresets: readonly SizePreset[] = [
  { id: 'medium-rectangle', name: 'Medium rectangle', width: 300, height: 250, group: 'iab', source: iab },
  { id: 'leaderboard', name: 'Leaderboard', width: 728, height: 90, group: 'iab', source: iab },
  { id: 'wide-skyscraper', name: 'Wide skyscraper', width: 160, height: 600, group: 'iab', source: iab },
  { id: 'half-page', name: 'Half page', width: 300, height: 600, group: 'iab', source: iab },
  { id: 'mobile-banner', name: 'Mobile banner', width: 320, height: 50, group: 'iab', source: iab },
  { id: 'billboard', name: 'Billboard', width: 970, height: 250, group: 'iab', source: iab },
  { id: 'large-rectangle', name: 'Large rectangle', width: 336, height: 280, group: 'iab', source: iab },
  // Meta's image ad specs: 1:1 feed, 4:5 feed, 9:16 Stories and Reels (recommended 1080 px wide).
  { id: 'square-post', name: 'Square post', width: 1080, height: 1080, group: 'social', source: 'Meta ads guide: feed image 1:1' },
  { id: 'portrait-post', name: 'Portrait post', width: 1080, height: 1350, group: 'social', source: 'Meta ads guide: feed image 4:5' },
  { id: 'story', name: 'Story / Reel', width: 1080, height: 1920, group: 'social', source: 'Meta ads guide: Stories and Reels 9:16' },
  // LinkedIn single-image ads and Facebook link previews recommend 1200×628 (1.91:1).
  { id: 'link-share', name: 'Link share', width: 1200, height: 628, group: 'social', source: 'LinkedIn single image ad specs: 1.91:1' },
  // X (Twitter) image ads recommend 1600×900 (16:9).
  { id: 'landscape-post', name: 'Landscape post', width: 1600, height: 900, group: 'social', source: 'X ads image specs: 16:9' },
];
