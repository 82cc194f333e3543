import type { BrandKit } from '@onbrand/shared/kit';
import { defaultNameTemplate, layoutGrid, parseSize, renderVersionName, type MeasuredText, type RoleOverrides, type Size } from '@onbrand/shared/layout';
import { RpcFailure } from '@onbrand/shared/rpc';
import type { CreativeSnapshot, SnapshotNode } from '@onbrand/shared/visual';
import type { CopySource, VersionSummary } from '../contract';
import { applyLayer, byId, type ApplyContext } from './apply';
import { endBatch, selectedMasters, startBatch, type PluginEnv } from './context';
import { copyRowsBySize, type CopyRow } from './copy-rows';
import type { FigmaHost, HostFrame, HostLayer, HostSection, HostSegment, HostText } from './host';
import { readKit } from './kit-store';
import { planVersion, refineVersion } from './plan-version';
import { readRoleOverrides } from './roles';
import { readSnapshot, slotName, textLayersOf, zipLayers } from './snapshot';
import { FontLoader, styleFields } from './text';
import { logGenerated } from './governance';
import { copyOfMaster, hashesById, layerHash, masterHash, readSections, summarize, versionsIn, writeRecord, writeSections, type LayerEntry, type VersionRecord } from './versions';

/** Space between versions in a section, and around them. */
export const gridGap = 80;
/** Space between a master (or its neighbours) and its section. */
const sectionGap = 200;

export interface GenerateInput {
  sizes: string[];
  copy: CopySource;
  nameTemplate?: string | undefined;
}

/** Reads sizes such as `728x90`, naming each bad one; zero, negative and over-4096 sizes are refused. */
export function readSizes(texts: readonly string[]): Size[] {
  if (!texts.length) throw new RpcFailure('no_sizes', 'Pick at least one size.');
  const sizes: Size[] = [];
  const problems: string[] = [];
  texts.forEach((text) => {
    const parsed = parseSize(text, text);
    if (parsed.ok) sizes.push(parsed.value);
    else problems.push(...parsed.issues.map((issue) => `${issue.path}: ${issue.message}`));
  });
  if (problems.length) throw new RpcFailure('bad_size', `Some sizes cannot be used. ${problems.join('; ')}.`);
  return sizes;
}

/** Checks a name template before anything is made. */
export function checkTemplate(template: string): void {
  const checked = renderVersionName(template, {});
  if (!checked.ok) throw new RpcFailure('bad_template', `The naming template cannot be used: ${checked.issues.map((issue) => issue.message).join('; ')}.`);
}

/** The master's text layers by id, with their copy and every styled run (read once per operation). */
export function masterTextRuns(snapshot: CreativeSnapshot, master: HostFrame): Map<string, { characters: string; runs: HostSegment[] }> {
  const out = new Map<string, { characters: string; runs: HostSegment[] }>();
  zipLayers(snapshot, master, (node, host) => {
    if (node.type === 'text' && host.type === 'TEXT') {
      const text = host as HostText;
      out.set(node.id, { characters: text.characters, runs: text.characters.length ? text.getStyledTextSegments(styleFields) : [] });
    }
  });
  return out;
}

/** Loads the fonts of every text layer in the master; the names of layers with a missing font come back. */
export async function preloadFonts(fonts: FontLoader, snapshot: CreativeSnapshot, master: HostFrame): Promise<{ missing: Set<string>; names: string[] }> {
  const texts: { id: string; host: HostText }[] = [];
  zipLayers(snapshot, master, (node, host) => {
    if (node.type === 'text' && host.type === 'TEXT') texts.push({ id: node.id, host: host as HostText });
  });
  const missing = new Set<string>();
  const names: string[] = [];
  for (const { id, host } of texts) {
    if (!(await fonts.ready(host))) {
      missing.add(id);
      names.push(host.name);
    }
  }
  return { missing, names };
}

async function findOrMakeSection(host: FigmaHost, master: HostFrame): Promise<HostSection> {
  const sections = readSections(host);
  const existing = sections[master.id] ? await host.getNodeByIdAsync(sections[master.id]!) : null;
  if (existing && existing.type === 'SECTION' && !existing.removed) return existing as HostSection;
  // Right of everything that shares the master's row on the page (top-level layers only, no page walk).
  const top = master.y;
  const bottom = master.y + master.height;
  let x = master.x + master.width + sectionGap;
  for (const node of host.currentPage.children) {
    if (node.id === master.id || !('x' in node)) continue;
    const box = node as unknown as { x: number; y: number; width: number; height: number };
    if (box.y < bottom && box.y + box.height > top && box.x + box.width > master.x) x = Math.max(x, box.x + box.width + sectionGap);
  }
  const section = host.createSection();
  section.name = `${master.name} — versions`;
  section.x = x;
  section.y = master.y;
  writeSections(host, { ...sections, [master.id]: section.id });
  return section;
}

