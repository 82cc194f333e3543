import { parseKitJson, type BrandKit } from '@onbrand/shared/kit';
import { joinChunks, splitUtf8Chunks } from '@onbrand/shared/storage';
import type { FigmaHost } from './host';
import { namespace, pieceBytes } from './plugin-store';

// The team's brand kit lives in the document's shared plugin data, so everyone who opens the file
// checks against the same kit. One entry holds about 100 kB, so a large kit is kept in pieces.

export interface KitInfo {
  name: string;
  version: string;
  rules: number;
  palette: number;
}

/** Parses and stores a kit; a bad kit comes back as issues and nothing is stored. */
export function saveKit(host: FigmaHost, json: string): { ok: true; kit: BrandKit } | { ok: false; issues: { path: string; message: string }[] } {
  const parsed = parseKitJson(json);
  if (!parsed.ok) return parsed;
  const pieces = splitUtf8Chunks(json, pieceBytes);
  const before = Number(host.root.getSharedPluginData(namespace, 'kit.count') || 0);
  pieces.forEach((piece, index) => host.root.setSharedPluginData(namespace, `kit.${index}`, piece));
  for (let index = pieces.length; index < before; index++) host.root.setSharedPluginData(namespace, `kit.${index}`, '');
  host.root.setSharedPluginData(namespace, 'kit.count', String(pieces.length));
  return { ok: true, kit: parsed.value };
}

/** The stored kit's JSON text, or null. */
export function readKitJson(host: FigmaHost): string | null {
  const count = Number(host.root.getSharedPluginData(namespace, 'kit.count') || 0);
  if (!count) return null;
  const pieces: string[] = [];
  for (let index = 0; index < count; index++) pieces.push(host.root.getSharedPluginData(namespace, `kit.${index}`));
  return joinChunks(pieces);
}

/** The document's kit, or null when none is stored (or the stored one no longer parses). */
export function readKit(host: FigmaHost): BrandKit | null {
  const json = readKitJson(host);
  const parsed = json === null ? null : parseKitJson(json);
  return parsed?.ok ? parsed.value : null;
}

export function kitInfo(kit: BrandKit | null): KitInfo | null {
  return kit ? { name: kit.name, version: kit.version, rules: kit.rules.length + kit.terms.length, palette: kit.visual?.palette.length ?? 0 } : null;
}
