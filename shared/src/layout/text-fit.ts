import type { Rect } from '../visual/tree';
import type { TextNode } from '../visual/snapshot';
import { measureText, type TextMeasure } from './text-measure';

/** When no minimum is given, text never shrinks below this (px): smaller is unreadable in any ad. */
export const defaultTextFloor = 8;

export interface TextFit {
  node: TextNode;
  /** The size the text started from in this version (the master's size × the plan's scale). */
  from: number;
  raised: boolean;
  shrunk: boolean;
  overflow: boolean;
}

const measureAt = (node: TextNode, size: number, width: number): TextMeasure =>
  measureText(
    node.characters,
    {
      fontSize: size,
      fontStyle: node.fontStyle,
      letterSpacing: node.letterSpacing * (size / node.fontSize),
      lineHeight: node.lineHeight === undefined ? undefined : node.lineHeight * (size / node.fontSize),
    },
    node.textAutoResize === 'WIDTH_AND_HEIGHT' ? undefined : width,
  );

/**
 * Sets a text layer into `box` at `scale`: the font scales with the content, is raised to the
 * minimum when below it, and shrinks (in 0.5 px steps, never below the minimum) when the copy does
 * not fit. What "fits" means follows Figma's auto-resize setting:
 * - fixed boxes (NONE, TRUNCATE): the wrapped copy is no taller than the box; a box whose font is
 *   raised to the minimum grows with it (the plan resizes it, from its vertical anchor), so it keeps
 *   the lines it had but gains none;
 * - auto height (HEIGHT): the box may grow with the font, but the copy may not wrap into more lines
 *   than the master had at its width, so its height stays within box height × (size / scaled size);
 * - auto width (WIDTH_AND_HEIGHT): one line, no wider than `roomWidth` (the frame it sits in).
 * Sizes come from the width model in text-measure.ts, calibrated on the master: if the estimate
 * already overran the master's own box by some share, that share is allowed here too, so an
 * estimate error never flags text the designer had fitted by eye.
 */
export function fitText(master: TextNode, box: Rect, scale: number, minimum?: number, roomWidth?: number): TextFit {
  const mode = master.textAutoResize;
  const autoWidth = mode === 'WIDTH_AND_HEIGHT';
  const reference = measureAt(master, master.fontSize, master.width);
  const slackW = autoWidth && master.width > 0 ? Math.max(1, reference.width / master.width) : 1;
  const slackH = master.height > 0 ? Math.max(1, reference.height / master.height) : 1;
  const from = master.fontSize * scale;
  const fits = (size: number) => {
    const m = measureAt(master, size, box.width * slackW);
    if (autoWidth) return roomWidth === undefined || m.width <= roomWidth * slackW + 0.5;
    return m.height <= box.height * slackH * heightGrowth(mode, size, from) + 0.5;
  };

  const floor = minimum ?? Math.min(from, defaultTextFloor);
  let size = Math.max(from, floor);
  const raised = size > from;
  let shrunk = false;
  let overflow = false;
  if (!fits(size)) {
    if (!fits(floor)) {
      overflow = true;
      shrunk = floor < size;
      size = floor;
    } else {
      // Largest half-pixel size that fits, between the floor and the starting size.
      let low = floor;
      let high = size;
      while (high - low > 0.5) {
        const mid = (low + high) / 2;
        if (fits(mid)) low = mid;
        else high = mid;
      }
      size = Math.max(floor, Math.floor(low * 2) / 2);
      shrunk = true;
    }
  }
  return { node: setText(master, box, size, slackW, slackH, heightGrowth(mode, size, from)), from, raised, shrunk, overflow };
}

// How much taller than its box the copy may be at `size`: auto-height text follows its font both
// ways; a fixed box only grows, when the font was raised.
function heightGrowth(mode: TextNode['textAutoResize'], size: number, from: number): number {
  if (from <= 0) return 1;
  return mode === 'HEIGHT' ? size / from : Math.max(1, size / from);
}

// Applies the size to the layer, its line height, letter spacing and styled ranges, and sizes the box
// the way Figma's auto-resize would.
function setText(master: TextNode, box: Rect, size: number, slackW: number, slackH: number, growth: number): TextNode {
  const ratio = size / master.fontSize;
  const node: TextNode = {
    ...master,
    ...box,
    fontSize: size,
    letterSpacing: master.letterSpacing * ratio,
    ...(master.lineHeight === undefined ? {} : { lineHeight: master.lineHeight * ratio }),
    ...(master.segments
      ? {
          segments: master.segments.map((segment) =>
            segment.fontSize === undefined ? segment : { ...segment, fontSize: segment.fontSize * ratio },
          ),
        }
      : {}),
  };
  if (master.textAutoResize === 'NONE' || master.textAutoResize === 'TRUNCATE') {
    if (growth > 1) {
      node.height = box.height * growth;
      const extra = node.height - box.height;
      if (master.constraints.vertical === 'MAX') node.y = box.y - extra;
      else if (master.constraints.vertical === 'CENTER') node.y = box.y - extra / 2;
    }
    return node;
  }
  const measured = measureAt(master, size, box.width * slackW);
  node.height = measured.height / slackH;
  if (master.textAutoResize === 'WIDTH_AND_HEIGHT') {
    // Auto width grows or shrinks with the copy, from its alignment side.
    node.width = measured.width / slackW;
    const spare = box.width - node.width;
    if (master.textAlignHorizontal === 'CENTER') node.x = box.x + spare / 2;
    else if (master.textAlignHorizontal === 'RIGHT') node.x = box.x + spare;
  }
  return node;
}
