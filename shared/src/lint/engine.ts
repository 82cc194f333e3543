import { severityRank, type Finding } from '../findings';
import { resolveChannel, type BrandKit, type Channel, type Rule, type RuleOf, type RuleType } from '../kit';
import { codePointBefore, continuesWord, countWords, foldCase, LineMap } from '../text';
import { compileCapitalization } from './capitalization';
import { checkChannel } from './channel';
import { approvedRanges, compileClaims, implicitClaimsRule } from './claims';
import type { CompiledRule, TermConsumer, TermEntry, TermHit } from './compiled';
import { compileConditional } from './conditional';
import { compileConsistency } from './consistency';
import { LintContext, type RawFinding } from './context';
import { compileExistence } from './existence';
import { compileLength } from './length';
import { TermMatcher } from './matcher';
import { compileOccurrence } from './occurrence';
import { kitRules } from './presets';
import { compileReadability } from './readability';
import { compileRepetition } from './repetition';
import { compileRequired, isNamedElement } from './required';
import { scoreForWords } from './score';
import { compileSubstitution } from './substitution';
import { compileTerms } from './terms';

/** Options for one lint. */
export interface LintOptions {
  /** The channel the copy runs on: its rules, limits and required elements apply. */
  channel?: string;
  /** Claims the brief has approved, on top of the kit's own. */
  approvedClaims?: readonly string[];
  /** Whether the copy was written by AI, so the channel's disclosure label is required. */
  aiGenerated?: boolean;
  /**
   * Where the headings are, for hosts that know them from paragraph styles (Docs, Figma); without
   * it, Markdown headings ("# Title") are the headings.
   */
  headings?: readonly { start: number; end: number }[];
  /**
   * Where the blocks are (paragraphs, headings, list items, table cells), for hosts that know their
   * structure; without it the text is read as Markdown. No sentence, paragraph, line, limit or match
   * crosses a block.
   */
  blocks?: readonly { start: number; end: number }[];
}

export interface LintResult {
  findings: Finding[];
  score: number;
}

/** A kit compiled once: every literal of every term-like rule in one matcher, and the other checks. */
interface CompiledKit {
  matcher: TermMatcher;
  /** For each matcher key: the entries that share it, with their consumer's index. */
  keyEntries: { entry: TermEntry; consumer: number }[][];
  /** For each matcher key: bit 1 = needs a word boundary before, bit 2 = after. */
  keyBoundaries: Uint8Array;
  consumers: TermConsumer[];
  checks: { rule: { channels?: readonly string[] }; check: (ctx: LintContext) => void }[];
  /** Channels resolved so far: a kit's channels do not change, and a pack lints a dozen pieces on a few channels. */
  channels: Map<string, Channel | undefined>;
}

const cache = new WeakMap<BrandKit, CompiledKit>();

const compilers: { [T in RuleType]: (rule: RuleOf<T>, kit: BrandKit) => CompiledRule } = {
  existence: compileExistence,
  substitution: compileSubstitution,
  capitalization: compileCapitalization,
  occurrence: compileOccurrence,
  length: compileLength,
  repetition: compileRepetition,
  consistency: compileConsistency,
  conditional: compileConditional,
  readability: compileReadability,
  claims: compileClaims,
  required: compileRequired,
};

// A neighbour continues a word when it is a letter, digit or mark of a spaced script (see continuesWord).
function boundaryBits(key: string): number {
  if (!key) return 0;
  return (continuesWord(key.codePointAt(0)!) ? 1 : 0) | (continuesWord(codePointBefore(key, key.length)) ? 2 : 0);
}

