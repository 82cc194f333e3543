import { describe, expect, it } from 'vitest';
import { readAuditCsv } from '../../shared/src/governance';
import { sha256 } from '../../shared/src/hash';
import { currentUserPermissionError, sampleKit } from '../../preview/src/figma';
import { ok, rpc, sampleFile } from './harness';

const generated = {
  mode: 'generated',
  bySize: [{ size: '300x250', rows: [{ variant: 'A', locale: '', texts: { '#headline': 'Close the books in days' } }] }],
  provenance: { provider: 'openai', model: 'gpt-test', template: 'copy-variants@2.0.0', seed: 's1', createdAt: '2026-03-01T10:00:00Z' },
};

async function withAiVersion(governance: object = {}) {
  const file = await sampleFile({ kit: false });
  await ok(file.figma, 'saveKit', { json: JSON.stringify({ ...sampleKit, governance }) });
  const made = await ok(file.figma, 'generateVersions', { sizes: ['300x250'], copy: generated });
  return { ...file, version: made.versions[0] };
}

describe('figma.currentUser in the fake', () => {
  it('throws Figma’s own refusal without the manifest permission', async () => {
    const { figma } = await sampleFile();
    expect(figma.currentUser?.name).toBe('Maya Ortiz');
    figma.permissions = [];
    expect(() => figma.currentUser).toThrow(currentUserPermissionError);
  });
});

describe('approving AI copy in Figma', () => {
  it('keeps a version marked until a named approver approves it, refusing anyone else with the shared message', async () => {
    const { figma, version } = await withAiVersion({ approvers: { content: ['figma:42'] } });
    expect(version).toMatchObject({ aiGenerated: true, review: 'awaiting approval' });
    const refused = await rpc(figma, 'reviewVersions', { ids: [version.id], decision: 'approved' });
    expect(refused).toEqual({ ok: false, error: { code: 'not_approver', message: "Maya Ortiz is not named to approve AI content. This kit names figma:42; ask one of them, or ask the kit's owner to add you." } });
    expect((await ok(figma, 'listVersions', { scope: 'all' })).versions[0].review).toBe('awaiting approval');
    figma.user = null;
    expect(await rpc(figma, 'reviewVersions', { ids: [version.id], decision: 'approved' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('cannot tell who you are') } });
    figma.user = { id: '42', name: 'Lena Brandt', photoUrl: null, color: '#000000', sessionId: 2 };
    const approved = await ok(figma, 'reviewVersions', { ids: [version.id], decision: 'approved' });
    expect(approved.versions[0].review).toBe('approved by Lena Brandt (figma:42)');
    const records = (await ok(figma, 'getAuditLog', {})).records;
    expect(records.map((r: { action: string }) => r.action)).toEqual(['generated', 'approved']);
    expect(records[1]).toMatchObject({ surface: 'figma', who: 'Lena Brandt (figma:42)', subject: version.name, templateId: 'copy-variants', templateVersion: '2.0.0', provider: 'openai', model: 'gpt-test', kitName: 'Ledgerline', textHash: sha256('#headline: Close the books in days') });
    expect(records[0].textHash).toBe(records[1].textHash);
  });

  it('rejects with a reason and reports a problem with the kit’s escalation contact', async () => {
    const { figma, version } = await withAiVersion({ escalationContact: 'brand-legal@example.com' });
    const rejected = await ok(figma, 'reviewVersions', { ids: [version.id], decision: 'rejected', reason: 'Too casual' });
    expect(rejected.versions[0].review).toBe('rejected by Maya Ortiz (figma:1203948576)');
    const report = await ok(figma, 'reportVersion', { id: version.id, kind: 'biased', note: 'Assumes a male CFO' });
    expect(report).toMatchObject({ reported: true, escalation: expect.stringContaining('brand-legal@example.com') });
    const log = await ok(figma, 'getAuditLog', {});
    expect(log.records.slice(1).map((r: { action: string; detail: string }) => [r.action, r.detail])).toEqual([
      ['rejected', 'Too casual'],
      ['reported', 'biased: Assumes a male CFO'],
    ]);
    const read = readAuditCsv(log.csv);
    expect('records' in read && read.records).toEqual(log.records);
    expect(JSON.parse(log.json)).toEqual(log.records);
  });
});

