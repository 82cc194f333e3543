import { parseCsv } from '../csv/parse';
import { describeIssues } from '../issues';
import { writeCsv } from '../csv/write';
import { sha256 } from '../hash/sha256';

// One audit record shape for every surface and the CLI, so the trails exported from a document, a
// spreadsheet, a Figma file and a pipeline load into one table with the same columns. Every field is
// text (empty when it does not apply), which keeps the CSV, the JSON and a sheet row the same thing.

export const auditSurfaces = ['cli', 'docs', 'sheets', 'figma'] as const;
export type AuditSurface = (typeof auditSurfaces)[number];

export const auditActions = [
  'generated',
  'edited',
  'approved',
  'rejected',
  'reported',
  'ignored finding',
  'stage moved',
  'plan frozen',
  'plan deviation',
  'analysed',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditRecord {
  /** ISO 8601 time in UTC. */
  when: string;
  /** The person (email, name or Figma id), or "onbrand cli" for a pipeline. */
  who: string;
  surface: AuditSurface;
  /** The document, spreadsheet or Figma file name, or the CLI's input path. */
  file: string;
  action: AuditAction;
  /** What the action was about: a piece, a version, a use case or experiment. */
  subject: string;
  templateId: string;
  templateVersion: string;
  provider: string;
  model: string;
  kitName: string;
  kitVersion: string;
  /** SHA-256 of the text the action was about, so a reader can tell it is the same text. */
  textHash: string;
  /** A reason, a note, what was held back (kinds and counts, never values), findings open. */
  detail: string;
}

/** The columns, in order, of every export and of the Sheets audit sheet. */
export const auditColumns = ['when', 'who', 'surface', 'file', 'action', 'subject', 'templateId', 'templateVersion', 'provider', 'model', 'kitName', 'kitVersion', 'textHash', 'detail'] as const satisfies readonly (keyof AuditRecord)[];

export type AuditRecordInput = Partial<Omit<AuditRecord, 'textHash'>> & Pick<AuditRecord, 'surface' | 'action'> & { text?: string };

/** A complete record: missing fields empty, the time now unless given, the text hashed (never stored). */
export function auditRecord(input: AuditRecordInput, now: Date = new Date()): AuditRecord {
  const { text, ...fields } = input;
  const record = Object.fromEntries(auditColumns.map((column) => [column, ''])) as unknown as AuditRecord;
  Object.assign(record, fields);
  record.when = fields.when || now.toISOString();
  record.textHash = text === undefined ? '' : sha256(text);
  return record;
}

/** A record as one row of text, in column order. */
export const auditRow = (record: AuditRecord): string[] => auditColumns.map((column) => record[column]);

/** Records as CSV with the header row (formula-safe, RFC 4180). */
export const auditCsv = (records: readonly AuditRecord[]): string => writeCsv([[...auditColumns], ...records.map(auditRow)]);

/** Records as JSON lines, one record per line, as the CLI's --audit file holds them. */
export const auditJsonLines = (records: readonly AuditRecord[]): string => records.map((record) => `${JSON.stringify(record)}\n`).join('');

/** Records as one JSON array, as every surface's "Download JSON" saves them. */
export const auditJson = (records: readonly AuditRecord[]): string => `${JSON.stringify(records, null, 2)}\n`;

/** Reads an exported CSV back. A missing column or an unknown surface or action names the line. */
export function readAuditCsv(text: string): { records: AuditRecord[] } | { error: string } {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { error: describeIssues(parsed.issues, '; ') };
  const [header = [], ...rows] = parsed.value;
  const missing = auditColumns.filter((column) => !header.includes(column));
  if (missing.length) return { error: `The audit CSV has no ${missing.join(', ')} column${missing.length === 1 ? '' : 's'}.` };
  const records: AuditRecord[] = [];
  for (const [i, row] of rows.entries()) {
    const record = Object.fromEntries(auditColumns.map((column) => [column, row[header.indexOf(column)] ?? ''])) as unknown as AuditRecord;
    // The CSV writer neutralises would-be formulas with an apostrophe; a record's fields never start with one.
    for (const column of auditColumns) if (record[column].startsWith("'")) (record as unknown as Record<string, string>)[column] = record[column].slice(1);
    if (!auditSurfaces.includes(record.surface)) return { error: `Line ${i + 2}: unknown surface "${record.surface}".` };
    if (!auditActions.includes(record.action)) return { error: `Line ${i + 2}: unknown action "${record.action}".` };
    records.push(record);
  }
  return { records };
}
