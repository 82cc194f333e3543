import type { BrandKit } from '@onbrand/shared/kit';
import { isSafeFix, lintText } from '@onbrand/shared/lint';
import { RpcFailure } from '@onbrand/shared/rpc';
import { allNodes, auditLayout, resizeOptionsFromKit } from '@onbrand/shared/layout';
import { brandFitScore, checkCreative, type CreativeSnapshot, type SnapshotNode } from '@onbrand/shared/visual';
import type { CheckedFrame, CheckFinding } from '../contract';
import { endBatch, startBatch, type PluginEnv } from './context';
import { isFrameLike, type HostFrame } from './host';
import { kitInfo, readKit, type KitInfo } from './kit-store';
import { readSnapshot, textLayersOf } from './snapshot';
import { readRecord, readSections, sectionOf, versionsIn } from './versions';
import { sentenceAround, withoutIgnored } from '@onbrand/shared/governance';
import { ignoreFinding as dismissFinding, readIgnored } from './governance';

/** Masters read once per check, by id (null when the master is gone). */
export type MasterCache = Map<string, CreativeSnapshot | null>;

/**
 * The layout audit of a version against its master, in the version's own layer ids so each finding
 * selects its layer. The version record maps version layers to master layers; a frame without one
 * (a master, a hand-made frame) has no layout to audit.
 */
async function layoutFindings(frame: HostFrame, snapshot: CreativeSnapshot, kit: BrandKit | null, env: { host: PluginEnv['host']; masters: MasterCache }): Promise<CheckFinding[]> {
  const record = readRecord(frame);
  if (!record) return [];
  if (!env.masters.has(record.masterId)) {
    const node = await env.host.getNodeByIdAsync(record.masterId);
    env.masters.set(record.masterId, node && !node.removed && isFrameLike(node as HostFrame) ? readSnapshot(node as HostFrame, env.host.mixed) : null);
  }
  const master = env.masters.get(record.masterId);
  if (!master) return [];
  const toMaster = new Map(Object.entries(record.layers).map(([versionId, [masterId]]) => [versionId, masterId]));
  const toVersion = new Map([...toMaster].map(([versionId, masterId]) => [masterId, versionId]));
  const relabel = (node: SnapshotNode): SnapshotNode => {
    const id = toMaster.get(node.id) ?? node.id;
    return node.type === 'frame' || node.type === 'group' ? ({ ...node, id, children: node.children.map(relabel) } as SnapshotNode) : { ...node, id };
  };
  const options = resizeOptionsFromKit(kit?.visual, snapshot.width, snapshot.height);
  const findings = auditLayout(relabel({ ...snapshot, x: 0, y: 0 }) as CreativeSnapshot, master, {
    ...(options.minTextSize === undefined ? {} : { minTextSize: options.minTextSize }),
    ...(options.logoPattern ? { logoPattern: options.logoPattern } : {}),
  });
  return findings.map((finding, index) => ({
    id: `${frame.id}/a${index}`,
    rule: `layout.${finding.kind}`,
    severity: finding.kind === 'overlap' || finding.kind === 'outside-frame' || finding.kind === 'missing' ? ('error' as const) : ('warning' as const),
    message: finding.message,
    nodeId: toVersion.get(finding.nodeIds[0]!) ?? frame.id,
    nodeName: finding.nodeName,
    match: finding.nodeName,
    sentence: finding.message,
  }));
}

/** Checks one frame: the kit's visual rules, and its text rules on every text layer; `pause` lets Figma breathe between layers. */
export async function checkFrame(
  frame: HostFrame,
  kit: BrandKit | null,
  mixed: PluginEnv['host']['mixed'],
  pause: () => Promise<void> = async () => {},
  layout?: { host: PluginEnv['host']; masters: MasterCache },
): Promise<CheckedFrame> {
  const snapshot = readSnapshot(frame, mixed);
  await pause();
  const visual = checkCreative(snapshot, kit ?? {});
  await pause();
  const findings: CheckFinding[] = visual.map((finding, index) => ({
    id: `${frame.id}/v${index}`,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    nodeId: finding.node.id,
    nodeName: finding.node.name,
    match: finding.node.name,
    sentence: finding.message,
    ...(finding.fix ? { fix: finding.fix } : {}),
    ...(finding.safe === undefined ? {} : { safe: finding.safe }),
  }));
  if (kit) {
    for (const text of textLayersOf(snapshot)) {
      if (!text.visible) continue;
      await pause();
      lintText(text.characters, kit).findings.forEach((finding, index) => {
        const replacement = finding.suggestions[0];
        findings.push({
          id: `${frame.id}/${text.id}/t${index}`,
          rule: finding.rule,
          severity: finding.severity,
          message: finding.message,
          nodeId: text.id,
          nodeName: text.name,
          match: finding.match,
          sentence: sentenceAround(text.characters, finding.start, finding.end),
          ...(replacement !== undefined ? { fix: { kind: 'text' as const, nodeId: text.id, start: finding.start, end: finding.end, match: finding.match, replacement }, safe: isSafeFix(finding) } : {}),
        });
      });
    }
  }
  // A version is also held to the layout audit: overlaps, spills, small text, a tiny logo, a missing headline or CTA.
  if (layout) findings.push(...(await layoutFindings(frame, snapshot, kit, layout)));
  const layers = allNodes(snapshot).filter((node) => node.visible).length;
  return { id: frame.id, name: frame.name, width: frame.width, height: frame.height, score: brandFitScore(findings, layers), findings };
}