/** Lays the section's versions out in a tidy grid, writing only positions that change. */
export function arrangeSection(section: HostSection): void {
  const frames = section.children.filter((child): child is HostLayer & HostFrame => child.type === 'FRAME' || child.type === 'COMPONENT' || child.type === 'INSTANCE');
  const grid = layoutGrid(frames.map((frame) => ({ width: frame.width, height: frame.height })), gridGap);
  frames.forEach((frame, index) => {
    const cell = grid.cells[index]!;
    if (frame.x !== gridGap + cell.x) frame.x = gridGap + cell.x;
    if (frame.y !== gridGap + cell.y) frame.y = gridGap + cell.y;
  });
  const width = grid.width + 2 * gridGap;
  const height = grid.height + 2 * gridGap;
  if (section.width !== width || section.height !== height) section.resizeWithoutConstraints(Math.max(width, 1), Math.max(height, 1));
}

interface MasterJob {
  master: HostFrame;
  snapshot: CreativeSnapshot;
  section?: HostSection;
  cells: { size: Size; row: CopyRow }[];
  ctx: ApplyContext;
  hash: string;
  mixed: FigmaHost['mixed'];
  masterById: Map<string, SnapshotNode>;
  /** The designer's role corrections on the master's layers. */
  roles: RoleOverrides;
}

/** Makes one version: clone, place, apply the plan, name it and record where it came from. */
async function makeVersion(job: MasterJob, size: Size, row: CopyRow, kit: BrandKit | null, template: string, index: number, updatedAt: string, pause: (force?: boolean) => Promise<void>): Promise<VersionSummary> {
  const section = job.section!;
  // Planning is the longest single step; a slice of its own keeps every stretch under 50 ms.
  await pause(true);
  const planned = planVersion(job.snapshot, size, row.texts, kit, job.roles);
  await pause();
  const clone = copyOfMaster(job.master);
  try {
    section.appendChild(clone);
    return await fillVersion(job, clone, size, row, kit, template, index, updatedAt, planned, pause);
  } catch (error) {
    // A version that failed half-way is taken away, so the section holds only whole versions.
    clone.remove();
    throw error;
  }
}

/** Brings a fresh clone to its plan, layer by layer, then names it and writes its record. */
async function fillVersion(job: MasterJob, clone: HostFrame, size: Size, row: CopyRow, kit: BrandKit | null, template: string, index: number, updatedAt: string, planned: ReturnType<typeof planVersion>, pause: () => Promise<void>): Promise<VersionSummary> {
  const { master, ctx } = job;
  const sourceById = byId(planned.source);
  // A fresh clone holds exactly the master.
  const texts = await applyPlan(planned.plan.snapshot, clone, job.masterById, sourceById, ctx, pause);
  // Figma has now set every text in its real font: read the sizes back once and let the core adjust the plan.
  const measured: Record<string, MeasuredText> = {};
  for (const { planned: text, host } of texts) measured[text.id] = { width: host.width, height: host.height };
  const refined = refineVersion(planned, measured, row.texts);
  if (refined !== planned) await applyPlan(refined.plan.snapshot, clone, byId(planned.plan.snapshot), sourceById, ctx, pause);
  const { plan, flags } = refined;
  await pause();
  const name = renderVersionName(template, { master: master.name, w: size.width, h: size.height, variant: row.variant, locale: row.locale, n: index + 1 });
  clone.name = name.ok ? name.value : `${master.name}/${size.width}x${size.height}`;
  const record: VersionRecord = {
    schema: 1,
    masterId: master.id,
    masterName: master.name,
    width: size.width,
    height: size.height,
    variant: row.variant,
    locale: row.locale,
    texts: row.texts,
    kitVersion: kit ? `${kit.name}@${kit.version}` : '',
    provenance: row.provenance,
    nameTemplate: template,
    masterHash: job.hash,
    layers: hashLayers(plan.snapshot, clone, job.mixed),
    actions: plan.actions,
    flags,
    updatedAt,
  };
  writeRecord(clone, record);
  clone.setRelaunchData({ update: 'Re-apply changes from the master; layers you edited stay as they are' });
  return summarize(clone.id, clone.name, record, false);
}

