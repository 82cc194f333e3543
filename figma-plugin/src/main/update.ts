import { RpcFailure } from '@onbrand/shared/rpc';
import type { RoleOverrides } from '@onbrand/shared/layout';
import type { CreativeSnapshot, SnapshotNode } from '@onbrand/shared/visual';
import type { VersionSummary } from '../contract';
import { applyLayer, byId, type ApplyContext } from './apply';
import { endBatch, startBatch, type PluginEnv } from './context';
import { masterTextRuns } from './generate';
import { instanceAround, isFrameLike, isLayer, isSection, isText, type HostFrame, type HostSegment, type HostLayer, type HostSceneNode } from './host';
import { readKit } from './kit-store';
import { planVersion } from './plan-version';
import { readRoleOverrides } from './roles';
import { readSnapshot, walkSnapshot, zipLayers } from './snapshot';
import { FontLoader } from './text';
import { styleFields } from './text';
import { changedParts, copyOfMaster, layerHash, layerParts, masterHash, mergeHash, partNames, readRecord, readSections, sectionOf, summarize, versionsIn, writeRecord, type LayerEntry, type LayerPart, type VersionRecord } from './versions';

type Entry = { node: HostFrame; record: VersionRecord };

/** What an update left alone because it lies inside an instance, which takes its layers from its main component. */
interface InstanceRefusals {
  added: number;
  kept: number;
  instances: Set<string>;
}

/** The versions an update or a list covers: the selected versions, the versions of selected masters or sections, or all. */
export async function versionsInScope(env: PluginEnv, scope: 'selection' | 'all'): Promise<Entry[]> {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  const add = (entry: Entry) => {
    if (!seen.has(entry.node.id)) {
      seen.add(entry.node.id);
      entries.push(entry);
    }
  };
  const masterIds = scope === 'all' ? Object.keys(readSections(env.host)) : [];
  if (scope === 'selection') {
    for (const node of env.host.currentPage.selection) {
      if (isSection(node)) versionsIn(node).forEach(add);
      if (!isFrameLike(node)) continue;
      const record = readRecord(node);
      if (record) add({ node, record });
      else masterIds.push(node.id);
    }
  }
  for (const masterId of masterIds) {
    const section = await sectionOf(env.host, masterId);
    if (section) versionsIn(section).forEach(add);
  }
  return entries;
}

/** The versions in scope with a stale marker: the master changed after they were made or updated. */
export async function listVersions(env: PluginEnv, scope: 'selection' | 'all'): Promise<VersionSummary[]> {
  const hashes = new Map<string, string | null>();
  const out: VersionSummary[] = [];
  for (const { node, record } of await versionsInScope(env, scope)) {
    if (!hashes.has(record.masterId)) {
      const master = await env.host.getNodeByIdAsync(record.masterId);
      hashes.set(record.masterId, master && isFrameLike(master) && !master.removed ? masterHash(readSnapshot(master, env.host.mixed)) : null);
    }
    const now = hashes.get(record.masterId);
    out.push(summarize(node.id, node.name, record, now !== null && now !== record.masterHash));
  }
  return out;
}

interface MasterState {
  snapshot: CreativeSnapshot;
  /** The designer's role corrections on the master, which every resize of it follows. */
  roles: RoleOverrides;
  hash: string;
  ctx: ApplyContext;
}

/**
 * Re-applies the master to one version. Layers whose content hash still matches what the plugin
 * wrote are brought up to date; layers a person edited keep their edits; layers the master no
 * longer has go, unless edited; layers new in the master are added.
 */
