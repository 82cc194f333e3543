// Apps Script fetches only URLs that match a prefix in the manifest's urlFetchWhitelist
// (developers.google.com/apps-script/manifest/allowlist-url). These rules let the add-ons check a
// model server's URL when it is saved and explain a refused fetch, and let the preview refuse
// exactly what Apps Script refuses. Apps Script has no URL class, so URLs are read by pattern.

const urlParts = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]+)([^\s]*)$/i;

/** Scheme, host and the rest (path, query, fragment) of an absolute URL; null when it is not one. */
function parts(url: string): { scheme: string; host: string; rest: string } | null {
  const match = urlParts.exec(url);
  return match ? { scheme: match[1]!.toLowerCase(), host: match[2]!.toLowerCase(), rest: match[3]! } : null;
}

/**
 * Whether a URL matches one allowlist prefix: both https, the same host (a leading "*." stands for
 * one or more subdomains), and the URL's path is the prefix's path or a child of it (case-sensitive).
 */
export function matchesAllowlistPrefix(url: string, prefix: string): boolean {
  const u = parts(url);
  const p = parts(prefix);
  // A prefix must be https with a non-empty path; anything else matches nothing.
  if (!u || !p || u.scheme !== 'https' || p.scheme !== 'https' || !p.rest.startsWith('/')) return false;
  const hostMatches = p.host.startsWith('*.') ? u.host.endsWith(p.host.slice(1)) : u.host === p.host;
  if (!hostMatches || !u.rest.startsWith(p.rest)) return false;
  const next = u.rest.charAt(p.rest.length);
  return p.rest.endsWith('/') || next === '' || next === '/' || next === '?' || next === '#';
}

/** Whether Apps Script would fetch a URL under this allowlist. */
export function isAllowlisted(url: string, allowlist: readonly string[]): boolean {
  return allowlist.some((prefix) => matchesAllowlistPrefix(url, prefix));
}

/** The prefix a team adds to urlFetchWhitelist to let the add-ons call a server: its https origin and "/". */
export function allowlistPrefixFor(url: string): string {
  const u = parts(url);
  return u ? `https://${u.host}/` : url;
}

/** What a team does to let the add-ons reach a server. */
export function allowlistAdvice(url: string): string {
  return `Add "${allowlistPrefixFor(url)}" to urlFetchWhitelist in appsscript.json (in sheets-addon/ and docs-addon/), then rebuild and push the add-on`;
}

export const serverUrlProblem = 'expected a URL that starts with https://, such as https://models.example.com/v1 (Apps Script fetches only https:// addresses)';

/**
 * Checks a model server's base URL as it is saved: it must be https. One that the add-on's built
 * allowlist does not cover is kept, with a notice saying how to add it, since Apps Script will
 * refuse to call it until the manifest lists it.
 */
export function checkModelServerUrl(text: string, allowlist: readonly string[]): { ok: true; url: string; notice?: string } | { ok: false; problem: string } {
  const url = text.trim();
  const u = parts(url);
  if (!u || u.scheme !== 'https' || (u.rest !== '' && !u.rest.startsWith('/'))) return { ok: false, problem: serverUrlProblem };
  if (isAllowlisted(`${url.replace(/\/+$/, '')}/`, allowlist)) return { ok: true, url };
  return { ok: true, url, notice: `${url} is not in this add-on's fetch allowlist, so Apps Script will refuse to call it. ${allowlistAdvice(url)}.` };
}
