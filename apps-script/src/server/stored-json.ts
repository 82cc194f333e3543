import { joinChunks, splitUtf8Chunks } from '@onbrand/shared/storage';
import { RpcFailure } from '@onbrand/shared/rpc';

// PropertiesService holds at most 9 KB per value and 500 KB per store, and a brand kit is often
// larger than one value, so a value is stored as chunks. A write must never leave half a value:
// the new chunks go under keys of a new generation first, a pointer ("generation:count") switches
// to them last, and only then are the old generation's chunks deleted. A write that fails part
// way (the store is full) leaves the old value readable and removes what it had written.

const chunkBytes = 8 * 1024;

type Store = GoogleAppsScript.Properties.Properties;

const pointerKey = (key: string) => `${key}.v`;
const chunkKey = (key: string, generation: number, index: number) => `${key}.v${generation}.${index}`;

interface Stored {
  /** The chunk keys holding the value, in order. */
  keys: string[];
  generation: number;
  /** Keys of values saved before generations, deleted with the next write. */
  legacy: boolean;
}

function locate(store: Store, key: string): Stored | null {
  const pointer = /^(\d+):(\d+)$/.exec(store.getProperty(pointerKey(key)) ?? '');
  if (pointer) {
    const generation = Number(pointer[1]);
    return { keys: Array.from({ length: Number(pointer[2]) }, (_, index) => chunkKey(key, generation, index)), generation, legacy: false };
  }
  // Values saved before generations: numbered chunks and a count.
  const count = Number(store.getProperty(`${key}.count`) ?? 0);
  return count ? { keys: Array.from({ length: count }, (_, index) => `${key}.${index}`), generation: 0, legacy: true } : null;
}

function removeKeys(store: Store, keys: readonly string[]): void {
  for (const key of keys) store.deleteProperty(key);
}

/** Why a write failed, in words for the person who pressed the button. */
function failure(what: string, error: unknown): RpcFailure {
  const message = error instanceof Error ? error.message : String(error);
  const why = /quota|too large/i.test(message)
    ? 'Apps Script’s storage for the add-on is full (it holds 500 KB for this file and 500 KB for you)'
    : `Apps Script refused the write (${message})`;
  return new RpcFailure('storage_full', `Could not save ${what}: ${why}. What was saved before is kept unchanged.`);
}

/**
 * Saves a value as JSON under `key`, all or nothing. `what` names the value in the error a
 * failed write throws, e.g. "the brand kit".
 */
export function writeStoredJson(store: Store, key: string, value: unknown, what = `the value “${key}”`): void {
  const chunks = splitUtf8Chunks(JSON.stringify(value), chunkBytes);
  const previous = locate(store, key);
  const generation = (previous?.generation ?? 0) + 1;
  const written: string[] = [];
  try {
    chunks.forEach((chunk, index) => {
      store.setProperty(chunkKey(key, generation, index), chunk);
      written.push(chunkKey(key, generation, index));
    });
    store.setProperty(pointerKey(key), `${generation}:${chunks.length}`);
  } catch (error) {
    // The pointer still names the old chunks; the new ones are dropped to free the space again.
    try {
      removeKeys(store, written);
    } catch {
      // Left-over chunks of an unused generation are harmless: the next write replaces them.
    }
    throw failure(what, error);
  }
  if (previous) removeKeys(store, previous.legacy ? [...previous.keys, `${key}.count`] : previous.keys);
}

export function readStoredJson(store: Store, key: string): unknown {
  const stored = locate(store, key);
  if (!stored) return null;
  return JSON.parse(joinChunks(stored.keys.map((chunk) => store.getProperty(chunk) ?? '')));
}

export function deleteStoredJson(store: Store, key: string): void {
  const stored = locate(store, key);
  if (!stored) return;
  // The pointer goes first, so an interrupted delete leaves no value half there.
  store.deleteProperty(stored.legacy ? `${key}.count` : pointerKey(key));
  removeKeys(store, stored.keys);
}