async function updateOne(
  env: PluginEnv,
  entry: Entry,
  master: MasterState,
  kit: ReturnType<typeof readKit>,
  keptEdits: string[],
  conflicts: string[],
  notices: Set<string>,
  refused: InstanceRefusals,
  pause: (force?: boolean) => Promise<void>,
): Promise<VersionRecord | null> {
  const { node: version } = entry;
  const current = readSnapshot(version, env.host.mixed);
  const hosts = new Map<string, HostLayer>();
  zipLayers(current, version, (_node, host) => hosts.set(host.id, host));
  const record = ownRecord(entry.record, version.id, [...hosts.keys()]);
  if (!record) {
    notices.add(`"${version.name}" was copied from a version and then changed; generate it again to link it to its master.`);
    return null;
  }
  const currentById = byId(current);
  const versionOf = new Map<string, string>();
  // The parts of each layer a person changed since the plugin last wrote it; a locked layer is theirs whole.
  const edits = new Map<string, Set<LayerPart>>();
  for (const [versionId, [masterId, hash]] of Object.entries(record.layers)) {
    const now = currentById.get(versionId);
    if (!now) continue;
    versionOf.set(masterId, versionId);
    const subject = versionId === version.id ? { ...now, x: 0, y: 0 } : now;
    const parts = now.locked ? new Set(layerParts) : changedParts(hash, layerHash(subject));
    if (parts.size) edits.set(versionId, parts);
  }
  const conflictActions: string[] = [];
  // Planning a version is the longest single step; it starts a slice of its own so that a slice
  // almost used up plus a plan never runs past 50 ms without the editor getting a turn.
  await pause(true);
  const { source, plan, flags } = planVersion(master.snapshot, { width: record.width, height: record.height }, record.texts, kit, master.roles);
  await pause();
  const sourceById = byId(source);
  const work: { planned: SnapshotNode; host: HostLayer; before: SnapshotNode; source: SnapshotNode; ctx: ApplyContext; offset: { x: number; y: number }; parent: SnapshotNode | null }[] = [];
  const additions: { planned: SnapshotNode; offset: { x: number; y: number }; parent: SnapshotNode }[] = [];
  const fresh = new Set<string>();
  walkSnapshot(plan.snapshot, (planned, offset, parent) => {
    const versionId = versionOf.get(planned.id);
    if (!versionId) {
      // A layer new in the master comes with its children; only the top one is added.
      fresh.add(planned.id);
      if (parent && !fresh.has(parent.id)) additions.push({ planned, offset, parent });
      return;
    }
    const host = hosts.get(versionId)!;
    const before = currentById.get(versionId)!;
    const source = sourceById.get(planned.id)!;
    const parts = edits.get(versionId) ?? new Set<LayerPart>();
    // What the plan asks differently from last time: the master's changes, the kit's, a new layout.
    // Parts the plan still asks the same of are left as they are, with any fix the plugin made.
    const plannedBefore = record.layers[versionId]![2];
    const planChanged = plannedBefore ? changedParts(plannedBefore, layerHash(planned)) : new Set(layerParts);
    if (parts.size && versionId !== version.id) keptEdits.push(`"${host.name}" in "${version.name}"`);
    // Where the plan changed a part the person changed too, the person's edit stays and is listed.
    const clashing = plannedBefore ? layerParts.filter((part) => parts.has(part) && planChanged.has(part)) : [];
    if (clashing.length) {
      const words = clashing.map((part) => partNames[part]).join(' and ');
      conflicts.push(`"${host.name}" in "${version.name}": kept your ${words}; the master's ${words} changed too`);
      conflictActions.push(`Kept your ${words} in "${host.name}"; the master's ${words} changed too.`);
    }
    const kept = new Set(layerParts.filter((part) => parts.has(part) || !planChanged.has(part)));
    if (kept.size === layerParts.length) return;
    if (!kept.size) work.push({ planned, host, before, source, ctx: master.ctx, offset, parent });
    // Only a person's own styling overrides the master's runs; unchanged styling follows the master's words.
    else work.push({ planned: keepParts(planned, before, kept), host, before, ...keepStyle(host, source, before, parts, master.ctx), offset, parent });
  });
  for (const item of work) {
    await applyLayer(item.host, item.planned, item.before, item.source, item.offset, item.parent, item.ctx);
    await pause();
  }
  const layers: Record<string, LayerEntry> = {};
  let added = 0;
  // What this version's instances kept from the update, for its "What changed".
  const leftOut = new Map<string, number>();
  const keptIn = new Map<string, number>();
  for (const addition of additions) {
    const parentHost = hosts.get(versionOf.get(addition.parent.id) ?? '');
    const instance = parentHost && instanceAround(parentHost);
    if (instance) {
      refused.added++;
      refused.instances.add(instance.name);
      leftOut.set(instance.name, (leftOut.get(instance.name) ?? 0) + 1);
      continue;
    }
    const copied = await addLayer(env, addition, hosts, versionOf, master, sourceById);
    if (copied) {
      Object.assign(layers, copied);
      added++;
    }
    await pause();
  }
  if (added) notices.add(`Added ${added} layer(s) that are new in the master.`);
  const plannedById = byId(plan.snapshot);
  const plannedIds = new Set(plannedById.keys());
  for (const [versionId, stored] of Object.entries(record.layers)) {
    const [masterId] = stored;
    const host = hosts.get(versionId);
    if (!host) continue;
    if (!plannedIds.has(masterId) && !edits.has(versionId)) {
      const instance = host.parent && instanceAround(host.parent);
      if (!instance) {
        host.remove();
        continue;
      }
      // Kept in the record, so a later update tries again once the main component lets it go.
      refused.kept++;
      refused.instances.add(instance.name);
      keptIn.set(instance.name, (keptIn.get(instance.name) ?? 0) + 1);
    }
    layers[versionId] = stored;
  }
  // Fresh hashes for what was rewritten; the parts a person edited keep their old hash so they stay theirs.
  await pause();
  const written = readSnapshot(version, env.host.mixed);
  // Kept in tree order, so a copy of this version can be matched layer by layer.
  const ordered: Record<string, LayerEntry> = {};
  walkSnapshot({ ...written, x: 0, y: 0 }, (node) => {
    const entryNow = layers[node.id];
    if (!entryNow) return;
    const planned = plannedById.get(entryNow[0]);
    ordered[node.id] = [entryNow[0], mergeHash(entryNow[1], layerHash(node), edits.get(node.id) ?? new Set()), planned ? layerHash(planned) : (entryNow[2] ?? '')];
  });
  const instanceActions = [
    ...[...leftOut].map(([name, count]) => `Left ${count} layer(s) new in the master out of the instance "${name}": its main component decides its layers.`),
    ...[...keptIn].map(([name, count]) => `Kept ${count} layer(s) the master no longer has in the instance "${name}": its main component decides its layers.`),
  ];
  return { ...record, masterHash: master.hash, layers: ordered, actions: [...plan.actions, ...instanceActions, ...conflictActions], flags, kitVersion: kit ? `${kit.name}@${kit.version}` : record.kitVersion, updatedAt: env.now().toISOString() };
}

