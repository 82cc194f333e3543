import { inferRoles, layoutRoles, roleFromName, type LayoutRole, type RoleOverrides } from '@onbrand/shared/layout';
import { RpcFailure } from '@onbrand/shared/rpc';
import type { CreativeSnapshot } from '@onbrand/shared/visual';
import type { LayerRole } from '../contract';
import { selectedMasters, type PluginEnv } from './context';
import type { HostFrame, HostLayer } from './host';
import { readKit } from './kit-store';
import { readStored, writeStored } from './plugin-store';
import { readSnapshot, zipLayers } from './snapshot';

// A designer's role corrections live on the master's own layers (plugin data), so they travel with
// the file and every later resize of that master uses them.

/** The shared-plugin-data key (namespace `onbrand`) that holds a layer's role, set by the designer. */
export const roleKey = 'role';
/** Where earlier versions kept a role, in private plugin data tied to the plugin's id. */
const legacyRoleKey = 'onbrand-role';

/** The designer's role corrections on a master: one plugin-data read per layer. */
export function readRoleOverrides(snapshot: CreativeSnapshot, master: HostFrame): RoleOverrides {
  const out: Record<string, LayoutRole> = {};
  const known = new Set<string>(layoutRoles);
  zipLayers(snapshot, master, (node, host) => {
    const role = readStored(host, roleKey, legacyRoleKey);
    if (role && known.has(role)) out[node.id] = role as LayoutRole;
  });
  return out;
}

/** Each layer of the selected master with the role the resize reads, and whether the designer set it. */
export function listRoles(env: PluginEnv): { masterId: string; masterName: string; layers: LayerRole[] } {
  const { masters } = selectedMasters(env.host);
  const master = masters[0]!;
  const snapshot = readSnapshot(master, env.host.mixed);
  const overrides = readRoleOverrides(snapshot, master);
  const kit = readKit(env.host);
  const pattern = kit?.visual?.logo.namePattern ?? '#logo';
  const roles = inferRoles(snapshot, { overrides, logoPattern: pattern });
  const layers: LayerRole[] = [];
  const walk = (node: CreativeSnapshot['children'][number], depth: number) => {
    const role = roles.get(node.id);
    if (role) layers.push({ id: node.id, name: node.name, depth, role, set: node.id in overrides, named: roleFromName(node.name, pattern) === role });
    if (node.type === 'frame' || node.type === 'group') for (const child of node.children) walk(child, depth + 1);
  };
  for (const child of snapshot.children) walk(child, 0);
  return { masterId: master.id, masterName: master.name, layers };
}

/** Sets or clears (null) a layer's role on the master; one undo step. */
export async function setRole(env: PluginEnv, input: { nodeId: string; role: LayoutRole | null }): Promise<{ ok: true }> {
  const node = await env.host.getNodeByIdAsync(input.nodeId);
  if (!node || node.removed || !('visible' in node)) throw new RpcFailure('not_found', 'That layer is gone; pick the master again.');
  writeStored(node as HostLayer, roleKey, input.role ?? '', `the role of "${node.name}"`, legacyRoleKey);
  env.host.commitUndo();
  return { ok: true };
}

