import { compileProgram, eachLinearMatch, type LinearMatch, type Program } from '../regex';

// A kit's own patterns run on the linear-time matcher (`shared/src/regex`), so no kit can hang a
// surface. Patterns Onbrand writes itself (claim triggers, escaped literal words) run on
// JavaScript's engine, which is faster on them.
// Those run with the `u` flag (and `i` when case is ignored). V8 runs `iu` patterns about ten
// times slower than `i` ones, since Unicode case folding widens every letter, \b and \w. On text made
// only of ASCII characters the two mean the same, so each pattern gets an ASCII twin without `u` when
// its source allows one; copy is usually ASCII, and short pieces then pay a fraction of the time.

/** A pattern Onbrand wrote, and its twin for ASCII-only text when one means exactly the same there. */
export interface OwnPattern {
  full: RegExp;
  ascii: RegExp | undefined;
}

/** A pattern Onbrand wrote, or a kit's pattern compiled for the linear matcher. */
export type Pattern = OwnPattern | { program: Program };

/** Compiles a pattern from a kit (already checked by the kit's schema) for the linear-time matcher. */
export function compileKitPattern(source: string, ignoreCase: boolean): Pattern {
  return { program: compileProgram(source, ignoreCase) };
}

// Unicode properties whose ASCII members are known; a case-blind match keeps them closed under case.
const asciiProperties: Readonly<Record<string, string>> = { L: 'A-Za-z', N: '0-9' };

/**
 * The source rewritten for a non-`u` regex that matches ASCII text exactly as the `u` one does, or
 * undefined. Escapes that differ between the modes (\u, \x, \c, \W, other properties) give up, and so
 * do characters beyond the BMP and ſ and K (U+212A), which Unicode case folding matches to ASCII "s" and "k".
 */
function asciiSource(source: string): string | undefined {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    // A surrogate pair is one character only in `u` mode, so a quantifier after one means something else.
    if (c === '\u017f' || c === '\u212a' || (c >= '\ud800' && c <= '\udfff')) return undefined;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === 'p') {
        const close = source.indexOf('}', i);
        const members = source[i + 2] === '{' && close !== -1 ? asciiProperties[source.slice(i + 3, close)] : undefined;
        if (members === undefined) return undefined;
        out += inClass ? members : `[${members}]`;
        i = close;
        continue;
      }
      if (next === undefined || 'PuxcW'.includes(next)) return undefined;
      out += c + next;
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

/** Compiles a pattern with the given `u` flags, and its ASCII twin when the source allows one. */
export function compilePattern(source: string, flags: string): OwnPattern {
  const full = new RegExp(source, flags);
  const twin = flags.includes('u') ? asciiSource(source) : undefined;
  let ascii: RegExp | undefined;
  try {
    ascii = twin === undefined ? undefined : new RegExp(twin, flags.replace('u', ''));
  } catch {
    ascii = undefined;
  }
  return { full, ascii };
}

/**
 * Every match in order, as `matchAll` gives them; `ascii` says the text is ASCII-only, so the twin
 * may run. Written as an exec loop: matchAll clones the regex on every call, which short texts feel.
 */
export function eachMatch(pattern: Pattern, text: string, ascii: boolean, onMatch: (m: LinearMatch) => void): void {
  if ('program' in pattern) return eachLinearMatch(pattern.program, text, onMatch);
  const re = ascii && pattern.ascii ? pattern.ascii : pattern.full;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // An empty match moves on by one character (a whole surrogate pair in `u` mode), as matchAll does.
    if (m[0].length === 0) re.lastIndex = advance(text, re.lastIndex, re.unicode);
    onMatch(m);
  }
  re.lastIndex = 0;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  if (c < 0xd800 || c > 0xdbff) return index + 1;
  const d = text.charCodeAt(index + 1);
  return d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}
