import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditColumns, readAuditCsv } from '../../shared/src/governance';
import { sha256 } from '../../shared/src/hash';
import { appendAudit } from '../../sheets-addon/src/server/audit-trail';
import { auditRecord } from '../../shared/src/governance';
import { installGlobals, openTracker, sampleTracker as sample } from './harness';
import { sampleSpreadsheet } from '../../preview/src/server/sample-spreadsheet';

const ledgerline = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/kits/ledgerline.json'), 'utf8'));

/** Sets a Settings value by its label, as a person typing in the sheet would. */
function setSetting(t: ReturnType<typeof sample>, label: string, value: string) {
  const sheet = t.sheet('Settings');
  const rows = sheet.snapshot();
  const at = rows.findIndex((row) => row[0] === label);
  if (at < 0) throw new Error(`No setting ${label}`);
  sheet.getRange(at + 1, 2).setValue(value);
}

describe('approving insights in Sheets', () => {
  it('refuses someone the Settings do not name, with the shared message, and records nothing', () => {
    const t = sample();
    setSetting(t, 'Content approvers', 'lead@example.com');
    t.call('writeInsights');
    const first = t.call('listInsights')[0];
    const result = t.script.run('reviewInsight', [{ id: first.id, review: 'approved' }]) as { ok: boolean; error?: { code: string; message: string } };
    expect(result).toEqual({ ok: false, error: { code: 'not_approver', message: "maya@example.com is not named to approve AI content. This kit names lead@example.com; ask one of them, or ask the kit's owner to add you." } });
    expect(t.records('Insights').find((row) => row.Id === first.id)!.Review).toBe('needs review');
    expect(t.records('Audit log')).toEqual([]);
    t.env.session.setActiveUser('lead@example.com');
    t.call('reviewInsight', { id: first.id, review: 'approved' });
    expect(t.records('Audit log')).toEqual([expect.objectContaining({ who: 'lead@example.com', action: 'approved' })]);
  });

  it('follows the kit’s approvers over the Settings, and lets anyone dismiss', () => {
    const t = sample();
    t.call('saveSettings', { kitJson: JSON.stringify({ ...ledgerline, governance: { approvers: { content: ['@legal.example.com'] }, escalationContact: 'brand-legal@example.com' } }) });
    setSetting(t, 'Content approvers', 'maya@example.com');
    t.call('writeInsights');
    const [first, second] = t.call('listInsights');
    expect((t.script.run('reviewInsight', [{ id: first.id, review: 'approved' }]) as { ok: boolean }).ok).toBe(false);
    t.call('reviewInsight', { id: second.id, review: 'dismissed' });
    expect(t.records('Audit log').map((row) => [row.action, row.kitName])).toEqual([['rejected', 'Ledgerline']]);
  });
});

describe('reporting an insight', () => {
  it('logs the report with the narrative’s provenance and hash, and names the escalation contact', () => {
    const t = sample();
    t.call('saveSettings', { kitJson: JSON.stringify({ ...ledgerline, governance: { escalationContact: 'brand-legal@example.com' } }) });
    t.call('writeInsights');
    const first = t.call('listInsights')[0];
    expect(t.call('reportInsight', { id: first.id, kind: 'wrong', note: '' })).toMatchObject({ reported: false, message: expect.stringContaining('Add a note') });
    const answer = t.call('reportInsight', { id: first.id, kind: 'wrong', note: 'The lift is for the wrong arm' });
    expect(answer).toMatchObject({ reported: true, escalation: expect.stringContaining('brand-legal@example.com') });
    expect(t.records('Audit log').at(-1)).toMatchObject({ action: 'reported', surface: 'sheets', subject: `${first.id}: ${first.headline}`, provider: 'offline', templateId: 'offline narrative', textHash: sha256(first.narrative), detail: 'wrong: The lift is for the wrong arm' });
  });
});

describe('the Sheets audit trail', () => {
  const oldHeader = ['When', 'Who', 'Action', 'Template', 'Provider', 'Model', 'Detail', 'Approved by', 'Our notes'];
  const oldRows = [
    ['2026-01-02T03:04:05.000Z', 'maya@example.com', 'generate insight', 'experiment-insight@1.0.0', 'openai', 'gpt-test', 'winner-1: B wins', '', 'checked'],
    ['2026-01-03T03:04:05.000Z', 'omar@example.com', 'approve insight', 'experiment-insight', 'openai', 'gpt-test', 'winner-1: B wins', 'omar@example.com', ''],
  ];

  it('moves an Audit log kept in the older columns into the record’s columns, every row and people’s own column kept', () => {
    const sheets = structuredClone(sampleSpreadsheet.sheets);
    sheets['Audit log'] = [oldHeader, ...oldRows];
    const t = openTracker(sheets, sampleSpreadsheet.name);
    t.call('setupTracker');
    const [header] = t.sheet('Audit log').snapshot();
    expect(header!.slice(0, auditColumns.length + 1)).toEqual([...auditColumns, 'Our notes']);
    expect(t.records('Audit log')).toEqual([
      expect.objectContaining({ when: '2026-01-02T03:04:05.000Z', who: 'maya@example.com', surface: 'sheets', action: 'generated', templateId: 'experiment-insight', templateVersion: '1.0.0', provider: 'openai', detail: 'winner-1: B wins', 'Our notes': 'checked' }),
      expect.objectContaining({ when: '2026-01-03T03:04:05.000Z', who: 'omar@example.com', action: 'approved', templateId: 'experiment-insight', 'Our notes': '' }),
    ]);
    // The exports read the migrated rows with everything after them.
    t.call('writeInsights');
    t.call('reviewInsight', { id: t.call('listInsights')[0].id, review: 'dismissed' });
    const exported = t.call('getAuditExport');
    const read = readAuditCsv(exported.csv);
    if (!('records' in read)) throw new Error(read.error);
    expect(read.records.map((r) => r.action)).toEqual(['generated', 'approved', 'rejected']);
    expect(JSON.parse(exported.json)).toEqual(read.records);
  });

  it('moves its oldest rows to the archive sheet past its cap, and the export keeps them all', () => {
    const t = sample();
    const undo = installGlobals(t.env);
    try {
      const records = (from: number, n: number) => Array.from({ length: n }, (_, i) => auditRecord({ surface: 'sheets', action: 'edited', subject: `r${from + i}` }));
      const spreadsheet = t.env.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
      expect(appendAudit(spreadsheet, records(0, 8), 10)).toBe(0);
      expect(appendAudit(spreadsheet, records(8, 4), 10)).toBe(7);
      expect(t.records('Audit log').map((row) => row.subject).filter(Boolean)).toEqual(['r7', 'r8', 'r9', 'r10', 'r11']);
      expect(t.records('Audit log archive').map((row) => row.subject)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    } finally {
      undo();
    }
    const read = readAuditCsv(t.call('getAuditExport').csv);
    expect('records' in read && read.records.map((r) => r.subject)).toEqual(Array.from({ length: 12 }, (_, i) => `r${i}`));
  });
});
