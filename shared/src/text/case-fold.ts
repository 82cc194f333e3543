// Case folding one UTF-16 unit at a time, so folded text keeps every offset of the original.
// Characters whose lower case is longer (İ → i̇) stay as they are; that keeps offsets exact.

let table: Uint16Array | undefined;

function foldTable(): Uint16Array {
  if (table) return table;
  table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      table[c] = c;
      continue;
    }
    const lower = String.fromCharCode(c).toLowerCase();
    table[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  return table;
}

/** The folded form of one UTF-16 unit. */
export function foldUnit(unit: number): number {
  if (unit < 0x80) return unit >= 65 && unit <= 90 ? unit + 32 : unit;
  return foldTable()[unit]!;
}

/** The text with every unit folded; the result has the same length as the input. */
export function foldCase(text: string): string {
  let out = '';
  let changed = false;
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = foldUnit(c);
    if (f !== c) changed = true;
    units.push(f);
  }
  if (!changed) return text;
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode(...units.slice(i, i + 4096));
  return out;
}

let preimages: Map<number, number[]> | undefined;

/** Every UTF-16 unit that folds to `folded` (itself included). */
export function unitsFoldingTo(folded: number): readonly number[] {
  if (!preimages) {
    preimages = new Map();
    const fold = foldTable();
    for (let c = 0; c < 0x10000; c++) {
      const list = preimages.get(fold[c]!);
      if (list) list.push(c);
      else preimages.set(fold[c]!, [c]);
    }
  }
  return preimages.get(folded) ?? [folded];
}
