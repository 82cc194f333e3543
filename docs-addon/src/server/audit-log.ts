import { activeIdentity, activeUserName, readStoredJson, writeStoredJson } from '@onbrand/apps-script/server';
import {
  auditColumns,
  auditCsv,
  auditJson,
  auditRecord,
  auditRow,
  isLegacyDocsEntry,
  legacyAuditRecord,
  legacyDocsRecord,
  parseApproverList,
  readIgnoredList,
  withTeamApprovers,
  checkApprover,
  type AuditRecord,
  type AuditRecordInput,
  type IgnoredFinding,
  type TeamApprovers,
} from '@onbrand/shared/governance';
import type { Governance } from '@onbrand/shared/kit';
import { rotateLog } from '@onbrand/shared/storage';
import { archiveAuditRows, archiveHeading, readArchivedAuditTables } from './audit-archive';
import { activeDocument } from './document-port';
import { loadKit } from './kit-store';

// The document's audit trail, in the one record shape every surface shares. Recent records live in
// document properties (500 KB a store, shared by everything the add-on keeps), capped; past the
// cap the oldest move into the document's own audit section, so the export stays whole. Logs
// written before this shape are read back as records, so their history moves over too.

const auditKey = 'onbrand.audit';
const approversKey = 'onbrand.approvers';
const ignoredKey = 'onbrand.ignored';
// The audit log's share of the store: past it, the oldest records move into the document.
const auditCapBytes = 64 * 1024;

const properties = () => PropertiesService.getDocumentProperties();

function readRecent(file: string): AuditRecord[] {
  const raw = (readStoredJson(properties(), auditKey) as unknown[] | null) ?? [];
  return raw.map((entry) => (isLegacyDocsEntry(entry) ? legacyDocsRecord(entry, file) : (entry as AuditRecord)));
}

/** Who is acting, the file and the kit: the fields every record from this document shares. */
export function auditContext(): { who: string; file: string; kitName: string; kitVersion: string; governance: Governance } {
  const { kit } = loadKit();
  return { who: activeUserName(), file: activeDocument().getName(), kitName: kit.name, kitVersion: kit.version, governance: withTeamApprovers(kit.governance, readTeamApprovers()) };
}

/** A record from this document: surface, file, who and kit filled in. */
export function docsRecord(input: Omit<AuditRecordInput, 'surface'>, context = auditContext()): AuditRecordInput {
  return { surface: 'docs', who: context.who, file: context.file, kitName: context.kitName, kitVersion: context.kitVersion, ...input };
}

/**
 * Adds records to the audit trail. When it outgrows its share of the document properties, its
 * oldest records move into the document first; returns how many moved.
 */
export function appendAudit(records: readonly AuditRecord[]): number {
  if (records.length === 0) return 0;
  const doc = activeDocument();
  const { keep, move } = rotateLog([...readRecent(doc.getName()), ...records], auditCapBytes);
  // Into the document before out of the properties: a failure between the two duplicates, never loses.
  archiveAuditRows(doc, auditColumns, move.map(auditRow));
  writeStoredJson(properties(), auditKey, keep, 'the audit log');
  return move.length;
}

export const movedNotice = (moved: number) => (moved ? ` The ${moved} oldest audit records moved to the “${archiveHeading}” section at the end of the document; the exports still have them all.` : '');

/** Every record, oldest first: the document's archive, then the recent ones. */
export function allRecords(): AuditRecord[] {
  const doc = activeDocument();
  const file = doc.getName();
  const archived = readArchivedAuditTables(doc).flatMap(({ header, rows }) =>
    rows.map((row) => legacyAuditRecord(Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])), 'docs', file)),
  );
  return [...archived, ...readRecent(file)];
}

/** The recent records for the sidebar, and the whole trail as CSV and JSON. */
export function auditLog(): { records: AuditRecord[]; csv: string; json: string } {
  const all = allRecords();
  return { records: readRecent(activeDocument().getName()).slice(-50), csv: auditCsv(all), json: auditJson(all) };
}

/** The approvers this document's team named in the settings (used where the kit names none). */
export function readTeamApprovers(): TeamApprovers {
  const stored = readStoredJson(properties(), approversKey) as Partial<TeamApprovers> | null;
  return { content: stored?.content ?? [], stageGates: stored?.stageGates ?? [] };
}

/**
 * Names the team's approvers. Once anyone is named, only a named approver may change the list, so
 * a person cannot add themselves to approve their own drafts.
 */
export function saveTeamApprovers(content: string): { approvers: string[]; kitNames: boolean; message: string; problems: string[] } {
  const { kit } = loadKit();
  const current = readTeamApprovers();
  const answer = (message: string, problems: string[] = []) => ({ approvers: [...readTeamApprovers().content], kitNames: kit.governance.approvers.content.length > 0, message, problems });
  const parsed = parseApproverList(content);
  if (parsed.problems.length) return answer('Nothing was saved.', parsed.problems);
  const check = checkApprover(withTeamApprovers({ ...kit.governance, approvers: { content: [], stageGates: [] } }, current), activeIdentity(), 'content');
  if (!check.allowed) return answer(check.message);
  writeStoredJson(properties(), approversKey, { ...current, content: parsed.list }, 'the approvers');
  const context = auditContext();
  appendAudit([auditRecord(docsRecord({ action: 'edited', subject: 'Approvers', detail: `Content approvers: ${parsed.list.join(', ') || 'anyone who can edit'}` }, context))]);
  return answer(parsed.list.length ? `Saved. Only ${parsed.list.join(', ')} may approve AI text here${kit.governance.approvers.content.length ? ', but the kit’s own list applies while it names anyone' : ''}.` : 'Saved. Anyone who can edit may approve AI text here.');
}

/** The findings writers dismissed in this document. */
export const readIgnored = (): IgnoredFinding[] => readIgnoredList(readStoredJson(properties(), ignoredKey));
export const writeIgnored = (list: readonly IgnoredFinding[]) => writeStoredJson(properties(), ignoredKey, list, 'the ignored findings');
