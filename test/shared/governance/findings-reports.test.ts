import { describe, expect, it } from 'vitest';
import {
  auditColumns,
  findingKey,
  ignoreFinding,
  isIgnored,
  legacyAuditRecord,
  legacyDocsRecord,
  parseApproverList,
  reportProblem,
  sentenceAround,
  withoutIgnored,
  withTeamApprovers,
  checkApprover,
} from '../../../shared/src/governance';
import { sha256 } from '../../../shared/src/hash';

const governance = (allowIgnoringErrors = true, escalationContact?: string) => ({ approvers: { content: [], stageGates: [] }, allowIgnoringErrors, ...(escalationContact ? { escalationContact } : {}) });
const at = new Date('2026-12-04T10:00:00Z');
const context = { governance: governance(), who: 'ana@x.com', surface: 'docs' as const, file: 'Brief', kitName: 'Ledgerline', kitVersion: '2.0.0' };

describe('sentenceAround', () => {
  it('finds the sentence holding a span, across abbreviations-free prose and line breaks', () => {
    const text = 'First one. We leverage synergy here! Last line\nNew paragraph.';
    const start = text.indexOf('leverage');
    expect(sentenceAround(text, start, start + 8)).toBe('We leverage synergy here!');
    expect(sentenceAround(text, text.indexOf('Last'), text.indexOf('Last') + 4)).toBe('Last line');
    expect(sentenceAround(text, 0, 5)).toBe('First one.');
  });
});

describe('ignoring one finding', () => {
  const finding = { rule: 'no-leverage', severity: 'warning' as const, match: 'leverage', sentence: 'We leverage synergy here!' };

  it('stays ignored for that text only, and comes back when the sentence changes', () => {
    const result = ignoreFinding([], finding, 'Quoting a customer', context, at);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(isIgnored(result.list, finding)).toBe(true);
    // Whitespace alone is not a change.
    expect(isIgnored(result.list, { ...finding, sentence: 'We  leverage synergy\nhere!' })).toBe(true);
    expect(isIgnored(result.list, { ...finding, sentence: 'We leverage synergy there!' })).toBe(false);
    expect(isIgnored(result.list, { ...finding, rule: 'other-rule' })).toBe(false);
    const kept = withoutIgnored([finding, { ...finding, sentence: 'Another leverage.' }], result.list, (f) => f);
    expect(kept).toEqual({ findings: [{ ...finding, sentence: 'Another leverage.' }], ignored: 1 });
  });

  it('writes an audit record with the reason and a hash of the sentence', () => {
    const result = ignoreFinding([], finding, '  Quoting a customer ', context, at);
    expect(result.ok && result.record).toEqual({
      when: '2026-12-04T10:00:00.000Z', who: 'ana@x.com', surface: 'docs', file: 'Brief', action: 'ignored finding', subject: 'no-leverage: leverage',
      templateId: '', templateVersion: '', provider: '', model: '', kitName: 'Ledgerline', kitVersion: '2.0.0', textHash: sha256(finding.sentence), detail: 'Quoting a customer',
    });
    expect(result.ok && result.list[0]).toEqual({ key: findingKey(finding), rule: 'no-leverage', reason: 'Quoting a customer', who: 'ana@x.com', when: '2026-12-04T10:00:00.000Z' });
  });

  it('needs a reason, and refuses error-level findings when the kit forbids ignoring them', () => {
    expect(ignoreFinding([], finding, '  ', context)).toEqual({ ok: false, message: expect.stringContaining('Say why') });
    const error = { ...finding, severity: 'error' as const };
    expect(ignoreFinding([], error, 'fine', { ...context, governance: governance(false) })).toEqual({ ok: false, message: expect.stringContaining('does not allow ignoring error-level findings') });
    expect(ignoreFinding([], error, 'fine', context).ok).toBe(true);
    expect(ignoreFinding([], finding, 'fine', { ...context, governance: governance(false) }).ok).toBe(true);
  });
});