/** The planned layer with the parts a person edited taken from the layer as it is now. */
export function keepParts(planned: SnapshotNode, now: SnapshotNode, parts: ReadonlySet<LayerPart>): SnapshotNode {
  const out = { ...planned } as SnapshotNode & Record<string, unknown>;
  const from = now as SnapshotNode & Record<string, unknown>;
  const take = (keys: readonly string[]) => keys.forEach((key) => (key in from ? (out[key] = from[key]) : delete out[key]));
  if (parts.has('box')) take(['x', 'y', 'width', 'height', 'rotation', 'textAutoResize', 'textAlignHorizontal']);
  if (parts.has('look')) take(['name', 'visible', 'locked', 'opacity', 'constraints', 'clipsContent', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'itemSpacing']);
  if (parts.has('fill')) take(['fills']);
  if (out.type === 'text' && now.type === 'text') {
    // Runs are placed in the words they style, so kept words keep their runs, sized as planned.
    if (parts.has('text') && out.characters !== now.characters) {
      const scale = parts.has('font') || !now.fontSize ? 1 : out.fontSize / now.fontSize;
      out.characters = now.characters;
      out.segments = now.segments?.map((run) => (run.fontSize ? { ...run, fontSize: run.fontSize * scale } : run));
    }
    if (parts.has('font')) take(['fontFamily', 'fontStyle', 'fontSize', 'lineHeight', 'letterSpacing', ...(out.characters === now.characters ? ['segments'] : [])]);
  }
  return out;
}

