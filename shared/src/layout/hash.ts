import type { SnapshotNode } from '../visual/snapshot';

// Edit detection: a version stores the hash of what the plan produced; when the hash of the layer
// as it is now differs, a person has edited it and an update from the master leaves it alone.
// FNV-1a (32-bit) over canonical JSON is small, fast and deterministic on every host; it is not
// meant to resist tampering, only to notice change.

/**
 * The canonical JSON of a value: object keys sorted, numbers rounded to 1/100 (Figma reports
 * positions like 99.99999 after a round trip), undefined fields left out.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number') return JSON.stringify(Number.isFinite(value) ? Math.round(value * 100) / 100 : null);
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, field]) => field !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
}

/** FNV-1a 32-bit over the UTF-8 bytes of `text`, as 8 hex digits. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  const add = (byte: number) => {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  };
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) add(code);
    else if (code < 0x800) {
      add(0xc0 | (code >> 6));
      add(0x80 | (code & 63));
    } else if (code < 0x10000) {
      add(0xe0 | (code >> 12));
      add(0x80 | ((code >> 6) & 63));
      add(0x80 | (code & 63));
    } else {
      add(0xf0 | (code >> 18));
      add(0x80 | ((code >> 12) & 63));
      add(0x80 | ((code >> 6) & 63));
      add(0x80 | (code & 63));
    }
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Content hash of a layer and everything under it. The top layer's x/y are left out by default:
 * moving a version around its section is not an edit.
 */
export function hashSnapshot(node: SnapshotNode, options: { includePosition?: boolean } = {}): string {
  const subject = options.includePosition ? node : { ...node, x: 0, y: 0 };
  return fnv1a(canonicalJson(subject));
}
