import { auditActions, auditColumns, auditSurfaces, programMetrics, readAuditCsv, type AuditAction, type AuditRecord, type ProgramMonth } from '@onbrand/shared/governance';
import { cellText, percent, plural } from '@onbrand/shared/experiments';
import { columnIndex, readTable, textColumn, type Table } from './table';
import { auditSheet, learningSheet, useCasesSheet } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// The Program sheet: the programme's measures by month, built from the Audit log (and audit CSVs
// exported from Docs, Figma or the CLI), the Learning log and the use cases' stages, with a chart
// of the monthly counts. It is rebuilt whole each time: nothing on it is typed by people.

export const programSheetName = 'Program';

// The Audit log's older actions, before every surface shared one record shape.
const olderActions: Record<string, AuditAction> = { 'generate insight': 'generated', 'approve insight': 'approved', 'dismiss insight': 'rejected' };

/** The Audit log's rows as shared records: columns found by name, older action names mapped, others left out. */
export function auditRecordsOf(table: Table | null): AuditRecord[] {
  if (!table) return [];
  const readers = auditColumns.map((column) => [column, columnIndex(table.header, column) >= 0 ? textColumn(table, column) : () => ''] as const);
  return table.rows.flatMap((row) => {
    const record = Object.fromEntries(readers.map(([column, read]) => [column, read(row)])) as unknown as AuditRecord;
    const action = olderActions[record.action.toLowerCase()] ?? record.action;
    if (!(auditActions as readonly string[]).includes(action) || record.when === '') return [];
    return [{ ...record, action, surface: (auditSurfaces as readonly string[]).includes(record.surface) ? record.surface : 'sheets', subject: record.subject || record.detail.split(':')[0] } as AuditRecord];
  });
}

const header = ['Month', 'AI pieces generated', 'Approved', 'Rejected', 'Median hours to approval', 'Findings per piece before review', 'Findings per piece after review', 'Experiments documented', 'Stage moves', 'Use cases reaching decide'];

const monthRow = (label: string, month: Omit<ProgramMonth, 'month'>): (string | number)[] => [
  label,
  month.generated,
  month.approved,
  month.rejected,
  month.medianHoursToApproval ?? '',
  month.findingsBeforeReview ?? '',
  month.findingsAfterReview ?? '',
  month.experimentsDocumented,
  month.stageMoves,
  month.reachedDecide,
];

/** Rebuilds the Program sheet and its chart; audit CSVs from other surfaces are added to the sheet's own trail. */
export function buildProgram(spreadsheet: Spreadsheet, csvs: readonly string[] = []): { built: boolean; message: string; months: number } {
  const records = auditRecordsOf(readTable(spreadsheet, auditSheet));
  for (const [i, csv] of csvs.entries()) {
    const read = readAuditCsv(csv);
    if ('error' in read) return { built: false, message: `Audit CSV ${i + 1} cannot be read: ${read.error}`, months: 0 };
    records.push(...read.records);
  }
  const learning = readTable(spreadsheet, learningSheet);
  const useCases = readTable(spreadsheet, useCasesSheet);
  const learningDates = learning ? learning.rows.map((row) => {
    const value = row[columnIndex(learning.header, 'Date')];
    return value instanceof Date ? value.toISOString().slice(0, 10) : cellText(value);
  }) : [];
  const stages = useCases ? useCases.rows.filter((row) => textColumn(useCases, 'Name')(row) !== '').map(textColumn(useCases, 'Stage')) : [];
  const metrics = programMetrics({ records, learningDates, stages });

  const sheet = spreadsheet.getSheetByName(programSheetName) ?? spreadsheet.insertSheet(programSheetName);
  sheet.clear();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const share = metrics.shareDecided === null ? 'no use cases yet' : `${percent(metrics.shareDecided)} of ${plural(metrics.useCases, 'use case')} reached decide`;
  const rows = [header, ...metrics.months.map((month) => monthRow(month.month, month)), monthRow('All months', metrics.total)];
  const note = [`Share of use cases reaching decide: ${share}.`, ...Array<string>(header.length - 1).fill('')];
  sheet.getRange(1, 1, rows.length + 2, header.length).setValues([...rows, Array<string>(header.length).fill(''), note]);
  sheet.setFrozenRows(1);
  if (metrics.months.length > 0) {
    // The monthly counts, not the totals row: generated, approved, rejected, documented, stage moves.
    const months = metrics.months.length;
    const chart = sheet
      .newChart()
      .asColumnChart()
      .addRange(sheet.getRange(1, 1, months + 1, 4))
      .addRange(sheet.getRange(1, 8, months + 1, 2))
      .setOption('title', 'AI programme by month')
      .setOption('legend', { position: 'bottom' })
      .setPosition(rows.length + 4, 1, 0, 0)
      .build();
    sheet.insertChart(chart);
  }
  return { built: true, message: `Built the Program sheet from ${plural(records.length, 'audit record')} over ${plural(metrics.months.length, 'month')}; ${share}.`, months: metrics.months.length };
}
