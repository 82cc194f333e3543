import { parseWith, type Parsed } from '../issues';
import { brandKitSchema, type BrandKit } from './schema';

/** Parses kit JSON text, naming every problem by path; never throws. */
export function parseKitJson(text: string): Parsed<BrandKit> {
  let data: unknown;
  try {
    // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, issues: [{ path: '(root)', message: `not valid JSON (${(error as Error).message})` }] };
  }
  return parseKit(data);
}

/** Validates an already-parsed kit object. */
export function parseKit(data: unknown): Parsed<BrandKit> {
  return parseWith(brandKitSchema(), data);
}
