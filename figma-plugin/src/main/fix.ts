import type { PluginFix } from '../contract';
import type { PluginEnv } from './context';
import { isText, pageOf, type HostConstrained, type HostLayer } from './host';
import { hexToRgb } from './snapshot';
import { FontLoader } from './text';

// Auto-fix does only what is safe: a palette colour for an off-palette one, the minimum size for
// small text, and a text rule's replacement when the words are still the ones that were checked.

function solid(hex: string, like: Paint | undefined): SolidPaint {
  return { type: 'SOLID', color: hexToRgb(hex), opacity: like?.opacity ?? 1, visible: like?.visible ?? true };
}

async function applyOne(fix: PluginFix, node: HostLayer, fonts: FontLoader): Promise<string | null> {
  if (isText(node) && node.hasMissingFont) return `"${node.name}" uses a font that is missing on this machine`;
  if (fix.kind === 'fill') {
    const layer = node as HostConstrained;
    const fills = Array.isArray(layer.fills) ? [...(layer.fills as Paint[])] : [];
    if (fills[fix.paintIndex]?.type !== 'SOLID') return `the fill of "${node.name}" changed since the check`;
    fills[fix.paintIndex] = solid(fix.hex, fills[fix.paintIndex]);
    layer.fills = fills;
    return null;
  }
  if (!isText(node)) return `"${node.name}" is no longer a text layer`;
  await fonts.ready(node);
  if (fix.kind === 'textRangeFill') {
    if (fix.end > node.characters.length) return `the text of "${node.name}" changed since the check`;
    node.setRangeFills(fix.start, fix.end, [solid(fix.hex, undefined)]);
  } else if (fix.kind === 'fontSize') {
    for (const run of node.getStyledTextSegments(['fontSize'])) if ((run.fontSize ?? 0) < fix.size) node.setRangeFontSize(run.start, run.end, fix.size);
  } else {
    // Before writing, the words must still be the ones the check saw, so a later edit is never clobbered.
    if (node.characters.slice(fix.start, fix.end) !== fix.match) return `the text of "${node.name}" changed since the check`;
    // Inserting before the old words takes their style, then the old words go: bold stays bold.
    node.insertCharacters(fix.end, fix.replacement, 'BEFORE');
    node.deleteCharacters(fix.start, fix.end);
  }
  return null;
}

/** Applies fixes as one undo step; locked, missing or changed layers are skipped and named. */
export async function applyFixes(env: PluginEnv, fixes: readonly PluginFix[]): Promise<{ applied: number; skipped: string[] }> {
  const fonts = new FontLoader(env.host);
  const skipped: string[] = [];
  let applied = 0;
  // Text fixes in one layer go last to first, so earlier offsets stay true.
  const ordered = [...fixes].sort((a, b) => ('start' in b ? b.start : 0) - ('start' in a ? a.start : 0));
  for (const fix of ordered) {
    const node = await env.host.getNodeByIdAsync(fix.nodeId);
    if (!node || node.removed || !('x' in node)) {
      skipped.push(`A layer (${fix.nodeId}) is gone.`);
      continue;
    }
    const layer = node as HostLayer;
    if (layer.locked) {
      skipped.push(`"${layer.name}" is locked; unlock it to fix it.`);
      continue;
    }
    const problem = await applyOne(fix, layer, fonts);
    if (problem) skipped.push(`Skipped: ${problem}.`);
    else applied++;
  }
  if (applied) env.host.commitUndo();
  env.host.notify(applied ? `Fixed ${applied} finding${applied === 1 ? '' : 's'}.${skipped.length ? ` ${skipped.length} skipped.` : ''}` : `Nothing was changed. ${skipped[0] ?? ''}`.trim());
  return { applied, skipped };
}

/** Selects a layer and zooms to it, opening its page first when needed. */
export async function selectNode(env: PluginEnv, id: string): Promise<{ found: boolean }> {
  const node = await env.host.getNodeByIdAsync(id);
  if (!node || node.removed || !('visible' in node)) {
    env.host.notify('That layer is gone.');
    return { found: false };
  }
  const layer = node as HostLayer;
  // A page's selection holds only its own layers, and the viewport shows only the current page.
  const page = pageOf(layer);
  if (page && page.id !== env.host.currentPage.id) await env.host.setCurrentPageAsync(page);
  env.host.currentPage.selection = [layer];
  env.host.viewport.scrollAndZoomIntoView([layer]);
  return { found: true };
}
