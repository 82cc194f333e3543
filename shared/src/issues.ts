import type * as z from './zod';

/** A problem the user can fix, named by where it is: `terms[3].replacements`. */
export interface Issue {
  path: string;
  message: string;
}

/** What a parser returns instead of throwing on bad input. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Formats a zod path as `rules[7].pattern`; the empty path is the document itself. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/** Turns zod's issues into ours, keeping every one. */
export function issuesFromZod(error: z.core.$ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Each issue as `path: message`. */
export function issueLines(issues: readonly Issue[]): string[] {
  return issues.map((issue) => `${issue.path}: ${issue.message}`);
}

/** The issues as `path: message`, one per line unless another separator is given. */
export function describeIssues(issues: readonly Issue[], separator = '\n'): string {
  return issueLines(issues).join(separator);
}

/** Validates unknown data against a schema, returning every issue by path. */
export function parseWith<S extends z.ZodMiniType>(schema: S, data: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(data);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: issuesFromZod(result.error) };
}
