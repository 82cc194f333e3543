// Apps Script evaluates the whole bundle on every call, so building every zod schema at load
// would cost several milliseconds on calls that never parse anything. Each schema is built by a
// memoised factory instead: on the first parse, then reused.

/** Wraps a builder so it runs on the first call; every later call returns the same value. */
export function once<T>(make: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= make());
}
