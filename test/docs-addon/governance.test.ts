import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeStoredJson } from '../../apps-script/src/server/stored-json';
import { archiveAuditRows } from '../../docs-addon/src/server/audit-archive';
import { auditLog, saveTeamApprovers } from '../../docs-addon/src/server/audit-log';
import { checkDocument, ignoreFinding } from '../../docs-addon/src/server/check';
import { draftFromBrief } from '../../docs-addon/src/server/draft';
import { approveMark, readMarks, rejectMark, reportMark } from '../../docs-addon/src/server/marks';
import { readAuditCsv } from '../../shared/src/governance';
import { sha256 } from '../../shared/src/hash';
import { installDocs, texts } from './install';

const brief = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/briefs/ledgerline-launch.json'), 'utf8'));
const ledgerline = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/kits/ledgerline.json'), 'utf8'));

function withKit(paragraphs: string[], governance: object = {}) {
  const env = installDocs(paragraphs);
  writeStoredJson(env.properties.document as never, 'onbrand.kit', { ...ledgerline, governance });
  return env;
}

describe('named approvers in Docs', () => {
  it('refuses someone the kit does not name, with the shared message, changing nothing', () => {
    const env = withKit(['Intro.'], { approvers: { content: ['lead@example.com'] } });
    const [mark] = draftFromBrief(brief).marks;
    const before = JSON.stringify(env.document.snapshot());
    const refused = approveMark(mark!.id);
    expect(refused).toEqual({ approved: null, open: [], message: 'maya@example.com is not named to approve AI content. This kit names lead@example.com; ask one of them, or ask the kit\'s owner to add you.' });
    expect(JSON.stringify(env.document.snapshot())).toBe(before);
    expect(readMarks().map((m) => m.id)).toContain(mark!.id);
    // Someone whose email Apps Script withholds is refused too.
    env.session.setActiveUser('');
    expect(approveMark(mark!.id).message).toContain('cannot tell who you are');
    env.session.setActiveUser('lead@example.com');
    expect(approveMark(mark!.id).approved).toMatchObject({ who: 'lead@example.com', action: 'approved' });
  });

  it('uses the team’s approvers from the settings when the kit names nobody, and only they may change the list', () => {
    const env = withKit(['Intro.']);
    expect(saveTeamApprovers('lead@example.com, bob')).toMatchObject({ message: 'Nothing was saved.', problems: ['“bob” is not an email address, an @domain or a figma:id'] });
    expect(saveTeamApprovers('lead@example.com')).toMatchObject({ approvers: ['lead@example.com'], kitNames: false });
    const [mark] = draftFromBrief(brief).marks;
    expect(approveMark(mark!.id).message).toContain('maya@example.com is not named to approve AI content');
    expect(saveTeamApprovers('maya@example.com').message).toContain('maya@example.com is not named');
    env.session.setActiveUser('lead@example.com');
    expect(approveMark(mark!.id).approved?.who).toBe('lead@example.com');
    expect(auditLog().records.some((r) => r.subject === 'Approvers' && r.detail.includes('lead@example.com'))).toBe(true);
  });
});

describe('rejecting and reporting AI text in Docs', () => {
  it('rejects a piece: its text leaves the document and the trail says who and why', () => {
    const env = withKit(['Intro.']);
    const marks = draftFromBrief(brief).marks;
    const social = marks.find((m) => m.label === 'Social post')!;
    const before = texts(env);
    const result = rejectMark(social.id, 'Off-message for this launch');
    expect(result).toEqual({ done: true, message: 'Rejected “Social post”; its text is out of the document.' });
    expect(texts(env).length).toBeLessThan(before.length);
    expect(texts(env)).toContain('Intro.');
    expect(auditLog().records.at(-1)).toMatchObject({ action: 'rejected', subject: 'Social post', who: 'maya@example.com', detail: 'Off-message for this launch', templateId: 'content-pack' });
  });

  it('reports a problem with the piece’s provenance and names the kit’s escalation contact', () => {
    withKit(['Intro.'], { escalationContact: 'brand-legal@example.com' });
    const marks = draftFromBrief(brief).marks;
    const email = marks.find((m) => m.label === 'Email')!;
    expect(reportMark(email.id, 'boring', 'x')).toMatchObject({ reported: false, message: expect.stringContaining('Choose what is wrong') });
    const result = reportMark(email.id, 'legal risk', 'Promises a refund we do not offer');
    expect(result).toMatchObject({ reported: true, escalation: expect.stringContaining('brand-legal@example.com') });
    const generated = auditLog().records.find((r) => r.action === 'generated' && r.subject === 'Email')!;
    expect(auditLog().records.at(-1)).toMatchObject({ action: 'reported', subject: 'Email', provider: 'offline', model: email.model, templateId: 'content-pack', templateVersion: email.templateVersion, textHash: generated.textHash, detail: 'legal risk: Promises a refund we do not offer' });
    // The mark still waits for a decision.
    expect(readMarks().map((m) => m.id)).toContain(email.id);
  });
});