const fontFields = ['fontName', 'fontSize'] as const;

/**
 * For a text layer whose font or colour a person changed, the copy swap must not restyle it: the
 * master's runs go without those fields, or, when both are the person's, the layer's own runs
 * follow its words into the new copy.
 */
function keepStyle(host: HostLayer, source: SnapshotNode, now: SnapshotNode, kept: ReadonlySet<LayerPart>, ctx: ApplyContext): { source: SnapshotNode; ctx: ApplyContext } {
  const font = kept.has('font');
  const fill = kept.has('fill');
  if (!(font || fill) || source.type !== 'text' || now.type !== 'text' || !isText(host) || host.hasMissingFont) return { source, ctx };
  let runs: HostSegment[];
  let characters: string;
  if (font && fill) {
    runs = host.characters.length ? host.getStyledTextSegments(styleFields) : [];
    characters = host.characters;
  } else {
    const masterRuns = ctx.masterText.get(source.id);
    const drop = new Set<string>(font ? fontFields : ['fills']);
    runs = (masterRuns?.runs ?? []).map((run) => Object.fromEntries(Object.entries(run).filter(([key]) => !drop.has(key))) as unknown as HostSegment);
    characters = masterRuns?.characters ?? host.characters;
  }
  const style = { ...(font ? { fontFamily: now.fontFamily, fontStyle: now.fontStyle } : {}), ...(fill ? { fills: now.fills } : {}), ...(font && fill ? { segments: now.segments } : {}) };
  return {
    source: { ...source, ...style } as SnapshotNode,
    ctx: { ...ctx, masterText: new Map([...ctx.masterText, [source.id, { characters, runs }]]) },
  };
}

/**
 * Copies a layer that is new in the master into the version, under the matching parent and after
 * the siblings that precede it in the master, then fits it to the version's plan.
 */
async function addLayer(
  env: PluginEnv,
  addition: { planned: SnapshotNode; offset: { x: number; y: number }; parent: SnapshotNode },
  hosts: ReadonlyMap<string, HostLayer>,
  versionOf: ReadonlyMap<string, string>,
  master: MasterState,
  sourceById: ReadonlyMap<string, SnapshotNode>,
): Promise<Record<string, LayerEntry> | null> {
  const { planned, offset, parent } = addition;
  const parentHost = hosts.get(versionOf.get(parent.id) ?? '') as (HostLayer & { insertChild(index: number, child: HostSceneNode): void }) | undefined;
  const masterNode = await env.host.getNodeByIdAsync(planned.id);
  if (!parentHost || !('insertChild' in parentHost) || !masterNode || !isLayer(masterNode) || parent.type === 'text' || parent.type === 'shape' || parent.type === 'image') return null;
  const siblings = parent.children;
  const before = siblings.slice(0, siblings.indexOf(planned)).filter((sibling) => versionOf.has(sibling.id)).length;
  const copy = isFrameLike(masterNode) ? copyOfMaster(masterNode) : masterNode.clone();
  parentHost.insertChild(before, copy);
  const masterById = byId(master.snapshot);
  const layers: Record<string, LayerEntry> = {};
  const pairs: { node: SnapshotNode; host: HostLayer; offset: { x: number; y: number }; parent: SnapshotNode | null }[] = [];
  zipLayers(planned, copy, (node, host, at, up) => pairs.push({ node, host, offset: at, parent: up }), offset, parent);
  for (const pair of pairs) {
    await applyLayer(pair.host, pair.node, masterById.get(pair.node.id)!, sourceById.get(pair.node.id)!, pair.offset, pair.parent, master.ctx);
    layers[pair.host.id] = [pair.node.id, ''];
  }
  return layers;
}

/**
 * The record with this version's own layer ids. A version duplicated in Figma carries its source's
 * plugin data, with the source's ids; its layers are the same tree, so they are matched in tree
 * order. A copy whose tree has changed since cannot be matched safely (null).
 */
