/**
 * A value built on first use. Apps Script evaluates the whole bundle on every call, so modules
 * that build schemas or templates when they load are better reached through one of these.
 * Tests that run server modules directly in Node may provide the value instead.
 */
export function lazy<T>(load: () => T): { get: () => T; provide: (value: T) => void } {
  let value: T | undefined;
  return {
    get: () => (value ??= load()),
    provide: (provided) => {
      value = provided;
    },
  };
}
