import type { AuditRecord } from '@onbrand/shared/governance';
import { appendAudit } from './insights';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Appends shared audit records to the Audit log, each field under the column of its name (When,
 * Who, Action, Detail…); `approvedBy` fills the sheet's Approved by column where it has one.
 */
export function logAuditRecords(spreadsheet: Spreadsheet, records: readonly AuditRecord[], approvedBy = ''): void {
  appendAudit(spreadsheet, records.map((record) => ({ ...(record as unknown as Record<string, string>), 'Approved by': approvedBy })));
}
