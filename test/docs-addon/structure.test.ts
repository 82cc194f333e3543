import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../docs-addon/src/server/check';
import { draftFromBrief } from '../../docs-addon/src/server/draft';
import type { DocFinding } from '../../docs-addon/src/contract';
import type { BlockSpec, FakeParagraph } from '../../preview/src/apps-script/fake-document';
import { installDocs, useExampleKit } from './install';

const brief = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/briefs/ledgerline-launch.json'), 'utf8'));
const check = () => checkDocument({ scope: 'document', channel: '', approvedClaims: [] });

// Headings, nested lists, a table, a footnote, emoji and right-to-left text, none of them ending in a full stop.
const structured: BlockSpec[] = [
  { paragraph: 'Close the month without the usual scramble 🚀', heading: 'HEADING1' },
  { listItem: 'Every card purchase is matched to its receipt as it happens' },
  { listItem: 'Spend limits are set per team and enforced at the till', level: 1 },
  { table: [['Team', 'Monthly limit for the team'], ['Finance operations and payroll', 'شكرا لكم على الدعم']] },
  'Our really simple app closes the books.[^Figures from our own customer survey]',
];

/** The words of a paragraph, as the length rules count them. */
const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;

function paragraphText(env: ReturnType<typeof installDocs>, finding: DocFinding): string {
  const location = finding.location!;
  const section = location.section === 'body' ? env.document.body : env.document.snapshotFootnotes()[0]!.contents;
  const ref = location.ref;
  const paragraph = typeof ref === 'number' ? section.snapshotParagraphs()[ref]! : (ref.reduce<unknown>((node, i) => (node as { children: unknown[] }).children[i], section) as FakeParagraph);
  return paragraph.snapshotText();
}

/** Every finding sits inside one paragraph, and a count it reports fits in that paragraph. */
function expectNothingCrossesStructure(env: ReturnType<typeof installDocs>, findings: readonly DocFinding[]): void {
  for (const finding of findings) {
    expect(finding.location, `${finding.rule}: ${finding.message}`).not.toBeNull();
    const text = paragraphText(env, finding);
    expect(text.slice(finding.location!.start, finding.location!.end)).toBe(finding.match);
    const words = /has (\d+) words/.exec(finding.message);
    if (words) expect(Number(words[1]), `${finding.rule}: ${finding.message}`).toBeLessThanOrEqual(wordsIn(text));
    const characters = /has (\d+) characters/.exec(finding.message);
    if (characters) expect(Number(characters[1]), `${finding.rule}: ${finding.message}`).toBeLessThanOrEqual([...text].length);
  }
}

describe('checking a document with structure', () => {
  it('ends sentences at headings, list items and table cells, so a short sentence is not reported as long', () => {
    const env = installDocs(structured);
    useExampleKit(env);
    const findings = check().findings;
    expect(findings.filter((f) => f.rule === 'length.sentence-length')).toEqual([]);
    // The hedge is still found, at its own place in its own paragraph.
    const hedge = findings.find((f) => f.match.trim() === 'really')!;
    expect(hedge.context).toContain('Our really simple app closes the books.');
    expectNothingCrossesStructure(env, findings);
  });

  it('checks a drafted pack next to a table with no finding across paragraphs and no section running into the table', () => {
    const env = installDocs([...structured, 'Notes from the team', { table: [['Channel', 'Owner'], ['Search', 'Growth team, with help from the brand team and the agency']] }]);
    useExampleKit(env);
    const doc = env.document;
    doc.setCursor(doc.newPosition((doc.body.children[4] as FakeParagraph).text, 3));
    expect(draftFromBrief(brief).inserted).toBe(true);
    const result = check();
    expectNothingCrossesStructure(env, result.findings);
    expect(result.findings.filter((f) => f.rule === 'channel.length' && f.channel === 'search-ad-headline')).toEqual([]);
    expect(result.findings.filter((f) => f.rule === 'length.paragraph-length')).toEqual([]);
  });
});
