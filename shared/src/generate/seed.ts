// Determinism without Math.random or Date: a string hash seeds a small PRNG,
// so the same brief, kit and template version always give the same draft.

/** cyrb53, a fast 53-bit string hash (public domain, bryc), as 14 hex digits. */
export function hashString(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0');
}

// A copy with every object's keys in sorted order and undefined fields dropped.
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const field = (value as Record<string, unknown>)[key];
      if (field !== undefined) out[key] = sortedCopy(field);
    }
    return out;
  }
  return value;
}

/** JSON with object keys sorted, so key order in a file never changes a hash. */
export function canonicalJson(value: unknown): string {
  // One JSON.stringify gives a flat string; pieced-together strings make the hash loop several times slower in V8.
  return JSON.stringify(sortedCopy(value)) ?? 'null';
}

const fingerprints = new WeakMap<object, string>();

/** The hash of an object's canonical JSON, computed once per object: a kit is parsed once and drafted from many times. */
export function fingerprint(value: object): string {
  let hash = fingerprints.get(value);
  if (hash === undefined) {
    hash = hashString(canonicalJson(value));
    fingerprints.set(value, hash);
  }
  return hash;
}

const copyFingerprints = new WeakMap<object, string>();

/**
 * The fingerprint of what in a kit shapes copy: all of it but its governance section, since who may
 * approve, whom to escalate to and whether errors may be ignored change no word of a draft.
 */
function copyFingerprint(kit: object): string {
  let hash = copyFingerprints.get(kit);
  if (hash === undefined) {
    const { governance: _governance, ...shaping } = kit as Record<string, unknown>;
    hash = hashString(canonicalJson(shaping));
    copyFingerprints.set(kit, hash);
  }
  return hash;
}

/** A draft's seed: the hash of what it is drafted from, the kit's fingerprint and the template's version, so a changed kit or template gives a new draft. */
export function draftSeed(from: Readonly<Record<string, unknown>>, kit: object, template: { version: string }): string {
  return hashString(canonicalJson({ ...from, kit: copyFingerprint(kit), template: template.version }));
}

/** A seeded generator of numbers in [0, 1): mulberry32 (public domain, Tommy Ettinger). */
export interface Random {
  next(): number;
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** A PRNG seeded from a hex hash. */
export function seededRandom(seedHex: string): Random {
  let state = parseInt(seedHex.slice(-8), 16) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: (items) => items[Math.floor(next() * items.length)]! };
}

/** The items in a seeded order (Fisher–Yates). */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
