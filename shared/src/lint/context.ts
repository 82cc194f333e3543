import type { Severity } from '../findings';
import type { BrandKit, Channel, SkipKind } from '../kit';
import { findSkipSpans, paragraphSpans, sentenceSpans, SkipIndex, type Span } from '../text';
import { isAscii } from './pattern';

/** A finding before line and column are known. */
export interface RawFinding {
  rule: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  suggestions: string[];
}

/** The rule fields the engine needs to report and scope a finding. */
export interface RuleHead {
  id: string;
  severity: Severity;
  message: string;
  channels?: readonly string[];
  skip: readonly SkipKind[];
}

/** What every rule check sees: the text, the kit, the channel and lazily computed views of the text. */
export class LintContext {
  readonly findings: RawFinding[] = [];
  private skipIndex?: SkipIndex;
  private sentenceList?: Span[];
  private paragraphList?: Span[];
  private asciiOnly?: boolean;

  constructor(
    readonly text: string,
    readonly kit: BrandKit,
    readonly channel: Channel | undefined,
    /** Heading ranges the host knows, if any. */
    readonly headings?: readonly Span[],
  ) {}

  get skips(): SkipIndex {
    return (this.skipIndex ??= new SkipIndex(findSkipSpans(this.text)));
  }

  /** Whether the text is ASCII-only, so patterns may run their faster ASCII twins. */
  get ascii(): boolean {
    return (this.asciiOnly ??= isAscii(this.text));
  }

  get sentences(): Span[] {
    return (this.sentenceList ??= sentenceSpans(this.text));
  }

  get paragraphs(): Span[] {
    return (this.paragraphList ??= paragraphSpans(this.text));
  }

  /** The spans a scope names; the whole text is one span. */
  scopeSpans(scope: 'text' | 'paragraph' | 'sentence'): Span[] {
    if (scope === 'sentence') return this.sentences;
    if (scope === 'paragraph') return this.paragraphs;
    return this.text.length > 0 ? [{ start: 0, end: this.text.length }] : [];
  }

  /** Whether a rule applies on this lint's channel. */
  applies(rule: { channels?: readonly string[] }): boolean {
    return !rule.channels || (this.channel !== undefined && rule.channels.includes(this.channel.id));
  }

  /** Whether `[start, end)` lies in text the rule skips. */
  skipped(rule: { skip: readonly SkipKind[] }, start: number, end: number): boolean {
    return rule.skip.length > 0 && this.skips.overlaps(start, end, rule.skip);
  }

  report(finding: RawFinding): void {
    this.findings.push(finding);
  }
}

/** The id a finding carries: `<type>.<rule id>`, so every surface can tell what kind of rule fired. */
export function findingRuleId(type: string, id: string): string {
  return id.startsWith(`${type}.`) ? id : `${type}.${id}`;
}

/**
 * Fills a message: `%s` takes the arguments in order (as Vale does); `{name}` takes a named value.
 * Unknown placeholders stay as written.
 */
export function formatMessage(template: string, args: readonly string[], named: Record<string, string> = {}): string {
  // Written with indexOf rather than regular expressions: a long text can produce thousands of messages.
  let out = '';
  let next = 0;
  let from = 0;
  for (;;) {
    const percent = template.indexOf('%s', from);
    const brace = template.indexOf('{', from);
    if (percent === -1 && brace === -1) return out + template.slice(from);
    if (percent !== -1 && (brace === -1 || percent < brace)) {
      out += template.slice(from, percent) + (next < args.length ? args[next++]! : '%s');
      from = percent + 2;
      continue;
    }
    const close = template.indexOf('}', brace);
    const name = close === -1 ? '' : template.slice(brace + 1, close);
    const value = /^\w+$/.test(name) ? named[name] : undefined;
    out += template.slice(from, brace) + (value ?? (close === -1 ? template.slice(brace) : template.slice(brace, close + 1)));
    if (close === -1) return out;
    from = close + 1;
  }
}

/** Carries the writer's capitals over to a replacement: "Utilize" → "Use", "UTILIZE" → "USE". */
export function matchCase(source: string, replacement: string): string {
  const letters = source.replace(/[^\p{L}]/gu, '');
  if (!letters) return replacement;
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = letters[0]!;
  if (first !== first.toLowerCase() && replacement.length > 0) {
    const cp = replacement.codePointAt(0)!;
    const head = String.fromCodePoint(cp);
    return head.toUpperCase() + replacement.slice(head.length);
  }
  return replacement;
}

/** Escapes text for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
