// Writes RFC 4180 CSV: a field is quoted when it holds the delimiter, a quote, a line break or
// leading or trailing spaces (which some readers trim), and its quotes are doubled.

export interface CsvWriteOptions {
  delimiter?: string;
  /** '\r\n' as RFC 4180 says, unless told otherwise. */
  lineEnding?: string;
}

/** One field, quoted only when it must be. */
export function csvField(value: unknown, delimiter = ','): string {
  const text = value === null || value === undefined ? '' : String(value);
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || text.trim() !== text;
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text, each record ended by the line ending. */
export function writeCsv(rows: readonly (readonly unknown[])[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const lineEnding = options.lineEnding ?? '\r\n';
  return rows.map((row) => row.map((value) => csvField(value, delimiter)).join(delimiter) + lineEnding).join('');
}
