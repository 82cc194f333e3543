import { parseCsv } from '@onbrand/shared/csv';
import { generateVariants, type Transport } from '@onbrand/shared/generate';
import { parseKit, parseKitJson, type BrandKit } from '@onbrand/shared/kit';
import { copyLimitsForSize, parseSize } from '@onbrand/shared/layout';
import { minTextSizeFor } from '@onbrand/shared/visual';
import { apiKeyPlaceholder, type CopySource, type Preferences, type VariantRow } from '../contract';

// Where copy comes from, worked out in the UI: pasted or CSV rows, or the core's generator. Model
// requests go out through the main thread (the UI's null origin is refused by providers), and the
// API key is filled in there, so it never reaches the UI: the UI writes a placeholder.

/**
 * Reads variant rows from CSV or tab-separated text (as pasted from a sheet). The header names the
 * columns: `variant`, `locale`, and one column per `#name` layer.
 */
export function readRows(text: string): { rows: VariantRow[]; problems: string[] } {
  const delimiter = text.split(/\r?\n/, 1)[0]!.includes('\t') ? '\t' : ',';
  const parsed = parseCsv(text.trim(), { delimiter });
  if (!parsed.ok) return { rows: [], problems: parsed.issues.map((issue) => `${issue.path}: ${issue.message}`) };
  const [header, ...records] = parsed.value;
  if (!header) return { rows: [], problems: [] };
  const names = header.map((cell) => cell.trim());
  const slots = names.map((name, index) => (name.startsWith('#') ? index : -1)).filter((index) => index >= 0);
  if (!slots.length) return { rows: [], problems: ['The first line must name the layers, for example: variant,locale,#headline,#cta'] };
  const variantAt = names.findIndex((name) => name.toLowerCase() === 'variant');
  const localeAt = names.findIndex((name) => name.toLowerCase() === 'locale');
  const rows: VariantRow[] = [];
  records.forEach((record, index) => {
    if (record.every((cell) => !cell.trim())) return;
    const texts: Record<string, string> = {};
    for (const at of slots) if (record[at]?.trim()) texts[names[at]!.toLowerCase()] = record[at]!.trim();
    rows.push({ variant: (variantAt >= 0 ? record[variantAt]?.trim() : '') || String.fromCharCode(65 + (index % 26)), locale: localeAt >= 0 ? (record[localeAt]?.trim() ?? '') : '', texts });
  });
  return { rows, problems: [] };
}

const kinds = { '#headline': 'headline', '#body': 'body', '#cta': 'cta' } as const;

function kitFrom(json: string | null): BrandKit {
  const parsed = json ? parseKitJson(json) : parseKit({ schemaVersion: 1, name: 'Onbrand defaults', version: '0' });
  if (parsed.ok) return parsed.value;
  const fallback = parseKit({ schemaVersion: 1, name: 'Onbrand defaults', version: '0' });
  if (!fallback.ok) throw new Error('the built-in empty kit must parse');
  return fallback.value;
}

export interface GenerateRequest {
  sizes: string[];
  count: number;
  locale: string;
  slots: Record<string, string>;
  brief: { product: string; keyMessage: string };
  kitJson: string | null;
  preferences: Preferences;
  hasKey: boolean;
  /** Sends model requests; in the plugin, through the main thread's fetch. */
  transport: Transport;
}

/**
 * Writes copy for each size within that size's limits: one request per slot and limit, shared by
 * the sizes with the same limit. Offline and deterministic unless a model and key are set.
 */
export async function writeCopy(request: GenerateRequest): Promise<{ copy: CopySource; notices: string[] }> {
  const kit = kitFrom(request.kitJson);
  const slots = (Object.keys(kinds) as (keyof typeof kinds)[]).filter((slot) => slot in request.slots);
  if (!slots.length) throw new Error('Name the master\'s text layers #headline, #body or #cta so copy can be written for them.');
  const remote = request.preferences.provider !== 'offline' && request.hasKey;
  const now = new Date();
  const options = remote
    ? { now, provider: request.preferences.provider, apiKey: apiKeyPlaceholder, transport: request.transport, ...(request.preferences.model ? { model: request.preferences.model } : {}) }
    : { now };
  const brief = {
    product: request.brief.product.trim() || kit.name,
    keyMessage: request.brief.keyMessage.trim() || request.slots['#headline'] || request.slots['#body'] || 'See what is new',
    ...(request.slots['#cta'] ? { cta: request.slots['#cta'] } : {}),
  };
  const notices = new Set<string>();
  if (request.preferences.provider !== 'offline' && !request.hasKey) notices.add('No API key is saved, so the copy comes from the offline generator.');
  let provenance: Extract<CopySource, { mode: 'generated' }>['provenance'] | null = null;
  const cache = new Map<string, Promise<string[]>>();
  const ask = (kind: (typeof kinds)[keyof typeof kinds], max: number) => {
    const key = `${kind}:${max}`;
    if (!cache.has(key))
      cache.set(
        key,
        generateVariants({ kind, brief, count: request.count, maxGraphemes: max }, kit, options).then((result) => {
          // Copy the kit's privacy policy refused to send is not written offline instead: nothing is made.
          const blocked = !result.ok && result.issues.find((issue) => issue.path === 'privacy');
          if (blocked) throw new Error(blocked.message);
          if (!result.ok) {
            notices.add(`The ${kind} copy could not be written: ${result.issues.map((issue) => issue.message).join('; ')}.`);
            return [];
          }
          result.value.notices.forEach((notice) => notices.add(notice));
          const p = result.value.provenance;
          provenance ??= { provider: p.provider, model: p.model, template: `${p.template}@${p.templateVersion}`, seed: p.seed, createdAt: p.createdAt };
          return result.value.variants.map((piece) => piece.text);
        }),
      );
    return cache.get(key)!;
  };
  const bySize: Extract<CopySource, { mode: 'generated' }>['bySize'] = [];
  for (const size of request.sizes) {
    const parsed = parseSize(size);
    if (!parsed.ok) continue;
    const { width, height } = parsed.value;
    const limits = copyLimitsForSize(width, height, minTextSizeFor(kit.visual, width, height));
    const texts = await Promise.all(slots.map((slot) => (limits[kinds[slot]] > 0 ? ask(kinds[slot], limits[kinds[slot]]) : Promise.resolve([]))));
    const rows: VariantRow[] = [];
    for (let index = 0; index < request.count; index++) {
      const row: Record<string, string> = {};
      slots.forEach((slot, at) => {
        const options = texts[at]!;
        if (options.length) row[slot] = options[index % options.length]!;
      });
      rows.push({ variant: String.fromCharCode(65 + index), locale: request.locale.trim(), texts: row });
    }
    bySize.push({ size, rows });
  }
  if (remote) notices.add('A language model drafted this copy: review it before it ships.');
  const fallback = { provider: 'offline', model: 'onbrand-offline-1', template: 'ad-variants', seed: '', createdAt: now.toISOString() };
  return { copy: { mode: 'generated', bySize, provenance: provenance ?? fallback }, notices: [...notices] };
}