export function ownRecord(record: VersionRecord, versionId: string, treeOrder: readonly string[]): VersionRecord | null {
  if (versionId in record.layers) return record;
  const entries = Object.values(record.layers);
  if (entries.length !== treeOrder.length) return null;
  return { ...record, layers: Object.fromEntries(treeOrder.map((id, index) => [id, entries[index]!])) };
}

/** "Update versions from master": one undo step, in slices with progress. */
export async function updateVersions(env: PluginEnv, scope: 'selection' | 'all'): Promise<{ updated: number; keptEdits: string[]; conflicts: string[]; versions: VersionSummary[]; notices: string[]; cancelled: boolean }> {
  const entries = await versionsInScope(env, scope);
  if (!entries.length)
    throw new RpcFailure('no_versions', scope === 'selection' ? 'Select versions, their master or their section to update them.' : 'There are no versions on this file yet.');
  const kit = readKit(env.host);
  const masters = new Map<string, MasterState | null>();
  const fonts = new FontLoader(env.host);
  const keptEdits: string[] = [];
  const conflicts: string[] = [];
  const notices = new Set<string>();
  const versions: VersionSummary[] = [];
  const orphans = new Map<string, number>();
  const refused: InstanceRefusals = { added: 0, kept: 0, instances: new Set() };
  const batch = startBatch(env, 'Updating versions', entries.length);
  try {
    for (const entry of entries) {
      const { record, node } = entry;
      if (!masters.has(record.masterId)) {
        const master = await env.host.getNodeByIdAsync(record.masterId);
        if (master && isFrameLike(master) && !master.removed) {
          const snapshot = readSnapshot(master, env.host.mixed);
          masters.set(record.masterId, { snapshot, roles: readRoleOverrides(snapshot, master), hash: masterHash(snapshot), ctx: { fonts, masterText: masterTextRuns(snapshot, master), skipped: new Set(), missing: new Set(), preloaded: false } });
        } else masters.set(record.masterId, null);
        // Reading a master is a stretch of its own; yield before the version's work starts another.
        await batch.pause(versions.length);
      }
      const master = masters.get(record.masterId);
      if (!master) orphans.set(record.masterName, (orphans.get(record.masterName) ?? 0) + 1);
      else if (node.locked) keptEdits.push(`"${node.name}" (locked)`);
      else {
        try {
          const next = await updateOne(env, entry, master, kit, keptEdits, conflicts, notices, refused, (force) => batch.pause(versions.length, force));
          if (next) {
            writeRecord(node, next);
            versions.push(summarize(node.id, node.name, next, false));
            await batch.pause(versions.length);
          }
        } catch (error) {
          // Figma refuses some edits (a layer inside an instance cannot be removed); the rest go on.
          notices.add(`Could not finish updating "${node.name}": ${(error as Error).message}`);
        }
      }
      if (!(await batch.next(entries.indexOf(entry) + 1))) break;
    }
  } finally {
    endBatch(env, batch);
  }
  for (const master of masters.values()) master?.ctx.skipped.forEach((name) => notices.add(`Left "${name}" as it was, copy and size: a font is missing on this machine.`));
  orphans.forEach((count, name) => notices.add(`The master "${name}" is gone, so its ${count} version(s) were left as they are.`));
  const instances = [...refused.instances].map((name) => `"${name}"`).join(', ');
  const why = 'an instance takes its layers from its main component.';
  if (refused.added) notices.add(`Left ${refused.added} layer(s) new in the master out of instances (${instances}): ${why}`);
  if (refused.kept) notices.add(`Kept ${refused.kept} layer(s) the master no longer has inside instances (${instances}): ${why}`);
  if (versions.length) env.host.commitUndo();
  env.host.notify(`Updated ${versions.length} version${versions.length === 1 ? '' : 's'} from the master${keptEdits.length ? `; kept ${keptEdits.length} edit(s)` : ''}.`);
  return { updated: versions.length, keptEdits, conflicts, versions, notices: [...notices], cancelled: batch.cancelled };
}
