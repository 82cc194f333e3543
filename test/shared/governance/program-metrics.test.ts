import { describe, expect, it } from 'vitest';
import { auditCsv, auditRecord, readAuditCsv, type AuditRecordInput } from '../../../shared/src/governance/audit-record';
import { findingsIn, programMetrics } from '../../../shared/src/governance/program-metrics';

const at = (when: string, input: Omit<AuditRecordInput, 'when'>) => auditRecord({ ...input, when });

const records = [
  at('2026-11-02T09:00:00Z', { surface: 'docs', action: 'generated', file: 'Launch brief', subject: 'Intro', detail: '3 findings' }),
  at('2026-11-02T13:00:00Z', { surface: 'docs', action: 'approved', file: 'Launch brief', subject: 'Intro', detail: '0 open findings' }),
  at('2026-11-03T09:00:00Z', { surface: 'figma', action: 'generated', file: 'Ads', subject: 'Version 300x250', detail: '1 finding' }),
  at('2026-11-05T09:00:00Z', { surface: 'figma', action: 'rejected', file: 'Ads', subject: 'Version 300x250' }),
  at('2026-12-01T08:00:00Z', { surface: 'cli', action: 'generated', file: 'brief.md', subject: 'Email 1', detail: '5 findings' }),
  at('2026-12-02T08:00:00Z', { surface: 'sheets', action: 'approved', file: 'brief.md', subject: 'Email 1', detail: '1 finding' }),
  at('2026-12-02T10:00:00Z', { surface: 'docs', action: 'generated', file: 'Launch brief', subject: 'Outro' }),
  at('2026-12-02T16:00:00Z', { surface: 'docs', action: 'approved', file: 'Launch brief', subject: 'Outro' }),
  at('2026-12-03T08:00:00Z', { surface: 'sheets', action: 'stage moved', subject: 'Subject-line generator', detail: 'ideate → qualified: score 81.3' }),
  at('2026-12-04T08:00:00Z', { surface: 'sheets', action: 'stage moved', subject: 'Subject-line generator', detail: 'measured → decided: B wins' }),
];

describe('program metrics', () => {
  it('counts pieces, time to approval and findings by month from records of every surface', () => {
    const metrics = programMetrics({ records, learningDates: ['2026-12-04', '2026-11-20', 'soon'], stages: ['decided', 'ideate', 'running', 'decided'] });
    expect(metrics.months).toEqual([
      { month: '2026-11', generated: 2, approved: 1, rejected: 1, medianHoursToApproval: 4, findingsBeforeReview: 2, findingsAfterReview: 0, experimentsDocumented: 1, stageMoves: 0, reachedDecide: 0 },
      { month: '2026-12', generated: 2, approved: 2, rejected: 0, medianHoursToApproval: 15, findingsBeforeReview: 5, findingsAfterReview: 1, experimentsDocumented: 1, stageMoves: 2, reachedDecide: 1 },
    ]);
    expect(metrics.total).toMatchObject({ generated: 4, approved: 3, rejected: 1, medianHoursToApproval: 6, experimentsDocumented: 2, stageMoves: 2, reachedDecide: 1 });
    expect(metrics.shareDecided).toBe(0.5);
  });

  it('takes the records of any surface through the CSV export unchanged', () => {
    const loaded = readAuditCsv(auditCsv(records));
    expect('records' in loaded && programMetrics({ records: loaded.records, learningDates: [], stages: [] }).total).toEqual(programMetrics({ records, learningDates: [], stages: [] }).total);
  });

  it('reads findings from a detail only when it states them', () => {
    expect([findingsIn('3 findings'), findingsIn('1 open finding, 2 ignored'), findingsIn('approved as is'), findingsIn('findings: none')]).toEqual([3, 1, null, null]);
    expect(programMetrics({ records: [], learningDates: [], stages: [] })).toEqual({ months: [], total: expect.objectContaining({ medianHoursToApproval: null, findingsBeforeReview: null }), useCases: 0, shareDecided: null });
  });
});
