import { activeUserName } from '@onbrand/apps-script/server';
import { cellText } from '@onbrand/shared/experiments';
import { auditColumns, auditCsv, auditJson, auditRecord, legacyAuditRecord, parseApproverList, withTeamApprovers, type AuditRecord, type AuditRecordInput } from '@onbrand/shared/governance';
import { defaultGovernance, type Governance } from '@onbrand/shared/kit';
import { findKit } from './kit-source';
import { readSettings } from './settings';
import { appendRows, cellInput, columnIndex, columnLetter, ensureGrid, pointName, readTable, type Table } from './table';
import { auditArchiveSheet, auditSheet } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// The spreadsheet's audit trail, in the one record shape every surface shares: the "Audit log"
// sheet has one column per record field. A sheet from before this shape (When, Who, Action,
// Template, …, Approved by) is rewritten into it in one write, every row kept. Past its cap the
// oldest rows move to the "Audit log archive" sheet, so the log stays quick to read and the
// exports, which read both, stay whole.

/** Rows the Audit log keeps before its oldest move to the archive. */
export const auditRowCap = 5000;

/** Whether a header is the one-shape audit header (any case, people's own columns after it allowed). */
const isCurrent = (header: readonly string[]) => auditColumns.every((column) => columnIndex(header, column) >= 0);

/**
 * Rewrites an Audit log sheet kept in the older columns into the record's columns, in one write:
 * each row becomes a record, and columns people added of their own go along to the right.
 * Returns the table as it now is, or null when there is no Audit log sheet.
 */
export function migrateAuditSheet(spreadsheet: Spreadsheet, file = spreadsheet.getName()): Table | null {
  const table = readTable(spreadsheet, auditSheet);
  if (!table || isCurrent(table.header) || table.header.length === 0) return table;
  const known = new Set(['when', 'who', 'action', 'template', 'provider', 'model', 'detail', 'approved by', ...auditColumns.map((c) => c.toLowerCase())]);
  const own = table.header.map((name, index) => ({ name, index })).filter(({ name }) => !known.has(name.trim().toLowerCase()));
  const header = [...auditColumns, ...own.map(({ name }) => name)];
  const rows = table.rows.map((row) => {
    const record = legacyAuditRecord(Object.fromEntries(table.header.map((name, i) => [name, cellText(row[i])])), 'sheets', file);
    return [...auditColumns.map((column) => record[column]), ...own.map(({ index }) => row[index])];
  });
  const sheet = table.range.getSheet();
  const width = Math.max(header.length, table.header.length);
  ensureGrid(sheet, rows.length + 1, width);
  const pad = (cells: readonly unknown[]) => [...cells, ...Array<unknown>(width - cells.length).fill('')].map(cellInput);
  sheet.getRange(1, 1, rows.length + 1, width).setValues([pad(header), ...rows.map(pad)]);
  pointName(spreadsheet, auditSheet.rangeName, sheet.getRange(`A:${columnLetter(header.length)}`));
  return readTable(spreadsheet, auditSheet);
}

/** The Audit log, made with its header when missing (an approval is never left unrecorded). */
function auditTable(spreadsheet: Spreadsheet, spec = auditSheet): Table {
  const found = spec === auditSheet ? migrateAuditSheet(spreadsheet) : readTable(spreadsheet, spec);
  if (found && found.header.length) return found;
  const sheet = spreadsheet.getSheetByName(spec.name) ?? spreadsheet.insertSheet(spec.name);
  ensureGrid(sheet, 1, auditColumns.length);
  sheet.getRange(1, 1, 1, auditColumns.length).setValues([[...auditColumns]]);
  sheet.setFrozenRows(1);
  pointName(spreadsheet, spec.rangeName, sheet.getRange(`A:${columnLetter(auditColumns.length)}`));
  return readTable(spreadsheet, spec)!;
}

/** Appends records to the Audit log; past its cap, the oldest rows move to the archive sheet first. Returns how many moved. */
export function appendAudit(spreadsheet: Spreadsheet, records: readonly AuditRecord[], cap = auditRowCap): number {
  if (records.length === 0) return 0;
  let table = auditTable(spreadsheet);
  let moved = 0;
  if (table.rows.length + records.length > cap) {
    moved = Math.min(table.rows.length, table.rows.length + records.length - Math.floor(cap / 2));
    const archive = auditTable(spreadsheet, auditArchiveSheet);
    // Into the archive before out of the log: a failure between the two duplicates, never loses.
    appendRows(archive, table.rows.slice(0, moved).map((row) => Object.fromEntries(table.header.map((name, i) => [name, row[i]]))));
    // The rows left move up in one write; the freed rows at the end are blanked.
    const width = table.header.length;
    const kept = table.rows.slice(moved).map((row) => Array.from({ length: width }, (_, i) => cellInput(row[i] ?? '')));
    const blank = Array.from({ length: moved }, () => Array<unknown>(width).fill(''));
    table.range.offset(1, 0, table.rows.length, width).setValues([...kept, ...blank]);
    table = readTable(spreadsheet, auditSheet)!;
  }
  appendRows(table, records as unknown as Record<string, unknown>[]);
  return moved;
}

/** The records of one sheet, oldest first. */
function recordsOf(table: Table | null): AuditRecord[] {
  if (!table) return [];
  return table.rows.map((row) => legacyAuditRecord(Object.fromEntries(table.header.map((name, i) => [name, cellText(row[i])])), 'sheets', ''));
}

/** Every record, the archive's first, and the whole trail as CSV and JSON. */
export function auditExport(spreadsheet: Spreadsheet): { records: number; csv: string; json: string } {
  const all = [...recordsOf(readTable(spreadsheet, auditArchiveSheet)), ...recordsOf(migrateAuditSheet(spreadsheet))];
  return { records: all.length, csv: auditCsv(all), json: auditJson(all) };
}

/** The newest record about a subject that starts with `prefix` (an insight's id), for its provenance. */
export function latestRecord(spreadsheet: Spreadsheet, prefix: string, action: AuditRecord['action']): AuditRecord | null {
  const records = recordsOf(readTable(spreadsheet, auditSheet));
  for (let i = records.length - 1; i >= 0; i--) if (records[i]!.action === action && records[i]!.subject.startsWith(prefix)) return records[i]!;
  return null;
}

/** Who acts, the file and the kit, and the governance in force (the kit's, or the team's approvers from Settings). */
export function sheetsContext(spreadsheet: Spreadsheet): { who: string; file: string; kitName: string; kitVersion: string; governance: Governance } {
  const { settings } = readSettings(spreadsheet);
  const kit = findKit(settings.kitJson).kit;
  const team = parseApproverList(settings.contentApprovers).list;
  return {
    who: activeUserName(),
    file: spreadsheet.getName(),
    kitName: kit?.name ?? '',
    kitVersion: kit?.version ?? '',
    governance: withTeamApprovers(kit?.governance ?? defaultGovernance, { content: team, stageGates: [] }),
  };
}

/** A record from this spreadsheet: surface, file, who and kit filled in. */
export function sheetsRecord(input: Omit<AuditRecordInput, 'surface'>, context: { who: string; file: string; kitName: string; kitVersion: string }, now?: Date): AuditRecord {
  return auditRecord({ surface: 'sheets', who: context.who, file: context.file, kitName: context.kitName, kitVersion: context.kitVersion, ...input }, now);
}