/** The frames to check: the selection, or every version the plugin made on this file. */
async function targets(env: PluginEnv, scope: 'selection' | 'versions'): Promise<HostFrame[]> {
  if (scope === 'selection') {
    const selection = env.host.currentPage.selection;
    if (!selection.length) throw new RpcFailure('no_selection', 'Select the frames to check, or check all versions.');
    const frames = selection.filter(isFrameLike);
    if (!frames.length) throw new RpcFailure('not_a_frame', `"${selection[0]!.name}" is not a frame. Select frames or versions to check.`);
    return frames;
  }
  const frames: HostFrame[] = [];
  for (const masterId of Object.keys(readSections(env.host))) {
    const section = await sectionOf(env.host, masterId);
    if (section) frames.push(...versionsIn(section).map((entry) => entry.node));
  }
  if (!frames.length) throw new RpcFailure('no_versions', 'There are no versions to check yet. Generate some first, or check the selection.');
  return frames;
}

/** Runs the brand check in slices, so a long list of versions never freezes Figma. */
export async function checkBrand(env: PluginEnv, scope: 'selection' | 'versions'): Promise<{ frames: CheckedFrame[]; kit: KitInfo | null; notices: string[]; cancelled: boolean }> {
  const frames = await targets(env, scope);
  const batch = startBatch(env, 'Checking', frames.length);
  const checked: CheckedFrame[] = [];
  let kit: BrandKit | null = null;
  try {
    kit = readKit(env.host);
    // Compiling the kit's rules is the one long step of a check; let Figma breathe after it.
    if (kit) lintText('', kit);
    await batch.pause(0);
    const masters: MasterCache = new Map();
    for (const frame of frames) {
      checked.push(await checkFrame(frame, kit, env.host.mixed, () => batch.pause(checked.length), { host: env.host, masters }));
      if (!(await batch.next(checked.length))) break;
    }
  } finally {
    endBatch(env, batch);
  }
  const notices = kit ? [] : ['No brand kit is set for this file, so only contrast is checked. Import one under Kit.'];
  // Findings a designer dismissed for this very text stay out; the notice says how many.
  const ignored = readIgnored(env.host);
  let dismissed = 0;
  for (const frame of checked) {
    const kept = withoutIgnored(frame.findings, ignored, (f) => f);
    frame.findings = kept.findings;
    dismissed += kept.ignored;
  }
  if (dismissed) notices.push(`${dismissed} finding${dismissed === 1 ? ' was' : 's were'} ignored with a reason (see the audit log); ${dismissed === 1 ? 'it comes' : 'they come'} back if the text changes.`);
  const count = checked.reduce((sum, frame) => sum + frame.findings.length, 0);
  env.host.notify(`${batch.cancelled ? 'Check cancelled. ' : ''}${count} finding${count === 1 ? '' : 's'} in ${checked.length} frame${checked.length === 1 ? '' : 's'}.`);
  return { frames: checked, kit: kitInfo(kit), notices, cancelled: batch.cancelled };
}

/** Dismisses one finding of a frame: the frame is checked again so the finding (and its severity) is the kit's, not the UI's. */
export async function ignoreFrameFinding(env: PluginEnv, frameId: string, findingId: string, reason: string): Promise<{ ignored: boolean; message: string }> {
  const node = await env.host.getNodeByIdAsync(frameId);
  if (!node || node.removed || !isFrameLike(node)) return { ignored: false, message: 'That frame is no longer in this file. Check again.' };
  const checked = await checkFrame(node, readKit(env.host), env.host.mixed, undefined, { host: env.host, masters: new Map() });
  const finding = checked.findings.find((f) => f.id === findingId);
  if (!finding) return { ignored: false, message: 'That finding is no longer there. Check again.' };
  return dismissFinding(env, finding, reason);
}
