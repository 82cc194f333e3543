import { compileProgram, UnsupportedPattern } from '../regex';

// JavaScript's regex engine backtracks, so a kit pattern such as `(a+)+b`, `a*a*a*b` or `.*a.*b`
// can take exponential or polynomial time on some text and hang every surface that lints with the
// kit. Kit patterns therefore run on Onbrand's linear-time matcher (`shared/src/regex`), and a
// pattern it cannot run (lookaround, back-references, huge repeat counts) is refused here, when the
// kit is read, with the reason.

/** Flags the engine compiles every kit pattern with: global, Unicode-aware, optionally case-blind. */
export function patternFlags(ignoreCase: boolean): string {
  return ignoreCase ? 'giu' : 'gu';
}

/** Checks a kit pattern: it must compile and run on the linear-time matcher. Returns a message or undefined. */
export function checkPattern(pattern: string, ignoreCase = false): string | undefined {
  try {
    new RegExp(pattern, patternFlags(ignoreCase));
  } catch (error) {
    return `invalid regular expression (${(error as Error).message})`;
  }
  try {
    compileProgram(pattern, ignoreCase);
  } catch (error) {
    if (error instanceof UnsupportedPattern) return error.message;
    throw error;
  }
  return undefined;
}