describe('ignoring a finding in Docs', () => {
  const sentence = 'Add them to the whitelist today.';

  it('dismisses it for that sentence only, logs the reason, and it comes back when the sentence changes', () => {
    const env = withKit(['Intro.', sentence, 'Another whitelist here.']);
    const first = checkDocument({ scope: 'document', channel: '', approvedClaims: [] }).findings.filter((f) => f.match === 'whitelist');
    expect(first.map((f) => f.sentence)).toEqual([sentence, 'Another whitelist here.']);
    const [target] = first;
    expect(ignoreFinding({ rule: target!.rule, match: 'whitelist', sentence, reason: 'Quoting the old UI label', scope: 'document', channel: '' })).toEqual({
      ignored: true,
      message: 'Ignored “whitelist” here. It comes back if this sentence changes.',
    });
    const after = checkDocument({ scope: 'document', channel: '', approvedClaims: [] });
    expect(after.findings.filter((f) => f.match === 'whitelist').map((f) => f.sentence)).toEqual(['Another whitelist here.']);
    expect(after.notices).toContain('1 finding was ignored here with a reason (see the audit log); it comes back if the text changes.');
    expect(auditLog().records.at(-1)).toMatchObject({ action: 'ignored finding', detail: 'Quoting the old UI label', textHash: sha256(sentence) });
    // A sentence added after it changes nothing; editing the sentence itself brings the finding back.
    const paragraph = env.document.body.snapshotParagraphs()[1]!;
    paragraph.appendText(' Really.');
    expect(checkDocument({ scope: 'document', channel: '', approvedClaims: [] }).findings.filter((f) => f.match === 'whitelist')).toHaveLength(1);
    paragraph.text.chars = paragraph.text.chars.replace('Add them', 'Add them all');
    expect(checkDocument({ scope: 'document', channel: '', approvedClaims: [] }).findings.filter((f) => f.match === 'whitelist')).toHaveLength(2);
  });

  it('refuses an error-level finding when the kit forbids ignoring errors, and one that is gone', () => {
    withKit(['Intro.', sentence], { allowIgnoringErrors: false });
    const [finding] = checkDocument({ scope: 'document', channel: '', approvedClaims: [] }).findings.filter((f) => f.match === 'whitelist');
    expect(finding!.severity).toBe('error');
    expect(ignoreFinding({ rule: finding!.rule, match: 'whitelist', sentence, reason: 'fine', scope: 'document', channel: '' })).toEqual({ ignored: false, message: expect.stringContaining('does not allow ignoring error-level findings') });
    expect(ignoreFinding({ rule: finding!.rule, match: 'whitelist', sentence: 'Not here.', reason: 'fine', scope: 'document', channel: '' })).toEqual({ ignored: false, message: 'That finding is no longer in the text. Check again.' });
    expect(checkDocument({ scope: 'document', channel: '', approvedClaims: [] }).findings.filter((f) => f.match === 'whitelist')).toHaveLength(1);
  });
});

describe('the Docs audit trail across shapes', () => {
  it('reads an archive table written with the older columns into records', () => {
    const env = withKit(['Intro.']);
    const oldHeader = ['Approved at', 'Approved by', 'Piece', 'Channel', 'Template', 'Template version', 'Provider', 'Model', 'Brand fit', 'Findings'];
    archiveAuditRows(env.document as never, oldHeader, [['2026-01-01T00:00:00.000Z', 'omar@example.com', 'Old piece', '', 'content-pack', '1.0.0', 'offline', 'onbrand-offline-1', '88', '']]);
    const [mark] = draftFromBrief(brief).marks;
    approveMark(mark!.id);
    const read = readAuditCsv(auditLog().csv);
    if (!('records' in read)) throw new Error(read.error);
    expect(read.records[0]).toMatchObject({ when: '2026-01-01T00:00:00.000Z', who: 'omar@example.com', surface: 'docs', file: 'Campaign draft', action: 'approved', subject: 'Old piece', templateId: 'content-pack', templateVersion: '1.0.0', detail: 'fit 88' });
    expect(read.records.at(-1)).toMatchObject({ action: 'approved', subject: mark!.label });
  });
});
