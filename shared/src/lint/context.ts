import type { Severity } from '../findings';
import type { BrandKit, Channel, SkipKind } from '../kit';
import { BlockMap, findSkipSpans, isAscii, markdownBlocks, SkipIndex, type Span } from '../text';
import type { LinearMatch } from '../regex';
import { eachMatch, type Pattern } from './pattern';

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

/** Where a rule counts or looks: the whole text, or each paragraph, sentence or line (blank lines left out), never across a block. */
export type Scope = 'text' | 'paragraph' | 'sentence' | 'line';

/** What every rule check sees: the text, the kit, the channel and lazily computed views of the text. */
export class LintContext {
  readonly findings: RawFinding[] = [];
  private skipIndex?: SkipIndex;
  private asciiOnly?: boolean;
  private readonly spanLists: Partial<Record<Scope, Span[]>> = {};
  private blockMap?: BlockMap;

  constructor(
    readonly text: string,
    readonly kit: BrandKit,
    readonly channel: Channel | undefined,
    /** Heading ranges the host knows, if any. */
    readonly headings?: readonly Span[],
    /** Block ranges the host knows (paragraphs, list items, cells); without them the text is read as Markdown. */
    private readonly blockSpans?: readonly Span[],
  ) {}

  /** The text's blocks: headings, list items, table cells and paragraphs, which nothing is measured across. */
  get blocks(): BlockMap {
    return (this.blockMap ??= new BlockMap(this.text, this.blockSpans ?? markdownBlocks(this.text)));
  }

  get skips(): SkipIndex {
    return (this.skipIndex ??= new SkipIndex(findSkipSpans(this.text)));
  }

  /** Whether the text is ASCII-only, so patterns may run their faster ASCII twins. */
  get ascii(): boolean {
    return (this.asciiOnly ??= isAscii(this.text));
  }

  /** The spans a scope names, each list found once per lint; the whole text is one span. */
  scopeSpans(scope: Scope): Span[] {
    const { text } = this;
    return (this.spanLists[scope] ??=
      scope === 'sentence' ? this.blocks.sentences()
      : scope === 'paragraph' ? this.blocks.paragraphs()
      : scope === 'line' ? this.blocks.lines()
      : text.length > 0 ? [{ start: 0, end: text.length }] : []);
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

  /** Each non-empty match of a pattern (within `span` when given) outside the text the rule skips and within one block. */
  matches(pattern: Pattern, rule: { skip: readonly SkipKind[] }, onMatch: (start: number, end: number, m: LinearMatch) => void, span?: Span): void {
    const offset = span ? span.start : 0;
    // A span of ASCII-only text is ASCII-only too.
    eachMatch(pattern, span ? this.text.slice(span.start, span.end) : this.text, this.ascii, (m) => {
      const start = offset + m.index;
      const end = start + m[0].length;
      if (end > start && !this.skipped(rule, start, end) && !this.blocks.crosses(start, end)) onMatch(start, end, m);
    });
  }
}

/** Reports a finding: the message template filled with `args` for `%s` and `named` values for `{name}`. */
export type Reporter = (ctx: LintContext, start: number, end: number, args: readonly string[], named: Record<string, string>, suggestions?: string[]) => void;

/**
 * Reports one kit rule's findings with its severity and message. The id is `<type>.<rule id>`, so every
 * surface can tell what kind of rule fired.
 */
export function reporter(rule: RuleHead & { type: string }, id = rule.id.startsWith(`${rule.type}.`) ? rule.id : `${rule.type}.${rule.id}`): Reporter {
  return (ctx, start, end, args, named, suggestions = []) =>
    ctx.report({ rule: id, severity: rule.severity, message: formatMessage(rule.message, args, named), start, end, suggestions });
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
  const letters = lettersOf(source);
  if (!letters) return replacement;
  if (allCapitals(letters)) return replacement.toUpperCase();
  const first = letters[0]!;
  if (first !== first.toLowerCase() && replacement.length > 0) {
    const cp = replacement.codePointAt(0)!;
    const head = String.fromCodePoint(cp);
    return head.toUpperCase() + replacement.slice(head.length);
  }
  return replacement;
}

/** The letters of a text, without digits, marks, spaces or punctuation. */
export const lettersOf = (text: string) => text.replace(/[^\p{L}]/gu, '');

/** Whether letters, two or more, are all capitals ("USE" but not "I" or "Use"). */
export const allCapitals = (letters: string) => letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();

/** Escapes text for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
