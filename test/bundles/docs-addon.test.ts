import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocsEnvironment, loadAppsScript } from '../../preview/src/apps-script';
import type { FakeParagraph } from '../../preview/src/apps-script/fake-document';
import { sampleDocument } from '../../preview/src/server/sample-document';
import type { CheckResult, Inserted } from '../../docs-addon/src/contract';
import { readDist } from '../helpers/dist';

const code = readDist('docs-addon/Code.js');
const brief = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/briefs/ledgerline-launch.json'), 'utf8'));
const ledgerline = readFileSync(join(import.meta.dirname, '../../examples/kits/ledgerline.json'), 'utf8');

/** A fresh document and the built Code.js over it; each run evaluates the whole file again, as Apps Script does. */
function open(paragraphs: string[] = sampleDocument.paragraphs) {
  const env = createDocsEnvironment({ name: 'Spring launch', paragraphs, files: {} });
  const script = loadAppsScript(code, env.services);
  const run = <T>(name: string, input: unknown = {}): T => {
    const answer = script.run(name, [input]) as { ok: boolean; value: T; error?: { message: string } };
    if (!answer.ok) throw new Error(answer.error?.message);
    return answer.value;
  };
  return { env, run };
}

describe('the built Docs add-on, end to end over the DocumentApp fake', () => {
  it('checks, shows, fixes all safe findings and finds them gone on the next check', () => {
    const { env, run } = open();
    const first = run<CheckResult>('checkDocument');
    const banned = first.findings.find((f) => f.match === 'whitelist')!;
    expect(run('selectFinding', { location: banned.location })).toEqual({ selected: true, message: '' });
    expect(env.document.snapshot().selection).toEqual(['whitelist']);
    const safe = first.findings.filter((f) => f.safe).map((f) => ({ location: f.location, expected: f.match, replacement: f.suggestions[0] }));
    expect(run<{ applied: number }>('applyFixes', { fixes: safe }).applied).toBe(safe.length);
    const second = run<CheckResult>('checkDocument');
    expect(second.findings.filter((f) => f.safe)).toEqual([]);
    expect(second.score).toBeGreaterThan(first.score);
    // The fixed word kept its bold.
    const item = env.document.body.snapshotParagraphs().find((p) => p.snapshotText().includes('allowlist'))!;
    expect(item.text.snapshotRuns().find((r) => r.text === 'allowlist')?.attributes.BOLD).toBe(true);
  });

  it('imports a kit, drafts at the cursor, approves a piece and exports the audit log', () => {
    const { env, run } = open(['Launch notes', 'Draft below this line.']);
    expect(run<{ ok: boolean }>('importKit', { json: ledgerline }).ok).toBe(true);
    const doc = env.document;
    doc.setCursor(doc.newPosition((doc.body.children[1] as FakeParagraph).text, 0));
    const drafted = run<Inserted>('draftFromBrief', { brief });
    expect(drafted.marks).toHaveLength(5);
    const status = run<{ marks: { id: string }[]; kit: { name: string } }>('getStatus');
    expect(status.kit.name).toBe('Ledgerline');
    expect(status.marks).toHaveLength(5);
    run('approveMark', { id: drafted.marks[0]!.id });
    const log = run<{ records: { action: string; subject: string; who: string }[]; csv: string }>('getAuditLog');
    expect(log.records.map((r) => r.action)).toEqual(['generated', 'generated', 'generated', 'generated', 'generated', 'approved']);
    expect(log.records.at(-1)).toMatchObject({ who: 'maya@example.com', subject: 'Article' });
    expect(log.csv.split('\r\n').at(-2)).toMatch(/^[^,]+,maya@example\.com,docs,[^,]*,approved,Article,content-pack,/);
    expect(run<{ marks: unknown[] }>('getStatus').marks).toHaveLength(4);
  });

  it('answers a check of an empty document with a notice, not an error', () => {
    const { run } = open([]);
    expect(run<CheckResult>('checkDocument').notices).toEqual(['The document is empty: there is nothing to check yet.']);
  });
});
