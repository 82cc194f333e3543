// Parts of a text that brand rules leave alone by default: links, email addresses, quotations
// (someone else's words) and code. Each finder runs in linear time so no text can stall the linter.

export type SpanKind = 'urls' | 'emails' | 'quotes' | 'code';

/** A range of text of one kind. */
export interface SkipSpan {
  start: number;
  end: number;
  kind: SpanKind;
}

const codePattern = /```[\s\S]*?(?:```|$)|`[^`\n]+`/g;
const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>"`]+/gi;
const quotePairs = [['"', '"'], ['“', '”'], ['«', '»'], ['「', '」']] as const;
const longestQuote = 1000;

function collect(text: string, pattern: RegExp, kind: SpanKind, out: SkipSpan[], trim?: (match: string) => string): void {
  for (const m of text.matchAll(pattern)) {
    const match = trim ? trim(m[0]) : m[0];
    if (match) out.push({ start: m.index, end: m.index + match.length, kind });
  }
}

// A URL's trailing punctuation usually ends the sentence, unless it closes a bracket the URL opened.
function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0 && /[.,;:!?')\]]/.test(url[end - 1]!)) {
    const c = url[end - 1]!;
    if (c === ')' && url.slice(0, end).split('(').length > url.slice(0, end).split(')').length - 1) break;
    end--;
  }
  return url.slice(0, end);
}

const localChar = /[A-Za-z0-9._%+\-]/;
const domainChar = /[A-Za-z0-9.\-]/;

// Email addresses are found from each "@" outwards, which stays linear on long runs of letters.
function collectEmails(text: string, out: SkipSpan[]): void {
  let at = text.indexOf('@');
  while (at !== -1) {
    let start = at;
    while (start > 0 && localChar.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && domainChar.test(text[end]!)) end++;
    while (end > at + 1 && /[.\-]/.test(text[end - 1]!)) end--;
    const domain = text.slice(at + 1, end);
    if (start < at && /^[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$/.test(domain)) out.push({ start, end, kind: 'emails' });
    at = text.indexOf('@', Math.max(end, at + 1));
  }
}

// A quotation opens and closes on one line, holding 1 to 1,000 characters. Found with indexOf,
// which runs natively and skips long unquoted stretches at once.
function collectQuotes(text: string, open: string, close: string, out: SkipSpan[]): void {
  let at = text.indexOf(open);
  while (at !== -1) {
    const end = text.indexOf(close, at + 1);
    if (end === -1) return;
    if (end > at + 1 && end - at - 1 <= longestQuote && !text.slice(at + 1, end).includes('\n')) {
      out.push({ start: at, end: end + 1, kind: 'quotes' });
      at = text.indexOf(open, end + 1);
    } else at = text.indexOf(open, at + 1);
  }
}

/** Every link, email address, quotation and code span, sorted by start. */
export function findSkipSpans(text: string): SkipSpan[] {
  const out: SkipSpan[] = [];
  if (text.includes('`')) collect(text, codePattern, 'code', out);
  // Plain searches decide whether the URL pattern needs to run at all; most copy has no links.
  if (text.includes('://') || text.includes('www.') || text.includes('WWW.') || text.includes('Www.')) collect(text, urlPattern, 'urls', out, trimUrl);
  if (text.includes('@')) collectEmails(text, out);
  for (const [open, close] of quotePairs) collectQuotes(text, open, close, out);
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Answers "does this range touch a skipped span of these kinds?" quickly for many ranges. */
export class SkipIndex {
  private readonly byKind = new Map<SpanKind, SkipSpan[]>();
  constructor(spans: readonly SkipSpan[]) {
    for (const span of spans) {
      const list = this.byKind.get(span.kind) ?? [];
      list.push(span);
      this.byKind.set(span.kind, list);
    }
  }

  /** Whether `[start, end)` overlaps a span of one of the kinds. */
  overlaps(start: number, end: number, kinds: readonly SpanKind[]): boolean {
    for (const kind of kinds) {
      const list = this.byKind.get(kind);
      if (list && overlapsAny(list, start, end)) return true;
    }
    return false;
  }
}

// Spans of one kind are sorted by start; the only candidates are those starting before `end`.
function overlapsAny(list: readonly SkipSpan[], start: number, end: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < Math.max(end, start + 1)) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) if (list[i]!.end > start) return true;
  return false;
}
