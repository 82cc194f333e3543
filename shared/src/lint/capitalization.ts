import type { BrandKit, RuleOf } from '../kit';
import { isAscii, trimmedSpan, type Span } from '../text';
import type { CompiledRule } from './compiled';
import { allCapitals, lettersOf, reporter, type LintContext } from './context';

type Style = 'title' | 'sentence' | 'upper' | 'lower';

// Short words that stay lower case inside a title (AP and Chicago agree on these).
const minorWords = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on', 'per', 'to', 'up', 'via', 'vs', 'with', 'from', 'into', 'over']);

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*/gu;
// The same words and letters in ASCII-only text, where Unicode patterns only cost time.
const asciiWordPattern = /[A-Za-z0-9][A-Za-z0-9']*/g;
const letterOrDigit = /[\p{L}\p{N}]/u;
const asciiLetterOrDigit = /[A-Za-z0-9]/;

/** Words kept exactly as written: acronyms, words with inner capitals, and the kit's names. */
function keptAsWritten(word: string, exceptions: ReadonlySet<string>): boolean {
  if (exceptions.has(word)) return true;
  const ascii = asciiCase(word);
  if (ascii !== undefined) return ascii;
  return allCapitals(lettersOf(word)) || /.\p{Lu}/u.test(word);
}

// The same answer for an ASCII word without regular expressions: two or more letters, all capitals,
// or a capital after the first character. Undefined when the word is not ASCII.
function asciiCase(word: string): boolean | undefined {
  let letters = 0;
  let lower = false;
  let innerCapital = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80) return undefined;
    if (c >= 97 && c <= 122) {
      letters++;
      lower = true;
    } else if (c >= 65 && c <= 90) {
      letters++;
      if (i > 0) innerCapital = true;
    }
  }
  return (letters >= 2 && !lower) || innerCapital;
}

const upperFirst = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The text in the style; applying it twice changes nothing. */
export function applyStyle(text: string, style: Style, exceptions: ReadonlySet<string>): string {
  let index = 0;
  let afterColon = false;
  const ascii = isAscii(text);
  const hasWord = ascii ? asciiLetterOrDigit : letterOrDigit;
  return text.replace(ascii ? asciiWordPattern : wordPattern, (word, offset: number) => {
    const first = index === 0 || /[.!?]\s*$/.test(text.slice(Math.max(0, offset - 4), offset));
    const freeStart = afterColon;
    index++;
    afterColon = false;
    const rest = text.slice(offset + word.length);
    if (/^\s*[:—–]/.test(rest)) afterColon = true;
    if (keptAsWritten(word, exceptions)) return word;
    if (style === 'upper') return word.toUpperCase();
    if (style === 'lower') return word.toLowerCase();
    const lower = word.toLowerCase();
    if (style === 'sentence') return first ? upperFirst(lower) : freeStart ? word : lower;
    const last = !hasWord.test(rest);
    // Hyphenated parts are words of their own in a title ("Best-in-Class" keeps "in" lower).
    if (!first && !freeStart && !last && minorWords.has(lower)) return lower;
    return upperFirst(lower);
  });
}

// Markdown headings ("## Heading") without the marker; a text with no marker has no headings.
function headingSpans(text: string): Span[] {
  const out: Span[] = [];
  if (!text.includes('#')) return out;
  // Greedy capture, trimmed by a loop afterwards: a lazy capture, or a trimming pattern anchored at
  // the end, backtracks quadratically on long runs of spaces.
  for (const m of text.matchAll(/^[ \t]{0,3}#{1,6}[ \t]+([^\r\n]*)/gm)) {
    const start = m.index + m[0].length - m[1]!.length;
    let end = m[1]!.length;
    while (end > 0 && ' \t#'.includes(m[1]![end - 1]!)) end--;
    const heading = m[1]!.slice(0, end);
    if (heading) out.push({ start, end: start + heading.length });
  }
  return out;
}

function targetSpans(ctx: LintContext, scope: RuleOf<'capitalization'>['scope']): Span[] {
  const { text } = ctx;
  if (scope === 'lines') return ctx.scopeSpans('line');
  if (scope !== 'headings') {
    const whole = trimmedSpan(text, 0, text.length);
    return whole ? [whole] : [];
  }
  if (!ctx.headings) return headingSpans(text);
  // Host headings are trimmed and clamped, so a stale range never reaches past the text.
  const clamp = (offset: number) => Math.max(0, Math.min(offset, text.length));
  return ctx.headings.flatMap((h) => trimmedSpan(text, clamp(h.start), Math.max(clamp(h.start), clamp(h.end))) ?? []);
}

/** Names the kit knows, kept as written in any style: approved terms, product names, the brand. */
function kitNames(kit: BrandKit): string[] {
  const names = [kit.name, ...(kit.terms ?? []).filter((t) => t.status === 'approved').map((t) => t.term)];
  for (const rule of kit.rules ?? []) if (rule.type === 'capitalization') names.push(...rule.terms);
  return names.flatMap((name) => name.split(/\s+/));
}

/** Product names with exact capitals (through the matcher) and headings or whole texts in one case style. */
export function compileCapitalization(rule: RuleOf<'capitalization'>, kit: BrandKit): CompiledRule {
  const exceptionsOf = (r: RuleOf<'capitalization'>) => new Set([...r.exceptions.flatMap((e) => e.split(/\s+/)), ...kitNames(kit)]);
  const exceptions = exceptionsOf(rule);
  const flag = reporter(rule);
  const report = (ctx: LintContext, start: number, end: number, suggestion: string, fixable = true) => {
    const match = ctx.text.slice(start, end);
    flag(ctx, start, end, [match], { match, suggestion }, fixable ? [suggestion] : []);
  };
  const style = rule.style;
  // Other case-style rules of the kit. Where one also applies to the same text and would flag this
  // rule's fix (title case and sentence case over one headline), the fix would be undone by the next
  // fix-all, and so on for ever: the finding is reported without a fix, for a person to settle.
  const rivals = (kit.rules ?? []).flatMap((r) => (r !== rule && r.type === 'capitalization' && r.style && r.style !== style ? [{ rule: r, style: r.style, exceptions: exceptionsOf(r) }] : []));
  const disputed = (ctx: LintContext, span: Span, styled: string) =>
    rivals.some(
      (rival) =>
        ctx.applies(rival.rule) &&
        targetSpans(ctx, rival.rule.scope).some((other) => other.start < span.end && span.start < other.end) &&
        applyStyle(styled, rival.style, rival.exceptions) !== styled,
    );
  return {
    consumers: rule.terms.length > 0
      ? [{
          head: rule,
          entries: rule.terms.map((key) => ({ key, caseSensitive: false })),
          finish(ctx, hits) {
            for (const hit of hits) {
              if (ctx.text.slice(hit.start, hit.end) !== hit.entry.key) report(ctx, hit.start, hit.end, hit.entry.key);
            }
          },
        }]
      : [],
    check: style
      ? (ctx) => {
          for (const span of targetSpans(ctx, rule.scope)) {
            const written = ctx.text.slice(span.start, span.end);
            const styled = applyStyle(written, style, exceptions);
            if (styled !== written && !ctx.skipped(rule, span.start, span.end)) report(ctx, span.start, span.end, styled, !disputed(ctx, span, styled));
          }
        }
      : undefined,
  };
}
