import { fnv1a, hashSnapshot } from '@onbrand/shared/layout';
import type { SnapshotNode } from '@onbrand/shared/visual';
import type { VersionFlag, VersionSummary } from '../contract';
import type { FigmaHost, HostBaseNode, HostComponent, HostFrame, HostSection } from './host';
import { isFrameLike, isSection } from './host';
import { readStored, writeStored } from './plugin-store';

// What a version knows about itself, in the version frame's shared plugin data (it travels with
// the file, and with copies of the frame).
// Each layer's content hash is kept, so an update from the master can tell which layers a person
// has edited since, and leave those alone.

export const versionKey = 'version';
/** On the document: master id → the id of the section holding its versions. */
export const sectionsKey = 'sections';
/** Where versions before shared plugin data kept the same, privately. */
const legacyKeys = { version: 'onbrand.version', sections: 'onbrand.sections' };

export interface Provenance {
  source: 'master' | 'pasted' | 'csv' | 'offline' | 'model';
  provider?: string;
  model?: string;
  template?: string;
  seed?: string;
  createdAt: string;
  aiGenerated: boolean;
}

export interface VersionRecord {
  schema: 1;
  masterId: string;
  masterName: string;
  width: number;
  height: number;
  variant: string;
  locale: string;
  /** Copy by `#name` layer. */
  texts: Record<string, string>;
  kitVersion: string;
  provenance: Provenance;
  nameTemplate: string;
  /** The master's content hash when this version was last planned; a different hash now means stale. */
  masterHash: string;
  /** Version layer id → [master layer id, the layer's own content hash as written]. */
  layers: Record<string, [string, string]>;
  actions: string[];
  flags: VersionFlag[];
  updatedAt: string;
}

const r = (value: number | undefined) => (value === undefined ? null : Math.round(value * 100) / 100);
const paints = (node: SnapshotNode) => node.fills.map((paint) => [paint.type, paint.type === 'SOLID' ? paint.color : paint.scaleMode, r(paint.opacity), paint.visible]);

/**
 * A layer's own content (children left out, position in): what an edit to this layer changes.
 * Fields go in a fixed order (no key sorting) and numbers to 1/100, so hashing one layer is one
 * short string; a 50-version batch hashes thousands of layers on Figma's main thread.
 */
export function layerHash(node: SnapshotNode): string {
  const own: unknown[] = [node.type, node.name, r(node.x), r(node.y), r(node.width), r(node.height), r(node.rotation), node.visible, node.locked, r(node.opacity), node.constraints.horizontal, node.constraints.vertical, paints(node)];
  if (node.type === 'text')
    own.push(node.characters, node.fontFamily, node.fontStyle, r(node.fontSize), r(node.lineHeight), r(node.letterSpacing), node.textAutoResize, node.textAlignHorizontal, (node.segments ?? []).map((run) => [run.start, run.end, run.fontFamily, run.fontStyle, r(run.fontSize), run.fill]));
  if (node.type === 'frame') own.push(node.layoutMode, r(node.paddingTop), r(node.paddingRight), r(node.paddingBottom), r(node.paddingLeft), r(node.itemSpacing), node.clipsContent);
  return fnv1a(JSON.stringify(own));
}

/** The master's content hash: everything but where it sits on the canvas. */
export function masterHash(node: SnapshotNode): string {
  return hashSnapshot(node);
}

/**
 * A fresh copy of a master (or of a frame inside one) to make a version from. Cloning a component
 * makes another main component, so a component is copied as a detached instance: a plain frame.
 */
export function copyOfMaster(master: HostFrame): HostFrame {
  return master.type === 'COMPONENT' ? (master as HostComponent).createInstance().detachInstance() : master.clone();
}

export function readRecord(node: HostBaseNode): VersionRecord | null {
  const raw = readStored(node, versionKey, legacyKeys.version);
  if (!raw) return null;
  try {
    const record = JSON.parse(raw) as VersionRecord;
    return record.schema === 1 ? record : null;
  } catch {
    return null;
  }
}

export function writeRecord(node: HostBaseNode, record: VersionRecord): void {
  writeStored(node, versionKey, JSON.stringify(record), "the version's link to its master", legacyKeys.version);
}

export function summarize(id: string, name: string, record: VersionRecord, stale: boolean): VersionSummary {
  const provenance = record.provenance;
  const origin = provenance.source === 'model' ? `${provenance.provider ?? 'model'} ${provenance.model ?? ''}`.trim() : provenance.source;
  return {
    id,
    name,
    masterId: record.masterId,
    masterName: record.masterName,
    width: record.width,
    height: record.height,
    variant: record.variant,
    locale: record.locale,
    kitVersion: record.kitVersion,
    provenance: origin,
    aiGenerated: provenance.aiGenerated,
    stale,
    actions: record.actions,
    flags: record.flags,
  };
}

/** The sections the plugin made, by master id (kept on the document, so no page walk finds them). */
export function readSections(host: FigmaHost): Record<string, string> {
  try {
    return JSON.parse(readStored(host.root, sectionsKey, legacyKeys.sections) || '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

export function writeSections(host: FigmaHost, sections: Record<string, string>): void {
  writeStored(host.root, sectionsKey, JSON.stringify(sections), 'the list of version sections', legacyKeys.sections);
}

/** The section holding a master's versions, if it still exists. */
export async function sectionOf(host: FigmaHost, masterId: string): Promise<HostSection | null> {
  const id = readSections(host)[masterId];
  const node = id ? await host.getNodeByIdAsync(id) : null;
  return node && isSection(node) && !node.removed ? node : null;
}

/** Every version frame in a section, with its record. */
export function versionsIn(section: HostSection): { node: HostFrame; record: VersionRecord }[] {
  const out: { node: HostFrame; record: VersionRecord }[] = [];
  for (const child of section.children) {
    if (!isFrameLike(child)) continue;
    const record = readRecord(child);
    if (record) out.push({ node: child, record });
  }
  return out;
}
