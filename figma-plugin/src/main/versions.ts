import { fnv1a, hashSnapshot } from '@onbrand/shared/layout';
import type { SnapshotNode } from '@onbrand/shared/visual';
import type { VersionFlag, VersionSummary } from '../contract';
import type { FigmaHost, HostBaseNode, HostComponent, HostFrame, HostSection } from './host';
import { readSnapshot, zipLayers } from './snapshot';
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

/** [master layer id, layer hash as written, hash of the layer's plan (absent in older records)]. */
export type LayerEntry = [string, string] | [string, string, string];

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
  /**
   * Version layer id → [master layer id, the layer's own content hash as written, the hash of its
   * plan then]. Comparing the first hash with the layer now tells what a person edited; comparing
   * the second with a fresh plan tells what the master (or the kit) changed.
   */
  layers: Record<string, LayerEntry>;
  actions: string[];
  flags: VersionFlag[];
  updatedAt: string;
  /** A person's decision on the AI copy; until it is "approved" the version stays marked as an AI draft. */
  review?: { state: 'approved' | 'rejected'; by: string; at: string; reason?: string };
}

const r = (value: number | undefined) => (value === undefined ? null : Math.round(value * 100) / 100);
const paints = (node: SnapshotNode) => node.fills.map((paint) => [paint.type, paint.type === 'SOLID' ? paint.color : paint.scaleMode, r(paint.opacity), paint.visible]);

/**
 * The parts of a layer a person edits one at a time. An update keeps the parts a person changed
 * and takes the master's changes to the others, so rewording a headline by hand still lets the
 * master's new colour through.
 */
export const layerParts = ['text', 'font', 'fill', 'box', 'look'] as const;
export type LayerPart = (typeof layerParts)[number];

/** How the update summary names each part. */
export const partNames: Record<LayerPart, string> = { text: 'text', font: 'font', fill: 'colour', box: 'size and place', look: 'visibility and name' };

function partValues(node: SnapshotNode): Record<LayerPart, unknown> {
  const text = node.type === 'text' ? node : null;
  // Runs go in without their offsets: typing inside a run is a text edit, not a style edit.
  const runs = text?.segments ?? [];
  return {
    text: text?.characters ?? null,
    font: text ? [text.fontFamily, text.fontStyle, r(text.fontSize), r(text.lineHeight), r(text.letterSpacing), runs.map((run) => [run.fontFamily, run.fontStyle, r(run.fontSize)])] : null,
    fill: [paints(node), runs.map((run) => run.fill ?? null)],
    box: [r(node.x), r(node.y), r(node.width), r(node.height), r(node.rotation), text?.textAutoResize ?? null, text?.textAlignHorizontal ?? null],
    look: [
      node.type, node.name, node.visible, node.locked, r(node.opacity), node.constraints.horizontal, node.constraints.vertical,
      ...(node.type === 'frame' ? [node.layoutMode, r(node.paddingTop), r(node.paddingRight), r(node.paddingBottom), r(node.paddingLeft), r(node.itemSpacing), node.clipsContent] : []),
    ],
  };
}

/**
 * A layer's own content (children left out, position in), as one short hash per part joined by
 * dots. Numbers go to 1/100 and fields in a fixed order: a 50-version batch hashes thousands of
 * layers on Figma's main thread.
 */
export function layerHash(node: SnapshotNode): string {
  const values = partValues(node);
  return layerParts.map((part) => fnv1a(JSON.stringify(values[part]))).join('.');
}

/**
 * The parts whose hash differs between two layer hashes. A hash from before parts were kept
 * (no dots) can only say the whole layer changed.
 */
export function changedParts(before: string, now: string): Set<LayerPart> {
  if (before === now) return new Set();
  const a = before.split('.');
  const b = now.split('.');
  if (a.length !== layerParts.length || b.length !== layerParts.length) return new Set(layerParts);
  return new Set(layerParts.filter((_part, index) => a[index] !== b[index]));
}

/** A layer hash with `kept` parts from `stored` and the rest from `now`. */
export function mergeHash(stored: string, now: string, kept: ReadonlySet<LayerPart>): string {
  if (!kept.size) return now;
  const a = stored.split('.');
  if (a.length !== layerParts.length) return kept.size === layerParts.length ? stored : now;
  const b = now.split('.');
  return layerParts.map((part, index) => (kept.has(part) ? a[index] : b[index])).join('.');
}

/** Version layer id → layer hash, read from the version as it is now (its own place on the canvas left out). */
export function hashesById(version: HostFrame, mixed: FigmaHost['mixed']): Map<string, string> {
  const written = readSnapshot(version, mixed);
  const hashes = new Map<string, string>();
  zipLayers({ ...written, x: 0, y: 0 }, version, (node, host) => hashes.set(host.id, layerHash(node)));
  return hashes;
}

/** The version frame a layer lies in, with its record, if the layer is one the version knows. */
function versionAround(layer: HostBaseNode): { node: HostFrame; record: VersionRecord } | null {
  for (let node: HostBaseNode | null = layer; node; node = (node as { parent?: HostBaseNode | null }).parent ?? null) {
    if (!isFrameLike(node)) continue;
    const record = readRecord(node);
    if (record) return record.layers[layer.id] ? { node, record } : null;
  }
  return null;
}

/**
 * Records the plugin's own writes into versions (fixes, copy, resizing) as the plugin's: the parts
 * of a layer that held what the plugin last wrote take their new content, so a later update treats
 * them like the master's and brings the master's changes through. Parts a person had edited stay
 * marked as theirs. Call `before` for each layer about to be written, then `save` once.
 */
export class PluginWrites {
  private readonly versions = new Map<string, { node: HostFrame; record: VersionRecord; before: Map<string, string>; layers: Set<string> }>();

  constructor(private readonly mixed: FigmaHost['mixed']) {}

  before(layer: HostBaseNode): void {
    const found = versionAround(layer);
    if (!found) return;
    let entry = this.versions.get(found.node.id);
    if (!entry) {
      entry = { ...found, before: hashesById(found.node, this.mixed), layers: new Set() };
      this.versions.set(found.node.id, entry);
    }
    entry.layers.add(layer.id);
  }

  save(): void {
    for (const { node, record, before, layers } of this.versions.values()) {
      if (node.removed) continue;
      const now = hashesById(node, this.mixed);
      const next = { ...record.layers };
      for (const id of layers) {
        const stored = next[id];
        const was = before.get(id);
        const is = now.get(id);
        if (!stored || was === undefined || is === undefined) continue;
        next[id] = [stored[0], mergeHash(stored[1], is, changedParts(stored[1], was)), ...(stored.length > 2 ? [stored[2]!] : [])] as LayerEntry;
      }
      writeRecord(node, { ...record, layers: next });
    }
    this.versions.clear();
  }
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
    review: provenance.aiGenerated ? (record.review ? `${record.review.state} by ${record.review.by}` : 'awaiting approval') : '',
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
