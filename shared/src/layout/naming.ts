import type { Parsed } from '../issues';

/** The default version name: master, size, variant and locale. */
export const defaultNameTemplate = '{master}/{w}x{h}/{variant}/{locale}';

/** The tokens a name template may use. */
export const nameTokens = ['master', 'w', 'h', 'size', 'variant', 'locale', 'n'] as const;
export type NameToken = (typeof nameTokens)[number];

/**
 * Renders a version name such as `{master}/{w}x{h}/{variant}/{locale}`. An unknown or unclosed
 * token is an issue at `template`. A token without a value renders empty, and the empty path
 * segments it leaves (`a//b`, a trailing `/`) are removed, so a version without a locale reads `Master/728x90/A`.
 */
export function renderVersionName(
  template: string,
  values: Partial<Record<NameToken, string | number>>,
): Parsed<string> {
  const issues: { path: string; message: string }[] = [];
  const known = new Set<string>(nameTokens);
  if (/[{}]/.test(template.replace(/\{[^{}]*\}/g, '')))
    issues.push({ path: 'template', message: `"${template}" has a "{" or "}" that does not pair up` });
  for (const [, token] of template.matchAll(/\{([^{}]*)\}/g))
    if (!known.has(token!))
      issues.push({ path: 'template', message: `unknown token {${token}}; use ${nameTokens.map((t) => `{${t}}`).join(', ')}` });
  if (issues.length) return { ok: false, issues };
  const size = values.w !== undefined && values.h !== undefined ? `${values.w}x${values.h}` : '';
  const all: Record<string, string> = { ...stringify(values), size: String(values.size ?? size) };
  const name = template
    .replace(/\{([^{}]*)\}/g, (_whole, token: string) => all[token] ?? '')
    .replace(/\/{2,}/g, '/')
    .replace(/^\/+|\/+$/g, '')
    .trim();
  return { ok: true, value: name };
}

function stringify(values: Partial<Record<NameToken, string | number>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = String(value).trim();
  return out;
}