/** Compiles a kit once; later lints with the same kit object reuse it. */
export function compileKit(kit: BrandKit): CompiledKit {
  const cached = cache.get(kit);
  if (cached) return cached;
  const consumers: TermConsumer[] = [compileTerms(kit)];
  const checks: CompiledKit['checks'] = [];
  const rules: Rule[] = [...kitRules(kit)];
  const implicit = implicitClaimsRule(kit);
  if (implicit) rules.push(implicit);
  for (const rule of rules) {
    const compiled = (compilers[rule.type] as (rule: Rule, kit: BrandKit) => CompiledRule)(rule, kit);
    consumers.push(...(compiled.consumers ?? []));
    if (compiled.check) checks.push({ rule, check: compiled.check });
  }
  const keyIndex = new Map<string, number>();
  const keys: string[] = [];
  const keyEntries: CompiledKit['keyEntries'] = [];
  consumers.forEach((consumer, index) => {
    for (const entry of consumer.entries) {
      if (!entry.key) continue;
      // Keys that fold alike share one matcher key; case is checked per entry afterwards.
      const folded = foldCase(entry.key);
      let k = keyIndex.get(folded);
      if (k === undefined) {
        k = keys.length;
        keyIndex.set(folded, k);
        keys.push(entry.key);
        keyEntries.push([]);
      }
      keyEntries[k]!.push({ entry, consumer: index });
    }
  });
  const compiled: CompiledKit = {
    matcher: new TermMatcher(keys),
    keyEntries,
    keyBoundaries: Uint8Array.from(keys, boundaryBits),
    consumers,
    checks,
    channels: new Map(),
  };
  cache.set(kit, compiled);
  return compiled;
}

// Per consumer: leftmost-longest hits win; hits on the same span are all kept; shields report nothing.
function resolve(hits: TermHit[]): TermHit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TermHit[] = [];
  let lastStart = -1;
  let lastEnd = -1;
  for (const hit of hits) {
    if (hit.start === lastStart && hit.end === lastEnd) kept.push(hit);
    else if (hit.start >= lastEnd) {
      kept.push(hit);
      lastStart = hit.start;
      lastEnd = hit.end;
    }
  }
  return kept.filter((hit) => !hit.entry.shield);
}

/** Runs the kit's matcher over the text; returns the word count the scan found on the way, or -1. */
function runTerms(ctx: LintContext, compiled: CompiledKit): number {
  const { text } = ctx;
  const active = compiled.consumers.map((consumer) => ctx.applies(consumer.head));
  const buckets: TermHit[][] = compiled.consumers.map(() => []);
  const words = compiled.matcher.scan(text, (key, end) => {
    const start = end - compiled.matcher.keyLengths[key]!;
    const bits = compiled.keyBoundaries[key]!;
    if (bits & 1 && start > 0 && continuesWord(codePointBefore(text, start))) return;
    if (bits & 2 && end < text.length && continuesWord(text.codePointAt(end)!)) return;
    for (const { entry, consumer } of compiled.keyEntries[key]!) {
      if (!active[consumer]) continue;
      if (entry.caseSensitive && text.slice(start, end) !== entry.key) continue;
      if (ctx.skipped(compiled.consumers[consumer]!.head, start, end) || ctx.blocks.crosses(start, end)) continue;
      buckets[consumer]!.push({ start, end, entry });
    }
  });
  compiled.consumers.forEach((consumer, i) => {
    if (buckets[i]!.length > 0) consumer.finish(ctx, resolve(buckets[i]!));
  });
  return words;
}

const byPosition = (a: RawFinding, b: RawFinding) =>
  a.start - b.start || a.end - b.end || severityRank[a.severity] - severityRank[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);