describe('the Figma audit trail past one entry', () => {
  it('moves its oldest records to a second key and keeps every one', async () => {
    const { figma, version } = await withAiVersion();
    for (let i = 0; i < 160; i++) await ok(figma, 'reportVersion', { id: version.id, kind: 'wrong', note: `Note ${i} `.padEnd(300, 'x') });
    const recent = figma.root.getSharedPluginData('onbrand', 'audit');
    expect(recent.length).toBeLessThan(100_000);
    expect(figma.root.getSharedPluginData('onbrand', 'audit.older')).not.toBe('');
    const log = await ok(figma, 'getAuditLog', {});
    const read = readAuditCsv(log.csv);
    expect('records' in read && read.records.length).toBe(161);
  });
});

describe('ignoring a finding in Figma', () => {
  it('dismisses one text finding with a reason until the text changes, and logs it', async () => {
    const { figma, master } = await sampleFile();
    const headline = master.findAllWithCriteria({ types: ['TEXT'] }).find((t) => t.name === '#headline')!;
    await figma.loadFontAsync(headline.fontName as FontName);
    headline.characters = 'A cheap way to close the books';
    const first = await ok(figma, 'checkBrand', { scope: 'selection' });
    const frame = first.frames[0];
    const finding = frame.findings.find((f: { match: string }) => f.match === 'cheap');
    expect(finding.sentence).toBe('A cheap way to close the books');
    expect(await ok(figma, 'ignoreFinding', { frameId: frame.id, findingId: finding.id, reason: '' })).toEqual({ ignored: false, message: expect.stringContaining('Say why') });
    expect(await ok(figma, 'ignoreFinding', { frameId: frame.id, findingId: finding.id, reason: 'Quoting a review' })).toMatchObject({ ignored: true });
    const again = await ok(figma, 'checkBrand', { scope: 'selection' });
    expect(again.frames[0].findings.some((f: { match: string }) => f.match === 'cheap')).toBe(false);
    expect(again.notices).toContain('1 finding was ignored with a reason (see the audit log); it comes back if the text changes.');
    expect((await ok(figma, 'getAuditLog', {})).records.at(-1)).toMatchObject({ action: 'ignored finding', detail: 'Quoting a review', textHash: sha256('A cheap way to close the books') });
    headline.characters = 'A cheap way to close your books';
    const changed = await ok(figma, 'checkBrand', { scope: 'selection' });
    expect(changed.frames[0].findings.some((f: { match: string }) => f.match === 'cheap')).toBe(true);
  });

  it('refuses an error-level finding when the kit forbids ignoring errors', async () => {
    const { figma, master } = await sampleFile({ kit: false });
    await ok(figma, 'saveKit', { json: JSON.stringify({ ...sampleKit, governance: { allowIgnoringErrors: false } }) });
    const headline = master.findAllWithCriteria({ types: ['TEXT'] }).find((t) => t.name === '#headline')!;
    await figma.loadFontAsync(headline.fontName as FontName);
    headline.characters = 'A cheap way';
    const checked = await ok(figma, 'checkBrand', { scope: 'selection' });
    const finding = checked.frames[0].findings.find((f: { match: string }) => f.match === 'cheap');
    expect(finding.severity).toBe('error');
    expect(await ok(figma, 'ignoreFinding', { frameId: checked.frames[0].id, findingId: finding.id, reason: 'fine' })).toEqual({ ignored: false, message: expect.stringContaining('does not allow ignoring error-level findings') });
  });
});
