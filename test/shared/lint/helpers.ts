import { parseKit, type BrandKit } from '../../../shared/src/kit';
import { lintText, type LintOptions } from '../../../shared/src/lint';

/** A parsed kit with the given sections; claims review is off unless a test turns it on. */
export function makeKit(sections: Record<string, unknown> = {}): BrandKit {
  const parsed = parseKit({ schemaVersion: 1, name: 'Acme', version: '1.0.0', claims: { review: [] }, ...sections });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

/** A kit of one rule (type, id and message filled in). */
export function ruleKit(rule: Record<string, unknown>, sections: Record<string, unknown> = {}): BrandKit {
  return makeKit({ rules: [{ id: 'r', message: '%s', ...rule }], ...sections });
}

/** The matched texts of a lint, in order. */
export function matches(text: string, kit: BrandKit, options?: LintOptions): string[] {
  return lintText(text, kit, options).findings.map((finding) => finding.match);
}
