import type { FrameSummary } from '../contract';
import { isFrameLike, type FigmaHost } from './host';

/** Reads the selected frames into plain data; other selected layers are only counted. */
export function readSelectionFrames(host: FigmaHost): { frames: FrameSummary[]; ignored: number } {
  const frames: FrameSummary[] = [];
  let ignored = 0;
  for (const node of host.currentPage.selection) {
    if (!isFrameLike(node)) {
      ignored++;
      continue;
    }
    frames.push({ id: node.id, name: node.name, type: node.type, width: node.width, height: node.height, childCount: node.children.length });
  }
  return { frames, ignored };
}
