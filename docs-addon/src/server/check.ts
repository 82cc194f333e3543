import type { LintResult } from '@onbrand/shared/lint';
import { approvedRanges, brandFitScore, isSafeFix, lintText } from '@onbrand/shared/lint';
import { listChannels } from '@onbrand/shared/kit';
import { lineBlocks } from '@onbrand/shared/text';
import { ignoreFinding as dismiss, sentenceAround, withoutIgnored } from '@onbrand/shared/governance';
import { appendAudit, auditContext, movedNotice, readIgnored, writeIgnored } from './audit-log';
import { withDocumentLock } from '@onbrand/apps-script/server';
import type { CheckResult, DocFinding, Span } from '../contract';
import { channelSections, headingCandidates, headingLevel } from './channel-sections';
import { activeDocument, gatherDocument, gatherSelection, paragraphFinder, tableLines } from './document-port';
import { loadKit } from './kit-store';
import { markedParagraphs, readMarks } from './marks';
import { OffsetMap, type MappedParagraph } from './offset-map';

type Finding = LintResult['findings'][number];
const severityRank = { error: 0, warning: 1, suggestion: 2 } as const;

// How much of the paragraph to show either side of a match in the sidebar.
const contextChars = 40;

function contextOf(paragraph: MappedParagraph, start: number, end: number): string {
  const from = Math.max(0, start - paragraph.base - contextChars);
  const to = Math.min(paragraph.text.length, end - paragraph.base + contextChars);
  return `${from > 0 ? '…' : ''}${paragraph.text.slice(from, to)}${to < paragraph.text.length ? '…' : ''}`;
}

/** The structure channel sections need: heading levels of possible channel headings, and which lines sit in tables (none read when nothing is tagged). */
function readStructure(doc: GoogleAppsScript.Document.Document, lines: readonly string[]): { levels: Map<number, number>; tables: Map<number, number> } {
  const levels = new Map<number, number>();
  const candidates = headingCandidates(lines);
  if (!candidates.length) return { levels, tables: new Map() };
  const find = paragraphFinder(doc);
  for (const index of candidates) levels.set(index, headingLevel(String(find('body', index)?.getHeading() ?? 'NORMAL')));
  return { levels, tables: tableLines(doc.getBody(), lines.length) };
}

/** Lints the mapped paragraphs section by section (each part against its channel) and maps findings back. */
export function checkParagraphs(
  paragraphs: readonly MappedParagraph[],
  options: {
    channel: string | null;
    approvedClaims: readonly string[];
    headingLevels?: ReadonlyMap<number, number>;
    tables?: ReadonlyMap<number, number>;
    /** Claims approved for particular paragraphs (by index in `paragraphs`): a draft's brief approved them. */
    paragraphClaims?: ReadonlyMap<number, readonly string[]>;
  },
): { findings: DocFinding[]; score: number; sections: CheckResult['sections']; notices: string[] } {
  const { kit } = loadKit();
  const map = new OffsetMap(paragraphs);
  const known = listChannels(kit).map((c) => c.id);
  const notices: string[] = [];
  const channel = options.channel && known.includes(options.channel) ? options.channel : null;
  if (options.channel && !channel) notices.push(`The brand kit has no channel “${options.channel}”; the text was checked without channel rules.`);
  const all: { finding: Finding; channel: string | null }[] = [];
  const reported: CheckResult['sections'] = [];
  // Sections never span two parts of the document (body, header, footer, a footnote).
  let from = 0;
  while (from < paragraphs.length) {
    let to = from;
    while (to < paragraphs.length && paragraphs[to]!.section === paragraphs[from]!.section) to++;
    const lines = paragraphs.slice(from, to).map((p) => p.text);
    const body = from === 0 && paragraphs[0]!.section === 'body';
    const levels = (body && options.headingLevels) || new Map<number, number>();
    const split = channelSections(lines, levels, channel, known, (body && options.tables) || undefined);
    notices.push(...split.notices);
    for (const section of split.sections) {
      const start = map.starts[from + section.from]!;
      const last = paragraphs[from + section.to - 1]!;
      const end = map.starts[from + section.to - 1]! + last.text.length;
      const text = map.flat.slice(start, end);
      if (section.channel !== channel) reported.push({ heading: section.heading, channel: section.channel });
      if (!text.trim()) continue;
      // Each paragraph, list item and table cell is a block: no sentence or limit runs from one into the next.
      const blocks = lineBlocks(lines.slice(section.from, section.to));
      const result = lintText(text, kit, { channel: section.channel ?? undefined, approvedClaims: options.approvedClaims, blocks });
      for (const finding of result.findings) {
        const flat = { ...finding, start: finding.start + start, end: finding.end + start };
        if (!approvedForParagraph(map, flat, options.paragraphClaims)) all.push({ finding: flat, channel: section.channel });
      }
    }
    from = to;
  }
  const findings: DocFinding[] = all
    .sort((a, b) => severityRank[a.finding.severity] - severityRank[b.finding.severity] || a.finding.start - b.finding.start)
    .map(({ finding, channel: used }, index) => {
      const { rule, severity, message, match, suggestions, start, end } = finding;
      const location: Span | null = map.toSpan(start, end);
      const paragraph = paragraphs[map.indexAt(start)]!;
      const sentence = location ? sentenceAround(paragraph.text, location.start - paragraph.base, location.end - paragraph.base) : sentenceAround(map.flat, start, end);
      return {
        id: `f${index}`,
        rule,
        severity,
        message,
        match,
        suggestions,
        location,
        safe: location !== null && isSafeFix(finding),
        channel: used,
        context: location ? contextOf(paragraph, location.start, location.end) : match,
        sentence,
      };
    });
  return { findings, score: brandFitScore(map.flat, all.map((a) => a.finding)), sections: reported, notices };
}

