// Case folding one UTF-16 unit at a time, so folded text keeps every offset of the original.
// Characters whose lower case is longer (İ → i̇) stay as they are; that keeps offsets exact.

// The BMP ranges holding every character whose lower case differs from it (Latin, Greek, Cyrillic,
// Armenian, Georgian, Cherokee, Glagolitic, Coptic, letterlike symbols, circled and fullwidth
// letters; Unicode 15). Folding only these keeps the table cheap to build on a cold start, which
// Apps Script pays on every call.
const caseRanges: readonly (readonly [number, number])[] = [
  [0x41, 0x5a], [0xc0, 0x24e], [0x370, 0x556], [0x10a0, 0x10cd], [0x13a0, 0x13f5], [0x1c89, 0x1cbf],
  [0x1e00, 0x1ffc], [0x2126, 0x2183], [0x24b6, 0x24cf], [0x2c00, 0x2cf2], [0xa640, 0xa69a], [0xa722, 0xa7f5], [0xff21, 0xff3a],
];

let table: Uint16Array | undefined;
let preimages: Map<number, number[]> | undefined;

function foldTable(): Uint16Array {
  if (table) return table;
  table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  preimages = new Map();
  for (const [from, to] of caseRanges) {
    for (let c = from; c <= to; c++) {
      const lower = String.fromCharCode(c).toLowerCase();
      if (lower.length !== 1 || lower.charCodeAt(0) === c) continue;
      const folded = lower.charCodeAt(0);
      table[c] = folded;
      const list = preimages.get(folded);
      if (list) list.push(c);
      else preimages.set(folded, [c]);
    }
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

/** Every UTF-16 unit that folds to `folded` (itself included). */
export function unitsFoldingTo(folded: number): readonly number[] {
  foldTable();
  return [folded, ...(preimages!.get(folded) ?? [])];
}
