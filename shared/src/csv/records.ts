// Rows under a header row as objects keyed by the header. A blank header cell becomes
// "column3" and a repeated one gets its column number appended, so no value is lost to a key clash.

export interface CsvRecords {
  /** The keys, one per column, unique. */
  keys: string[];
  records: Record<string, string>[];
}

/** Unique keys for a header row. */
export function headerKeys(header: readonly string[]): string[] {
  const seen = new Set<string>();
  return header.map((cell, i) => {
    let key = cell.trim() || `column${i + 1}`;
    while (seen.has(key)) key = `${key}_${i + 1}`;
    seen.add(key);
    return key;
  });
}

/** The rows after the header as records; missing trailing cells read as "". */
export function toRecords(rows: readonly (readonly string[])[]): CsvRecords {
  const [header = [], ...body] = rows;
  const keys = headerKeys(header);
  return { keys, records: body.map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i] ?? '']))) };
}
