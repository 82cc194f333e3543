import { readStoredJson, withDocumentLock, writeStoredJson } from '@onbrand/apps-script/server';
import { writeCsv } from '@onbrand/shared/csv';
import { lintText } from '@onbrand/shared/lint';
import { rotateLog } from '@onbrand/shared/storage';
import type { AuditEntry, Mark } from '../contract';
import { archiveAuditRows, archiveHeading, readArchivedAuditRows } from './audit-archive';
import { activeDocument } from './document-port';
import { loadKit } from './kit-store';

// AI-written text stays marked until a person approves it: a named range over the inserted
// paragraphs (it follows the text as the writer edits around it) plus a subtle highlight. What
// the mark stands for (template, provider, model, findings) is kept in document properties, so
// every editor sees the same pending work and the same audit log.

type Doc = GoogleAppsScript.Document.Document;
type Paragraph = GoogleAppsScript.Document.Paragraph;

/** A light yellow, like a suggestion, that reads as "not final" without hiding the text. */
const aiHighlight = '#fff4c2';
// Apps Script clears an attribute when given null; the typings only allow strings.
const clear = null as unknown as string;
const marksKey = 'onbrand.marks';
const auditKey = 'onbrand.audit';
const rangePrefix = 'onbrand.ai.';
const originalPrefix = 'onbrand.original.';

// Marks live in document properties (500 KB a store), so each keeps only a preview of its text;
// the text itself is in the document.
const previewChars = 600;
// The audit log's share of the store: past it, the oldest entries move into the document.
const auditCapBytes = 64 * 1024;

/** The start of a text, as the sidebar shows it next to a mark. */
export function preview(text: string): string {
  return text.length > previewChars ? `${text.slice(0, previewChars)}…` : text;
}

/** A mark as stored: what the sidebar sees, plus the named ranges that hold it. */
export interface StoredMark extends Mark {
  rangeId: string;
  originalRangeId: string | null;
}

function readList<T>(key: string): T[] {
  return (readStoredJson(PropertiesService.getDocumentProperties(), key) as T[] | null) ?? [];
}

function writeList(key: string, list: readonly unknown[], what: string): void {
  writeStoredJson(PropertiesService.getDocumentProperties(), key, list, what);
}

export const readMarks = () => readList<StoredMark>(marksKey);
const writeMarks = (marks: readonly StoredMark[]) => writeList(marksKey, marks, 'the drafts awaiting approval');

/** The marks as the sidebar shows them, without range ids. */
export function publicMarks(marks: readonly StoredMark[] = readMarks()): Mark[] {
  if (marks.length === 0) return [];
  const doc = activeDocument();
  const { kit } = loadKit();
  // The card shows the figures approval would record now, from the same assessment, so the two never disagree.
  return marks.map(({ rangeId: _r, originalRangeId: _o, ...mark }) => {
    const { paragraphs, lint } = assessMark(doc, { ...mark, rangeId: _r, originalRangeId: _o }, kit);
    return paragraphs.length ? { ...mark, findings: lint.findings.length, score: lint.score } : mark;
  });
}

/**
 * A mark's text as it stands (with the channel's disclosure back on when it was cut) and one lint of
 * it: the figures the review card shows and the audit entry records.
 */
function assessMark(doc: Doc, mark: StoredMark, kit: ReturnType<typeof loadKit>['kit']) {
  const paragraphs = markedParagraphs(doc, mark.rangeId);
  // The kit requires the label on this channel; it goes back in rather than shipping without it.
  const restoreLabel = !!mark.disclosure && paragraphs.length > 0 && !paragraphs.some((p) => p.getText().includes(mark.disclosure!));
  const texts = paragraphs.map((p) => p.getText());
  if (restoreLabel) texts[texts.length - 1] += ` ${mark.disclosure}`;
  const lint = lintText(texts.join('\n'), kit, { channel: mark.channel ?? undefined, aiGenerated: true, approvedClaims: mark.approvedClaims ?? [] });
  return { paragraphs, restoreLabel, lint };
}

function newId(): string {
  return Utilities.getUuid().slice(-12);
}

