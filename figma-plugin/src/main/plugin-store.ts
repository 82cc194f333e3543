import { joinChunks, splitUtf8Chunks } from '@onbrand/shared/storage';
import type { HostBaseNode } from './host';

// What the plugin keeps in a file for everyone who opens it (a version's link to its master, the
// master → section map) lives in shared plugin data under one namespace. Private plugin data is
// tied to the plugin's id, so publishing under another id would orphan it; shared data is not.
// Figma caps one entry (namespace + key + value) at 100 kB, so a long value is kept in pieces.
// Earlier versions of the plugin kept these in private plugin data; reads fall back to it and the
// next write moves the value over.

export const namespace = 'onbrand';
/** Room for one piece, leaving the namespace, the key and a margin under Figma's 100 kB. */
export const pieceBytes = 90_000;
/** What the main key holds when the value is in pieces: the marker and the number of pieces. */
const piecesMarker = 'onbrand.pieces:';

function pieceCount(head: string): number {
  return head.startsWith(piecesMarker) ? Number(head.slice(piecesMarker.length)) || 0 : 0;
}

/** The stored value, '' when there is none; `legacyKey` names where older versions kept it privately. */
export function readStored(node: HostBaseNode, key: string, legacyKey?: string): string {
  const head = node.getSharedPluginData(namespace, key);
  const count = pieceCount(head);
  if (count) return joinChunks(Array.from({ length: count }, (_, index) => node.getSharedPluginData(namespace, `${key}.${index}`)));
  if (head || !legacyKey) return head;
  return node.getPluginData(legacyKey);
}

/**
 * Stores a value ('' removes it), in pieces when it is too long for one entry, and clears the
 * private copy an older version left. A refusal names what could not be stored and on which layer.
 */
export function writeStored(node: HostBaseNode, key: string, value: string, what: string, legacyKey?: string): void {
  try {
    const before = pieceCount(node.getSharedPluginData(namespace, key));
    const pieces = value ? splitUtf8Chunks(value, pieceBytes) : [];
    if (pieces.length > 1) pieces.forEach((piece, index) => node.setSharedPluginData(namespace, `${key}.${index}`, piece));
    for (let index = pieces.length > 1 ? pieces.length : 0; index < before; index++) node.setSharedPluginData(namespace, `${key}.${index}`, '');
    node.setSharedPluginData(namespace, key, pieces.length > 1 ? `${piecesMarker}${pieces.length}` : value);
    if (legacyKey && node.getPluginData(legacyKey)) node.setPluginData(legacyKey, '');
  } catch (error) {
    throw new Error(`Could not store ${what} on "${node.name}": ${(error as Error).message}`);
  }
}
