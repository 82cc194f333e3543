type AnyFunction = (...args: any[]) => any;

/**
 * Methods `K` of an official Apps Script type, with parameters exactly as @types/google-apps-script
 * declares them, and results the same unless `Results` maps them to our fakes. A fake that
 * `implements Mirror<…>` is checked against the official typings for the part it covers.
 * (Overloaded methods keep only their last overload here, so fakes declare those by hand.)
 */
export type Mirror<T, K extends keyof T, Results extends Partial<Record<K, unknown>> = {}> = {
  [P in K]: T[P] extends AnyFunction ? (...args: Parameters<T[P]>) => P extends keyof Results ? Results[P] : ReturnType<T[P]> : T[P];
};
