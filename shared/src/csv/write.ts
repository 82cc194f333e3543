// Writes RFC 4180 CSV: a field is quoted when it holds the delimiter, a quote, a line break or
// leading or trailing spaces (which some readers trim), and its quotes are doubled.
// A spreadsheet that opens the file runs a cell starting with =, +, -, @, a tab or a carriage return
// as a formula (OWASP, "CSV Injection"), so such a cell is written with a leading apostrophe and
// reads as text. Plain numbers such as -5 or +1.5 run nothing and stay as they are.

export interface CsvWriteOptions {
  delimiter?: string;
  /** '\r\n' as RFC 4180 says, unless told otherwise. */
  lineEnding?: string;
}

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A cell's text made safe to open in a spreadsheet: a would-be formula gets a leading apostrophe. */
export function neutralizeFormula(text: string): string {
  return formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

/** One field, quoted only when it must be, never read as a formula. */
export function csvField(value: unknown, delimiter = ','): string {
  const text = neutralizeFormula(value === null || value === undefined ? '' : String(value));
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || text.trim() !== text;
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text, each record ended by the line ending. */
export function writeCsv(rows: readonly (readonly unknown[])[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const lineEnding = options.lineEnding ?? '\r\n';
  return rows.map((row) => row.map((value) => csvField(value, delimiter)).join(delimiter) + lineEnding).join('');
}