/** Brings the clone's layers to `snapshot` (`before` is what they hold now); returns the visible text layers. */
async function applyPlan(snapshot: CreativeSnapshot, clone: HostFrame, before: Map<string, SnapshotNode>, sourceById: Map<string, SnapshotNode>, ctx: ApplyContext, pause: () => Promise<void>): Promise<{ planned: SnapshotNode; host: HostLayer }[]> {
  const pairs: { planned: SnapshotNode; host: HostLayer; offset: { x: number; y: number }; parent: SnapshotNode | null }[] = [];
  zipLayers(snapshot, clone, (planned, host, offset, parent) => pairs.push({ planned, host, offset, parent }));
  for (const pair of pairs) {
    await applyLayer(pair.host, pair.planned, before.get(pair.planned.id)!, sourceById.get(pair.planned.id)!, pair.offset, pair.parent, ctx);
    await pause();
  }
  return pairs.filter((pair) => pair.planned.type === 'text' && pair.planned.visible && pair.host.type === 'TEXT');
}

/**
 * Version layer id → [master layer id, its content hash as written, the hash of its plan]. The
 * written hash is taken from the layers read back, so an update compares like with like.
 */
export function hashLayers(planned: SnapshotNode, version: HostFrame, mixed: FigmaHost['mixed']): Record<string, LayerEntry> {
  const hashes = hashesById(version, mixed);
  const out: Record<string, LayerEntry> = {};
  zipLayers(planned, version, (node, host) => {
    out[host.id] = [node.id, hashes.get(host.id) ?? '', layerHash(node)];
  });
  return out;
}

/** Generates sizes × variants × locales for each selected master, into a section beside it. One undo step. */
export async function generateVersions(env: PluginEnv, input: GenerateInput): Promise<{ versions: VersionSummary[]; skippedFonts: string[]; notices: string[]; cancelled: boolean }> {
  const { host } = env;
  const sizes = readSizes(input.sizes);
  const template = input.nameTemplate?.trim() || defaultNameTemplate;
  checkTemplate(template);
  const { masters, notices } = selectedMasters(host);
  // The batch starts before the reading, so reading a large master yields to Figma too.
  const batch = startBatch(env, 'Generating versions', 0);
  const jobs: MasterJob[] = [];
  const versions: VersionSummary[] = [];
  const skipped = new Set<string>();
  let done = 0;
  try {
    const kit = readKit(host);
    const createdAt = env.now().toISOString();
    const fonts = new FontLoader(host);
    for (const master of masters) {
      await batch.pause(0);
      const snapshot = readSnapshot(master, host.mixed);
      const masterTexts: Record<string, string> = {};
      for (const text of textLayersOf(snapshot)) {
        const slot = slotName(text.name);
        if (slot && !(slot in masterTexts)) masterTexts[slot] = text.characters;
      }
      const copy = copyRowsBySize(input.copy, sizes, input.sizes, new Set(Object.keys(masterTexts)), createdAt);
      notices.push(...copy.notices);
      const preloaded = await preloadFonts(fonts, snapshot, master);
      const ctx: ApplyContext = { fonts, masterText: masterTextRuns(snapshot, master), skipped: new Set(preloaded.names), missing: preloaded.missing, preloaded: true };
      jobs.push({ master, snapshot, roles: readRoleOverrides(snapshot, master), masterById: byId(snapshot), mixed: host.mixed, cells: sizes.flatMap((size, at) => copy.rowsBySize[at]!.map((row) => ({ size, row }))), ctx, hash: masterHash(snapshot) });
    }
    // Everything is checked; only now does the document change.
    for (const job of jobs) job.section = await findOrMakeSection(host, job.master);
    batch.total = jobs.reduce((sum, job) => sum + job.cells.length, 0);
    await batch.pause(0);
    outer: for (const job of jobs) {
      const existing = versionsIn(job.section!).length;
      for (const [index, cell] of job.cells.entries()) {
        try {
          versions.push(await makeVersion(job, cell.size, cell.row, kit, template, existing + index, createdAt, (force) => batch.pause(done, force)));
        } catch (error) {
          notices.push(`Could not make ${cell.size.width}×${cell.size.height}${cell.row.variant ? ` ${cell.row.variant}` : ''}: ${(error as Error).message}`);
        }
        if (!(await batch.next(++done))) break outer;
      }
      job.ctx.skipped.forEach((name) => skipped.add(name));
    }
  } finally {
    endBatch(env, batch);
  }
  for (const job of jobs) arrangeSection(job.section!);
  await logGenerated(env, versions);
  host.commitUndo();
  if (skipped.size) notices.push(`Left ${[...skipped].map((name) => `"${name}"`).join(', ')} as in the master, copy and size: a font is missing on this machine.`);
  const flagged = versions.filter((version) => version.flags.length).length;
  const made = `Made ${versions.length} version${versions.length === 1 ? '' : 's'}${flagged ? `, ${flagged} with flags to review` : ''}.`;
  host.notify(batch.cancelled ? `Cancelled. ${made} Undo removes them.` : made);
  return { versions, skippedFonts: [...skipped], notices, cancelled: batch.cancelled };
}
