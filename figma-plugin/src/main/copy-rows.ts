import type { Size } from '@onbrand/shared/layout';
import { RpcFailure } from '@onbrand/shared/rpc';
import type { CopySource, VariantRow } from '../contract';
import type { Provenance } from './versions';

// The copy side of the matrix: for each size, the rows (variant × locale) to make versions of.
// Generated copy arrives already written per size, within that size's length limits.

export interface CopyRow extends VariantRow {
  provenance: Provenance;
}

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Keeps the texts for layers the master has; names the columns that match no layer. */
function matchSlots(rows: readonly VariantRow[], slots: ReadonlySet<string>, provenance: Provenance, unknown: Set<string>): CopyRow[] {
  return rows.map((row, index) => {
    const texts: Record<string, string> = {};
    for (const [name, text] of Object.entries(row.texts)) {
      const slot = name.trim().toLowerCase();
      if (slots.has(slot)) texts[slot] = text;
      else unknown.add(name);
    }
    return { variant: row.variant.trim() || letters[index % letters.length]!, locale: row.locale.trim(), texts, provenance };
  });
}

/** The rows for each size, in the order of `sizes`; an empty list or columns matching no layer are refused. */
export function copyRowsBySize(copy: CopySource, sizes: readonly Size[], sizeTexts: readonly string[], slots: ReadonlySet<string>, createdAt: string): { rowsBySize: CopyRow[][]; notices: string[] } {
  if (copy.mode === 'master') return { rowsBySize: sizes.map(() => [{ variant: '', locale: '', texts: {}, provenance: { source: 'master', createdAt, aiGenerated: false } }]), notices: [] };
  const unknown = new Set<string>();
  let rowsBySize: CopyRow[][];
  if (copy.mode === 'rows') {
    const rows = matchSlots(copy.rows, slots, { source: copy.source, createdAt, aiGenerated: false }, unknown);
    rowsBySize = sizes.map(() => rows);
  } else {
    const p = copy.provenance;
    const provenance: Provenance = { source: p.provider === 'offline' ? 'offline' : 'model', provider: p.provider, model: p.model, template: p.template, seed: p.seed, createdAt: p.createdAt, aiGenerated: true };
    rowsBySize = sizeTexts.map((text) => matchSlots(copy.bySize.find((entry) => entry.size === text)?.rows ?? [], slots, provenance, unknown));
  }
  if (rowsBySize.every((rows) => !rows.length))
    throw new RpcFailure('no_variants', 'The variant list is empty: paste, import or write at least one row of copy, or choose "Master copy".');
  if (!rowsBySize.some((rows) => rows.some((row) => Object.keys(row.texts).length)))
    throw new RpcFailure('no_matching_layers', `None of the copy columns (${[...unknown].join(', ')}) matches a text layer of the master. Name text layers like #headline, #body or #cta.`);
  const notices = unknown.size ? [`No layer is named ${[...unknown].join(', ')}; that copy was left out.`] : [];
  return { rowsBySize, notices };
}
