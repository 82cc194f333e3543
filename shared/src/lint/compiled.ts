import type { LintContext, RuleHead } from './context';

/** A literal the single-pass matcher looks for, on behalf of one consumer. */
export interface TermEntry {
  key: string;
  caseSensitive: boolean;
  /** A shield matches an exception so the consumer's overlapping hits are dropped, and reports nothing. */
  shield?: boolean;
  /** What the consumer needs to report the hit (a replacement, the approved spelling…). */
  payload?: unknown;
}

/** One occurrence of an entry in the text, already checked for case, word boundaries and skipped spans. */
export interface TermHit {
  start: number;
  end: number;
  entry: TermEntry;
}

/** A term-like rule: its literals go into the kit's one matcher, and `finish` turns its hits into findings. */
export interface TermConsumer {
  head: Pick<RuleHead, 'channels' | 'skip'>;
  entries: TermEntry[];
  finish(ctx: LintContext, hits: readonly TermHit[]): void;
}

/** What one kit rule compiles to: literals for the matcher, a check over the text, or both. */
export interface CompiledRule {
  consumers?: TermConsumer[];
  check?: (ctx: LintContext) => void;
}
