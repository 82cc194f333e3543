import type { PluginFix } from '../contract';
import type { PluginEnv } from './context';
import { isText, pageOf, type HostConstrained, type HostLayer } from './host';
import { hexToRgb, rgbToHex } from './snapshot';
import { FontLoader } from './text';
import { PluginWrites } from './versions';

// Auto-fix does only what is safe: a palette colour for an off-palette one, the minimum size for
// small text, and a text rule's replacement when the words are still the ones that were checked.

function solid(hex: string, like: Paint | undefined): SolidPaint {
  return { type: 'SOLID', color: hexToRgb(hex), opacity: like?.opacity ?? 1, visible: like?.visible ?? true };
}

interface Applied {
  problem: string | null;
  /** What changed, for the summary. */
  change?: string;
  /** The fixes that put it back, where they exist. */
  inverse?: PluginFix[];
}

async function applyOne(fix: PluginFix, node: HostLayer, fonts: FontLoader): Promise<Applied> {
  if (isText(node) && node.hasMissingFont) return { problem: `"${node.name}" uses a font that is missing on this machine` };
  if (fix.kind === 'fill') {
    const layer = node as HostConstrained;
    const fills = Array.isArray(layer.fills) ? [...(layer.fills as Paint[])] : [];
    const old = fills[fix.paintIndex];
    if (old?.type !== 'SOLID') return { problem: `the fill of "${node.name}" changed since the check` };
    fills[fix.paintIndex] = solid(fix.hex, old);
    layer.fills = fills;
    const was = rgbToHex(old.color);
    return { problem: null, change: `"${node.name}": ${was} → ${fix.hex}`, inverse: [{ ...fix, hex: was }] };
  }
  if (!isText(node)) return { problem: `"${node.name}" is no longer a text layer` };
  await fonts.ready(node);
  if (fix.kind === 'textRangeFill') {
    if (fix.end > node.characters.length) return { problem: `the text of "${node.name}" changed since the check` };
    // Each run's own colour is kept for the undo (runs painted otherwise than one solid colour have none to go back to).
    const inverse: PluginFix[] = [];
    for (const run of node.getStyledTextSegments(['fills'], fix.start, fix.end)) {
      const paints = run.fills as readonly Paint[];
      if (paints.length === 1 && paints[0]!.type === 'SOLID') inverse.push({ ...fix, start: run.start, end: run.end, hex: rgbToHex(paints[0]!.color) });
    }
    node.setRangeFills(fix.start, fix.end, [solid(fix.hex, undefined)]);
    return { problem: null, change: `"${node.name}": "${node.characters.slice(fix.start, fix.end)}" in ${fix.hex}`, inverse };
  }
  if (fix.kind === 'fontSize') {
    if (fix.start !== undefined && fix.end !== undefined) {
      // An undo: the range goes back to the size it had, lower or higher.
      if (fix.end > node.characters.length) return { problem: `the text of "${node.name}" changed since the check` };
      node.setRangeFontSize(fix.start, fix.end, fix.size);
      return { problem: null, change: `"${node.name}": set back to ${fix.size} px` };
    }
    // Each raised run remembers its size, so the undo lowers exactly what was raised.
    const inverse: PluginFix[] = [];
    for (const run of node.getStyledTextSegments(['fontSize']))
      if ((run.fontSize ?? 0) < fix.size) {
        if (run.fontSize !== undefined) inverse.push({ kind: 'fontSize', nodeId: fix.nodeId, size: run.fontSize, start: run.start, end: run.end });
        node.setRangeFontSize(run.start, run.end, fix.size);
      }
    return { problem: null, change: `"${node.name}": raised to ${fix.size} px`, inverse };
  }
  // Before writing, the words must still be the ones the check saw, so a later edit is never clobbered.
  if (node.characters.slice(fix.start, fix.end) !== fix.match) return { problem: `the text of "${node.name}" changed since the check` };
  // Inserting before the old words takes their style, then the old words go: bold stays bold.
  node.insertCharacters(fix.end, fix.replacement, 'BEFORE');
  node.deleteCharacters(fix.start, fix.end);
  return {
    problem: null,
    change: `"${node.name}": “${fix.match}” → “${fix.replacement}”`,
    inverse: [{ ...fix, end: fix.start + fix.replacement.length, match: fix.replacement, replacement: fix.match }],
  };
}

/**
 * Applies fixes as one undo step; locked, missing or changed layers are skipped and named. Returns
 * what changed, for the summary, and the fixes that put colours and words back (the UI's Undo).
 */
export async function applyFixes(env: PluginEnv, fixes: readonly PluginFix[]): Promise<{ applied: number; skipped: string[]; changes: string[]; undo: PluginFix[] }> {
  const fonts = new FontLoader(env.host);
  const skipped: string[] = [];
  const changes: string[] = [];
  const undo: PluginFix[] = [];
  let applied = 0;
  // A fix in a version is the plugin's change, not a person's: a later update still reaches it.
  const writes = new PluginWrites(env.host.mixed);
  // Text fixes in one layer go last to first, so earlier offsets stay true.
  const ordered = [...fixes].sort((a, b) => (('start' in b ? b.start : 0) ?? 0) - (('start' in a ? a.start : 0) ?? 0));
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
    writes.before(layer);
    const { problem, change, inverse } = await applyOne(fix, layer, fonts);
    if (problem) skipped.push(`Skipped: ${problem}.`);
    else {
      applied++;
      if (change) changes.push(change);
      // Undone last first, so text offsets stay true.
      if (inverse) undo.unshift(...inverse);
    }
  }
  writes.save();
  if (applied) env.host.commitUndo();
  env.host.notify(applied ? `Fixed ${applied} finding${applied === 1 ? '' : 's'}.${skipped.length ? ` ${skipped.length} skipped.` : ''}` : `Nothing was changed. ${skipped[0] ?? ''}`.trim());
  return { applied, skipped, changes, undo };
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
