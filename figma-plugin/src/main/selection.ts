import type { FrameSummary } from '../contract';
import { isFrameLike, isText, type FigmaHost, type HostSceneNode } from './host';
import { layerChildren, slotName } from './snapshot';
import { readRecord } from './versions';

function slotsOf(node: { readonly children: readonly HostSceneNode[] }, out: { name: string; text: string }[] = []): { name: string; text: string }[] {
  for (const child of layerChildren(node)) {
    if (isText(child)) {
      const slot = slotName(child.name);
      if (slot && !out.some((entry) => entry.name === slot)) out.push({ name: slot, text: child.characters });
    } else if ('children' in child) slotsOf(child as unknown as { children: readonly HostSceneNode[] }, out);
  }
  return out;
}

/** Reads the selected frames into plain data; other selected layers are only counted. */
export function readSelectionFrames(host: FigmaHost): { frames: FrameSummary[]; ignored: number } {
  const frames: FrameSummary[] = [];
  let ignored = 0;
  for (const node of host.currentPage.selection) {
    if (!isFrameLike(node)) {
      ignored++;
      continue;
    }
    const record = readRecord(node);
    frames.push({
      id: node.id,
      name: node.name,
      type: node.type,
      width: node.width,
      height: node.height,
      childCount: node.children.length,
      slots: slotsOf(node),
      ...(record ? { versionOf: record.masterId } : {}),
    });
  }
  return { frames, ignored };
}
