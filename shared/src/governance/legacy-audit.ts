import { auditActions, auditColumns, type AuditAction, type AuditRecord, type AuditSurface } from './audit-record';

// Files written before the one audit shape kept their logs in their own columns: the Docs add-on
// as approval entries and archive tables ("Approved at", "Approved by", "Piece", …), the Sheets
// add-on as an "Audit log" sheet (When, Who, Action, Template, …). These read such rows into
// records, so the history moves over whole and nothing is lost.

const lower = (row: Readonly<Record<string, unknown>>): Map<string, string> => new Map(Object.entries(row).map(([key, value]) => [key.trim().toLowerCase(), value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value)]));

/** Which action an older free-text action ("approve insight", "dismiss insight") was. */
export function legacyAction(text: string): AuditAction | null {
  const t = text.trim().toLowerCase();
  if ((auditActions as readonly string[]).includes(t)) return t as AuditAction;
  if (t.startsWith('approve')) return 'approved';
  if (t.startsWith('dismiss') || t.startsWith('reject')) return 'rejected';
  if (t.startsWith('generate') || t.startsWith('draft')) return 'generated';
  if (t.startsWith('report')) return 'reported';
  if (t.includes('stage')) return 'stage moved';
  return null;
}

/** "experiment-insight@2" → id and version; a plain name is an id with no version. */
function splitTemplate(text: string): { templateId: string; templateVersion: string } {
  const at = text.lastIndexOf('@');
  return at > 0 ? { templateId: text.slice(0, at), templateVersion: text.slice(at + 1) } : { templateId: text, templateVersion: '' };
}

/**
 * A row of an older log, by its headers (any case), as a record. Columns that already have the
 * record's names are taken as they are; the older Docs and Sheets columns are mapped.
 */
export function legacyAuditRecord(row: Readonly<Record<string, unknown>>, surface: AuditSurface, file: string): AuditRecord {
  const get = lower(row);
  const pick = (...names: string[]) => names.map((name) => get.get(name.toLowerCase()) ?? '').find((value) => value !== '') ?? '';
  const record = Object.fromEntries(auditColumns.map((column) => [column, pick(column)])) as unknown as AuditRecord;
  record.surface = surface;
  record.file ||= file;
  const approvedAt = pick('approved at');
  record.when ||= approvedAt;
  record.who ||= pick('approved by');
  const action = legacyAction(record.action) ?? (approvedAt ? 'approved' : null);
  const detail = [pick('detail'), get.has('brand fit') ? `fit ${pick('brand fit')}` : '', pick('findings') ? `findings: ${pick('findings')}` : '', pick('channel') ? `channel ${pick('channel')}` : ''].filter(Boolean);
  if (!action) detail.push(`recorded as “${record.action}”`);
  record.action = action ?? 'edited';
  record.subject ||= pick('piece', 'subject');
  record.detail = detail.join('; ');
  if (!record.templateId) Object.assign(record, splitTemplate(pick('template')), pick('template version') ? { templateVersion: pick('template version') } : {});
  return record;
}

/** An approval entry the Docs add-on kept before the one shape. */
export interface LegacyDocsEntry {
  markId: string;
  label: string;
  approvedBy: string;
  approvedAt: string;
  template: string;
  templateVersion: string;
  provider: string;
  model: string;
  channel: string | null;
  score: number;
  findings: readonly { rule: string; severity: string; match: string }[];
  openErrors?: number;
}

export function isLegacyDocsEntry(entry: unknown): entry is LegacyDocsEntry {
  return !!entry && typeof entry === 'object' && 'approvedAt' in entry && 'markId' in entry;
}

/** An older Docs approval entry as a record. */
export function legacyDocsRecord(entry: LegacyDocsEntry, file: string): AuditRecord {
  return legacyAuditRecord(
    {
      'Approved at': entry.approvedAt,
      'Approved by': entry.approvedBy,
      Piece: entry.label,
      Channel: entry.channel ?? '',
      Template: entry.template,
      'Template version': entry.templateVersion,
      Provider: entry.provider,
      Model: entry.model,
      'Brand fit': String(entry.score),
      Findings: entry.findings.map((f) => `${f.severity}: ${f.match} (${f.rule})`).join('; ') + (entry.openErrors ? `; approved with ${entry.openErrors} open` : ''),
    },
    'docs',
    file,
  );
}
