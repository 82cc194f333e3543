import type { TextNode as SnapshotText } from '@onbrand/shared/visual';
import { mainRun, remapRanges } from './copy-ranges';
import type { FigmaHost, HostSegment, HostText, SegmentField } from './host';

// Figma throws when characters, fontSize or fontName change on a text layer whose fonts are not
// loaded; a layer whose font is missing on this machine cannot be edited at all, so it is skipped
// and named.

/** Every style a copy swap carries over from the master's runs. */
export const styleFields: SegmentField[] = ['fontName', 'fontSize', 'fills', 'hyperlink', 'textDecoration'];

/** The fonts used anywhere in a text layer (one call, mixed fonts included). */
export function fontsOf(node: HostText): FontName[] {
  return node.characters.length ? node.getRangeAllFontNames(0, node.characters.length) : [node.fontName as FontName];
}

/** Loads fonts once per operation; remembers what it loaded. */
export class FontLoader {
  private readonly loaded = new Map<string, Promise<void>>();

  constructor(private readonly host: FigmaHost) {}

  /** Loads every font of the layer; false when the layer has a missing font and must be skipped. */
  async ready(node: HostText): Promise<boolean> {
    if (node.hasMissingFont) return false;
    await Promise.all(fontsOf(node).map((font) => this.load(font)));
    return true;
  }

  private load(font: FontName): Promise<void> {
    const key = `${font.family}\u0000${font.style}`;
    let pending = this.loaded.get(key);
    if (!pending) {
      pending = this.host.loadFontAsync(font);
      this.loaded.set(key, pending);
    }
    return pending;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function setRange(node: HostText, field: SegmentField, start: number, end: number, run: HostSegment): void {
  if (field === 'fontName' && run.fontName) node.setRangeFontName(start, end, run.fontName);
  else if (field === 'fontSize' && run.fontSize) node.setRangeFontSize(start, end, run.fontSize);
  else if (field === 'fills' && run.fills) node.setRangeFills(start, end, run.fills as Paint[]);
  else if (field === 'hyperlink' && run.hyperlink !== undefined) node.setRangeHyperlink(start, end, run.hyperlink);
  else if (field === 'textDecoration' && run.textDecoration) node.setRangeTextDecoration(start, end, run.textDecoration);
}

/**
 * Replaces a layer's copy and re-applies the master's styled runs (bold, colour, links, underline)
 * over the new text. Writing `characters` gives all text the layer's old first style, so only the
 * fields that differ from the master's main style are written. The layer's fonts must be loaded.
 */
export function swapCopy(node: HostText, text: string, masterText: string, runs: readonly HostSegment[]): void {
  node.characters = text;
  if (!runs.length || !text.length) return;
  const ranges = remapRanges(masterText, runs, text);
  const main = mainRun(runs);
  const mainStyle = runs[main]!;
  // The new words took the layer's old first style, which the master may since have changed (a new colour, say).
  const now = node.getStyledTextSegments(styleFields)[0];
  for (const field of styleFields) {
    if (!now || !same(mainStyle[field], now[field])) setRange(node, field, 0, text.length, mainStyle);
  }
  runs.forEach((run, index) => {
    const range = ranges[index];
    if (index === main || !range) return;
    for (const field of styleFields) if (!same(run[field], mainStyle[field])) setRange(node, field, range.start, range.end, run);
  });
}

// Figma refuses font sizes under 1 px; a plan without a kit minimum can scale text below that.
const figmaMinFontSize = 1;

/** The sizes of a snapshot text layer, run by run: `[start, end, size]`. */
function sizeRuns(node: SnapshotText): [number, number, number][] {
  const size = (value: number) => Math.max(figmaMinFontSize, value);
  if (!node.segments?.length) return [[0, node.characters.length, size(node.fontSize)]];
  return node.segments.map((run) => [run.start, run.end, size(run.fontSize ?? node.fontSize)]);
}

/** Sets the planned font sizes, writing only the runs whose size differs from `before`. */
export function applyFontSizes(node: HostText, planned: SnapshotText, before: SnapshotText): void {
  const want = sizeRuns(planned);
  const had = sizeRuns(before);
  const uniform = want.every((run) => run[2] === want[0]![2]);
  const changed = want.some((run, index) => !had[index] || Math.abs(had[index]![2] - run[2]) > 0.001);
  if (!changed) return;
  if (uniform || want.length !== had.length) {
    if (uniform) node.fontSize = want[0]![2];
    else for (const [start, end, size] of want) if (end > start) node.setRangeFontSize(start, end, size);
    return;
  }
  want.forEach(([start, end, size], index) => {
    if (end > start && Math.abs(had[index]![2] - size) > 0.001) node.setRangeFontSize(start, end, size);
  });
}
