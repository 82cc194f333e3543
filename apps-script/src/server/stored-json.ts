import { joinChunks, splitUtf8Chunks } from '@onbrand/shared/storage';

// PropertiesService holds at most 9 KB per value, and a brand kit is often larger, so a value is
// stored as numbered chunks under one prefix with a count. Reads tolerate a missing value (null).
const chunkBytes = 8 * 1024;

type Store = GoogleAppsScript.Properties.Properties;

function chunkCount(store: Store, key: string): number {
  return Number(store.getProperty(`${key}.count`) ?? 0);
}

export function writeStoredJson(store: Store, key: string, value: unknown): void {
  const chunks = splitUtf8Chunks(JSON.stringify(value), chunkBytes);
  const previous = chunkCount(store, key);
  chunks.forEach((chunk, index) => store.setProperty(`${key}.${index}`, chunk));
  for (let index = chunks.length; index < previous; index++) store.deleteProperty(`${key}.${index}`);
  store.setProperty(`${key}.count`, String(chunks.length));
}

export function readStoredJson(store: Store, key: string): unknown {
  const count = chunkCount(store, key);
  if (!count) return null;
  const chunks = Array.from({ length: count }, (_, index) => store.getProperty(`${key}.${index}`) ?? '');
  return JSON.parse(joinChunks(chunks));
}

export function deleteStoredJson(store: Store, key: string): void {
  const count = chunkCount(store, key);
  for (let index = 0; index < count; index++) store.deleteProperty(`${key}.${index}`);
  store.deleteProperty(`${key}.count`);
}