describe('reporting a problem', () => {
  const report = { surface: 'figma' as const, who: 'figma:42', file: 'Spring', subject: 'Hero/1200x628/A', kind: 'off-brand', note: 'Too jokey', text: 'Close the books!', provenance: { templateId: 'copy-variants', templateVersion: '3', provider: 'openai', model: 'gpt-x' } };

  it('logs the provenance and a hash of the text, and names the escalation contact', () => {
    const result = reportProblem(report, governance(true, 'brand-legal@x.com'), at);
    expect(result.ok && result.record).toMatchObject({ action: 'reported', templateId: 'copy-variants', templateVersion: '3', provider: 'openai', model: 'gpt-x', textHash: sha256('Close the books!'), detail: 'off-brand: Too jokey' });
    expect(result.ok && result.escalation).toContain('brand-legal@x.com');
    expect(reportProblem(report, governance(), at)).toMatchObject({ ok: true, escalation: expect.stringContaining('names nobody') });
  });

  it('refuses an unknown kind or an empty note', () => {
    expect(reportProblem({ ...report, kind: 'boring' }, governance())).toEqual({ ok: false, message: expect.stringContaining('wrong, off-brand, biased, unsafe, legal risk') });
    expect(reportProblem({ ...report, note: ' ' }, governance())).toEqual({ ok: false, message: expect.stringContaining('Add a note') });
  });
});

describe('team approvers', () => {
  it('reads a typed list and names what it cannot read', () => {
    expect(parseApproverList('ana@x.com, @legal.x.com;\nfigma:123 bob')).toEqual({ list: ['ana@x.com', '@legal.x.com', 'figma:123'], problems: ['“bob” is not an email address, an @domain or a figma:id'] });
  });

  it('apply where the kit names nobody; the kit wins where it does', () => {
    const team = { content: ['ana@x.com'], stageGates: ['lead@x.com'] };
    const applied = withTeamApprovers(governance(), team);
    expect(checkApprover(applied, { email: 'sam@x.com' }, 'content').allowed).toBe(false);
    expect(checkApprover(applied, { email: 'ana@x.com' }, 'content')).toEqual({ allowed: true, named: true });
    const kit = { ...governance(), approvers: { content: ['kit@x.com'], stageGates: [] } };
    expect(withTeamApprovers(kit, team).approvers).toEqual({ content: ['kit@x.com'], stageGates: ['lead@x.com'] });
  });
});

describe('older logs', () => {
  it('maps the Sheets audit sheet’s old columns onto the record', () => {
    const record = legacyAuditRecord({ When: '2026-01-02T03:04:05.000Z', Who: 'maya@x.com', Action: 'approve insight', Template: 'experiment-insight@2', Provider: 'openai', Model: 'gpt', Detail: 'winner-1: B wins', 'Approved by': 'maya@x.com' }, 'sheets', 'Tracker');
    expect(Object.keys(record)).toEqual([...auditColumns]);
    expect(record).toMatchObject({ when: '2026-01-02T03:04:05.000Z', who: 'maya@x.com', surface: 'sheets', file: 'Tracker', action: 'approved', templateId: 'experiment-insight', templateVersion: '2', provider: 'openai', model: 'gpt', detail: 'winner-1: B wins' });
    expect(legacyAuditRecord({ Action: 'renamed sheet', Detail: 'x' }, 'sheets', '')).toMatchObject({ action: 'edited', detail: 'x; recorded as “renamed sheet”' });
  });

  it('maps an old Docs approval entry', () => {
    const record = legacyDocsRecord({ markId: 'm1', label: 'Email', approvedBy: 'ana@x.com', approvedAt: '2026-01-01T00:00:00.000Z', template: 'content-pack', templateVersion: '1', provider: 'offline', model: 'offline-1', channel: 'email', score: 90, findings: [{ rule: 'r', severity: 'warning', match: 'm' }] }, 'Brief');
    expect(record).toMatchObject({ when: '2026-01-01T00:00:00.000Z', who: 'ana@x.com', action: 'approved', subject: 'Email', templateId: 'content-pack', templateVersion: '1', detail: 'fit 90; findings: warning: m (r); channel email' });
  });
});

describe('a kit’s governance and its drafts', () => {
  it('changes no draft: the seed ignores who approves and whom to escalate to', async () => {
    const { draftSeed } = await import('../../../shared/src/generate/seed');
    const kit = { name: 'X', version: '1', terms: [] };
    const governed = { ...kit, governance: { approvers: { content: ['ana@x.com'], stageGates: [] }, allowIgnoringErrors: false, escalationContact: 'legal@x.com' } };
    expect(draftSeed({ brief: 'b' }, governed, { version: '1' })).toBe(draftSeed({ brief: 'b' }, kit, { version: '1' }));
    expect(draftSeed({ brief: 'b' }, { ...kit, version: '2' }, { version: '1' })).not.toBe(draftSeed({ brief: 'b' }, kit, { version: '1' }));
  });
});