function highlight(paragraphs: readonly Paragraph[], color: string): void {
  for (const paragraph of paragraphs) if (paragraph.getText()) paragraph.editAsText().setBackgroundColor(color);
}

/** Marks freshly inserted paragraphs as AI-written: one named range and the highlight. */
export function markParagraphs(doc: Doc, paragraphs: readonly Paragraph[], mark: Omit<Mark, 'id'>, original?: GoogleAppsScript.Document.Range): StoredMark {
  const id = newId();
  const builder = doc.newRange();
  for (const paragraph of paragraphs) builder.addElement(paragraph);
  highlight(paragraphs, aiHighlight);
  const named = doc.addNamedRange(rangePrefix + id, builder.build());
  const originalRangeId = original ? doc.addNamedRange(originalPrefix + id, original).getId() : null;
  return { ...mark, id, rangeId: named.getId(), originalRangeId };
}

/** Saves new marks next to the existing ones. */
export function saveMarks(added: readonly StoredMark[]): void {
  writeMarks([...readMarks(), ...added]);
}

function removeRange(doc: Doc, rangeId: string): void {
  doc.getNamedRangeById(rangeId)?.remove();
}

/** The paragraphs a mark's named range holds (none when the range is gone). */
export function markedParagraphs(doc: Doc, rangeId: string | null): Paragraph[] {
  const named = rangeId ? doc.getNamedRangeById(rangeId) : null;
  if (!named) return [];
  return named
    .getRange()
    .getRangeElements()
    .map((item) => item.getElement())
    .filter((element) => element.getType() === DocumentApp.ElementType.PARAGRAPH || element.getType() === DocumentApp.ElementType.LIST_ITEM) as Paragraph[];
}

// The email is blank where policy hides it (no userinfo.email scope, another domain); the
// temporary user key is then the stable, anonymous way to tell approvers apart.
function whoIsApproving(): string {
  const email = Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
  if (email) return email;
  const key = typeof Session.getTemporaryActiveUserKey === 'function' ? Session.getTemporaryActiveUserKey() : '';
  return key ? `user key ${key}` : 'unknown user';
}

type Approval = { approved: AuditEntry | null; message: string; open: AuditEntry['findings'] };
const summary = (f: { rule: string; severity: AuditEntry['findings'][number]['severity']; match: string; message: string }) => ({ rule: f.rule, severity: f.severity, match: f.match, message: f.message });

/**
 * Approves one mark: clears the highlight and the named range, keeps (or restores) the channel's
 * disclosure, and writes an audit entry with the text's findings at this moment. With error-level
 * findings open, nothing changes until the approver has seen them and confirms; the entry then
 * records how many were open.
 */
export function approveMark(id: string, confirm = false): Approval {
  const refuse = (message: string): Approval => ({ approved: null, message, open: [] });
  if (!id) return refuse('Pick a draft to approve.');
  return withDocumentLock(() => {
    const marks = readMarks();
    const mark = marks.find((m) => m.id === id);
    if (!mark) return refuse('That draft is no longer waiting for approval.');
    if (mark.originalRangeId) return refuse('Keep the rewrite or the original first, then approve.');
    const doc = activeDocument();
    const { paragraphs, restoreLabel, lint } = assessMark(doc, mark, loadKit().kit);
    const { label, template, templateVersion, provider, model, channel } = mark;
    const errors = lint.findings.filter((f) => f.severity === 'error').map(summary);
    if (errors.length && !confirm) {
      return { approved: null, message: `“${label}” has ${errors.length} open error${errors.length === 1 ? '' : 's'}. Look at ${errors.length === 1 ? 'it' : 'them'}, then approve anyway or fix first.`, open: errors };
    }
    if (restoreLabel) paragraphs[paragraphs.length - 1]!.appendText(` ${mark.disclosure}`);
    highlight(paragraphs, clear);
    removeRange(doc, mark.rangeId);
    const entry: AuditEntry = {
      markId: id,
      label,
      approvedBy: whoIsApproving(),
      approvedAt: new Date().toISOString(),
      template,
      templateVersion,
      provider,
      model,
      channel,
      score: lint.score,
      findings: lint.findings.map(summary),
      ...(errors.length ? { openErrors: errors.length } : {}),
    };
    const moved = appendAudit(doc, entry);
    writeMarks(marks.filter((m) => m.id !== id));
    const archived = moved ? ` The ${moved} oldest audit entries moved to the “${archiveHeading}” section at the end of the document; the CSV still has them all.` : '';
    const opened = errors.length ? ` with ${errors.length} open error${errors.length === 1 ? '' : 's'}, as recorded in the audit log` : '';
    return { approved: entry, message: `Approved “${label}”${opened}.${archived}`, open: [] };
  });
}