// A claim finding inside a drafted paragraph whose brief approved that claim.
function approvedForParagraph(map: OffsetMap, finding: Finding, claims: ReadonlyMap<number, readonly string[]> | undefined): boolean {
  if (!claims?.size || !finding.rule.startsWith('claims.')) return false;
  const index = map.indexAt(finding.start);
  const approved = claims.get(index);
  if (!approved) return false;
  const base = map.starts[index]!;
  return approvedRanges(map.paragraphs[index]!.text, approved).some((r) => r.start + base <= finding.start && finding.end <= r.end + base);
}

/**
 * The claims each drafted paragraph's brief approved, found by reading the marks that carry any
 * and finding their paragraphs' texts, in order, among the checked body paragraphs.
 */
function draftClaims(doc: GoogleAppsScript.Document.Document, paragraphs: readonly MappedParagraph[]): Map<number, readonly string[]> {
  const out = new Map<number, readonly string[]>();
  for (const mark of readMarks()) {
    if (!mark.approvedClaims?.length) continue;
    const marked = markedParagraphs(doc, mark.rangeId).map((p) => p.getText());
    if (!marked.length) continue;
    const at = paragraphs.findIndex((p, i) => p.section === 'body' && marked.every((text, j) => paragraphs[i + j]?.text === text));
    if (at < 0) continue;
    for (let j = 0; j < marked.length; j++) out.set(at + j, [...(out.get(at + j) ?? []), ...mark.approvedClaims]);
  }
  return out;
}

/** Checks the whole document (body, header, footer, footnotes) or the selection. */
export function checkDocument(input: { scope: 'document' | 'selection'; channel: string; approvedClaims: string[] }): CheckResult {
  const doc = activeDocument();
  const empty = (notice: string): CheckResult => ({ scope: input.scope, findings: [], score: 100, paragraphs: 0, sections: [], notices: [notice] });
  let paragraphs: MappedParagraph[];
  const notices: string[] = [];
  let structure: ReturnType<typeof readStructure> | undefined;
  if (input.scope === 'selection') {
    const selected = gatherSelection(doc);
    if (!selected) return empty('Select the text to check first, or check the whole document.');
    if (selected.skipped) notices.push(`${selected.skipped} selected item(s) hold no text (an image, for example) and were left out.`);
    if (!selected.paragraphs.some((p) => p.text.trim())) return empty('The selection holds no text to check (only an image?). Select some text.');
    paragraphs = selected.paragraphs;
  } else {
    paragraphs = gatherDocument(doc);
    if (!paragraphs.some((p) => p.text.trim())) return empty('The document is empty: there is nothing to check yet.');
    structure = readStructure(doc, paragraphs.filter((p) => p.section === 'body').map((p) => p.text));
  }
  const result = checkParagraphs(paragraphs, {
    channel: input.channel || null,
    approvedClaims: input.approvedClaims,
    headingLevels: structure?.levels,
    tables: structure?.tables,
    paragraphClaims: draftClaims(doc, paragraphs),
  });
  // Findings a writer dismissed for this very sentence stay out; the notice says how many, so none vanish unseen.
  const kept = withoutIgnored(result.findings, readIgnored(), (f) => f);
  if (kept.ignored) notices.push(`${kept.ignored} finding${kept.ignored === 1 ? ' was' : 's were'} ignored here with a reason (see the audit log); ${kept.ignored === 1 ? 'it comes' : 'they come'} back if the text changes.`);
  return { scope: input.scope, findings: kept.findings, score: result.score, paragraphs: paragraphs.length, sections: result.sections, notices: [...notices, ...result.notices] };
}

/**
 * Dismisses one finding with a reason. The check runs again to find it, so its severity is the
 * kit's (a kit may forbid ignoring errors) and a finding already gone is not recorded.
 */
export function ignoreFinding(input: { rule: string; match: string; sentence: string; reason: string; scope: 'document' | 'selection'; channel: string }): { ignored: boolean; message: string } {
  const found = checkDocument({ scope: input.scope, channel: input.channel, approvedClaims: [] }).findings.find((f) => f.rule === input.rule && f.match === input.match && f.sentence === input.sentence);
  if (!found) return { ignored: false, message: 'That finding is no longer in the text. Check again.' };
  const context = auditContext();
  const result = dismiss(readIgnored(), found, input.reason, { ...context, surface: 'docs' });
  if (!result.ok) return { ignored: false, message: result.message };
  const added = result.list[result.list.length - 1]!;
  const moved = withDocumentLock(() => {
    writeIgnored([...readIgnored().filter((item) => item.key !== added.key), added]);
    return appendAudit([result.record]);
  });
  return { ignored: true, message: result.message + movedNotice(moved) };
}

/** Selects a finding's text in the document so the writer sees it. */
export function selectFinding(location: Span | undefined): { selected: boolean; message: string } {
  const notSelected = (message: string) => ({ selected: false, message });
  if (!location) return notSelected('Pick a finding to show it in the document.');
  const doc = activeDocument();
  const paragraph = paragraphFinder(doc)(location.section, location.ref);
  if (!paragraph) return notSelected('That text is no longer in the document. Check again.');
  const text = paragraph.editAsText();
  if (location.end > text.getText().length) return notSelected('That text has changed since the check. Check again.');
  if (location.start === location.end) doc.setCursor(doc.newPosition(text, location.start));
  else doc.setSelection(doc.newRange().addElement(text, location.start, location.end - 1).build());
  return { selected: true, message: '' };
}
