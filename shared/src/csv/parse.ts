import type { Issue, Parsed } from '../issues';

// CSV as RFC 4180 defines it: fields separated by commas, records by CRLF (LF alone and a lone CR
// are accepted too, as spreadsheets export both), fields with commas, quotes or line breaks quoted,
// a quote inside a quoted field doubled. A leading byte-order mark is dropped (Excel writes one).
// A final line break does not start an empty record. Errors name the line they are on.

export interface CsvOptions {
  /** One character; ',' by default (';' for European spreadsheet exports). */
  delimiter?: string;
}

const quote = '"';

/** Parses CSV text into rows of strings, or returns the problems with their line numbers. */
export function parseCsv(text: string, options: CsvOptions = {}): Parsed<string[][]> {
  const delimiter = options.delimiter ?? ',';
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  const issues: Issue[] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;
  // True once the current record has any content, so a lone "" at the end still counts as a record.
  let open = false;
  const endRecord = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
    open = false;
  };
  while (i < source.length) {
    const ch = source[i];
    if (ch !== '\r' && ch !== '\n') open = true;
    if (ch === quote && field === '') {
      const startLine = line;
      let closed = false;
      i++;
      while (i < source.length) {
        const c = source[i];
        if (c === quote) {
          if (source[i + 1] === quote) {
            field += quote;
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && source[i + 1] !== '\n')) line++;
        field += c;
        i++;
      }
      if (!closed) {
        issues.push({ path: `line ${startLine}`, message: 'a quoted field is never closed: add the missing "' });
        break;
      }
      const next = source[i];
      if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
        issues.push({ path: `line ${line}`, message: `unexpected text after a closing quote: write "" for a quote inside a quoted field` });
        while (i < source.length && source[i] !== delimiter && source[i] !== '\r' && source[i] !== '\n') i++;
      }
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      if (ch === quote) issues.push({ path: `line ${line}`, message: 'a quote inside an unquoted field: quote the whole field and double the quote' });
      field += ch;
      i++;
    }
  }
  if (open) endRecord();
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: rows };
}