function removeParagraphs(paragraphs: readonly Paragraph[]): void {
  for (const paragraph of paragraphs) {
    const parent = paragraph.getParent() as unknown as { getNumChildren(): number } | null;
    // Docs keeps at least one paragraph in every section and cell; empty it instead.
    if (parent && parent.getNumChildren() > 1) paragraph.removeFromParent();
    else paragraph.setText('');
  }
}

function removeOriginal(doc: Doc, rangeId: string): void {
  const named = doc.getNamedRangeById(rangeId);
  if (!named) return;
  const items = named.getRange().getRangeElements();
  // Right to left, so earlier offsets in the same element stay valid.
  for (const item of [...items].reverse()) {
    const element = item.getElement();
    if (item.isPartial()) element.asText().deleteText(item.getStartOffset(), item.getEndOffsetInclusive());
    else removeParagraphs([element as Paragraph]);
  }
  named.remove();
}

/** Settles a rewrite: keep the rewrite (the original goes; the rewrite still awaits approval) or keep the original. */
export function chooseRewrite(id: string, keep: 'rewrite' | 'original'): { done: boolean; message: string } {
  if (!id) return { done: false, message: 'Pick a rewrite first.' };
  return withDocumentLock(() => {
    const marks = readMarks();
    const mark = marks.find((m) => m.id === id && m.originalRangeId);
    if (!mark) return { done: false, message: 'That rewrite is already settled.' };
    const doc = activeDocument();
    if (keep === 'rewrite') {
      removeOriginal(doc, mark.originalRangeId!);
      writeMarks(marks.map((m) => (m.id === id ? { ...m, originalRangeId: null, original: null } : m)));
      return { done: true, message: 'Kept the rewrite. Approve it when it reads right.' };
    }
    removeParagraphs(markedParagraphs(doc, mark.rangeId));
    removeRange(doc, mark.rangeId);
    removeRange(doc, mark.originalRangeId!);
    writeMarks(marks.filter((m) => m.id !== id));
    return { done: true, message: 'Kept the original; the rewrite is gone.' };
  });
}

const auditHeader = ['Approved at', 'Approved by', 'Piece', 'Channel', 'Template', 'Template version', 'Provider', 'Model', 'Brand fit', 'Findings'];

/** An audit entry as a row of the CSV and of the document's archive. */
function auditRow(e: AuditEntry): string[] {
  return [
    e.approvedAt,
    e.approvedBy,
    e.label,
    e.channel ?? '',
    e.template,
    e.templateVersion,
    e.provider,
    e.model,
    String(e.score),
    e.findings.map((f) => `${f.severity}: ${f.match} (${f.rule})`).join('; '),
  ];
}

/**
 * Adds an entry to the audit log. When the log outgrows its share of the document properties,
 * its oldest entries move into the document first; returns how many moved.
 */
function appendAudit(doc: Doc, entry: AuditEntry): number {
  const { keep, move } = rotateLog([...readList<AuditEntry>(auditKey), entry], auditCapBytes);
  // Into the document before out of the properties: a failure between the two duplicates, never loses.
  archiveAuditRows(doc, auditHeader, move.map(auditRow));
  writeList(auditKey, keep, 'the audit log');
  return move.length;
}

/** The recent audit log, and the whole log (the document's archive first) as CSV for the compliance team. */
export function auditLog(): { entries: AuditEntry[]; csv: string } {
  const entries = readList<AuditEntry>(auditKey);
  return { entries, csv: writeCsv([auditHeader, ...readArchivedAuditRows(activeDocument()), ...entries.map(auditRow)]) };
}