// One finding per rule, range and message; the most severe wins when two rules report the same.
// Sorted first, so only findings on the same range need comparing.
function settle(raw: RawFinding[], text: string, approved: readonly string[]): RawFinding[] {
  // Approved claims only ever drop claim findings, so the text is searched for them only when there are some.
  const passes = approved.length > 0 && raw.some((f) => f.rule.startsWith('claims.')) ? approvedRanges(text, approved) : [];
  const kept = raw
    .filter((f) => !(f.rule.startsWith('claims.') && passes.some((p) => p.start <= f.start && f.end <= p.end)))
    .sort(byPosition);
  const out: RawFinding[] = [];
  let sameRange = 0;
  for (const finding of kept) {
    const first = out[sameRange];
    if (!first || first.start !== finding.start || first.end !== finding.end) sameRange = out.length;
    let duplicate = false;
    for (let i = sameRange; i < out.length && !duplicate; i++) duplicate = out[i]!.rule === finding.rule && out[i]!.message === finding.message;
    if (!duplicate) out.push(finding);
  }
  return out;
}

// Text the kit itself requires (the disclosure label, literal required elements) is exempt from the
// kit's other rules: "AI" in the label is not an acronym to spell out. Checks of the required text
// itself (disclosure.*, channel.*, required.*) still apply, and a missing-element finding (empty) is never exempt.
function requiredTextRanges(text: string, kit: BrandKit, channel: Channel | undefined): { start: number; end: number }[] {
  const literals = [kit.disclosure?.label ?? '', ...(channel?.requiredElements ?? []).filter((e) => !isNamedElement(e))].filter((t) => t.trim());
  return literals.length ? approvedRanges(text, literals) : [];
}

const ownChecks = /^(?:disclosure|channel|required)\./;

function isExempt(f: RawFinding, exempt: readonly { start: number; end: number }[]): boolean {
  return f.end > f.start && !ownChecks.test(f.rule) && exempt.some((r) => r.start <= f.start && f.end <= r.end);
}

// A finding cut back to its first block keeps its message; a suggestion written for the whole range
// no longer fits the cut range, so it is dropped rather than applied to the wrong text.
function withinBlock(ctx: LintContext, f: RawFinding): RawFinding {
  const span = ctx.blocks.clamp(f.start, f.end);
  return span.start === f.start && span.end === f.end ? f : { ...f, ...span, suggestions: [] };
}

function channelOf(compiled: CompiledKit, kit: BrandKit, id: string): Channel | undefined {
  if (!compiled.channels.has(id)) compiled.channels.set(id, resolveChannel(kit, id));
  return compiled.channels.get(id);
}

/** Lints text against a kit: every finding with its range, line, column and suggestions, and the brand-fit score. */
export function lintText(text: string, kit: BrandKit, options: LintOptions = {}): LintResult {
  const compiled = compileKit(kit);
  const channel = options.channel ? channelOf(compiled, kit, options.channel) : undefined;
  const ctx = new LintContext(text, kit, channel, options.headings, options.blocks);
  const scannedWords = compiled.matcher.keyLengths.length > 0 ? runTerms(ctx, compiled) : -1;
  for (const { rule, check } of compiled.checks) if (ctx.applies(rule)) check(ctx);
  checkChannel(ctx, options.aiGenerated === true);
  const approved = [...(kit.claims?.approved ?? []), ...(options.approvedClaims ?? [])];
  // A whole-text finding (a limit, a grade) is shown on the first block it covers, so it never crosses structure.
  const exempt = requiredTextRanges(text, kit, channel);
  const raw = settle(
    ctx.findings.filter((f) => !isExempt(f, exempt)).map((f) => withinBlock(ctx, f)),
    text,
    approved,
  );
  const lines = raw.length > 0 ? new LineMap(text) : undefined;
  const findings: Finding[] = raw.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    start: f.start,
    end: f.end,
    ...lines!.position(f.start),
    match: text.slice(f.start, f.end),
    suggestions: f.suggestions,
  }));
  // The same score brandFitScore gives; the word count comes from the matcher's pass when it could count.
  const words = findings.length === 0 ? 0 : scannedWords >= 0 ? scannedWords : countWords(text);
  return { findings, score: scoreForWords(words, findings) };
}

/** The claim findings still needing review (approved claims were already dropped by the lint). */
export function unapprovedClaims(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.rule.startsWith('claims.'));
}
