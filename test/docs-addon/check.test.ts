import { describe, expect, it } from 'vitest';
import { checkDocument, selectFinding } from '../../docs-addon/src/server/check';
import type { FakeParagraph } from '../../preview/src/apps-script/fake-document';
import { installDocs, useExampleKit } from './install';

const check = (input: Partial<Parameters<typeof checkDocument>[0]> = {}) => checkDocument({ scope: 'document', channel: '', approvedClaims: [], ...input });

describe('checking a document', () => {
  it('sees text in paragraphs, list items, tables, headers, footers and footnotes, each at its exact place', () => {
    const env = installDocs([
      'header: Our whitelist header',
      '# Launch 🚀 whitelist',
      '- a whitelist item',
      '| Copy | Notes |',
      '| The 👋 whitelist cell | fine |',
      'Body text with a note[^See the whitelist footnote.]',
      'footer: whitelist in the footer',
    ]);
    const result = check();
    const places = result.findings.filter((f) => f.match === 'whitelist').map((f) => f.location!);
    expect(places.map((p) => p.section).sort()).toEqual(['body', 'body', 'body', 'footer', 'footnote.0', 'header']);
    // Each place, read back from the fake, holds exactly the matched word.
    const sections = { body: env.document.body, header: env.document.header!, footer: env.document.footer!, 'footnote.0': env.document.snapshotFootnotes()[0]!.contents };
    for (const place of places) {
      const paragraph = sections[place.section as keyof typeof sections].snapshotParagraphs()[place.ref as number]!;
      expect(paragraph.snapshotText().slice(place.start, place.end)).toBe('whitelist');
    }
    expect(result.findings[0]!.suggestions).toEqual(['allowlist']);
    expect(result.findings.every((f) => f.safe === (f.rule === 'terms.banned'))).toBe(true);
  });

  it('gathers the text in at most five reads of document content, whatever the length', () => {
    const env = installDocs(['header: h', ...Array.from({ length: 300 }, (_, i) => `Paragraph ${i} is really fine.`), '| a | b |', 'footer: f']);
    env.calls.reset();
    check();
    const reads = ['Body.getText', 'Body.getParagraphs', 'HeaderSection.getText', 'FooterSection.getText', 'Document.getFootnotes'].reduce((sum, name) => sum + env.calls.count(name), 0);
    expect(reads).toBeLessThanOrEqual(5);
    expect(env.calls.count('Paragraph.getText')).toBe(0);
  });

  it('lists findings by severity, errors first, with the brand-fit score', () => {
    installDocs(['This is very good.', 'Add it to the whitelist.']);
    const result = check();
    expect(result.findings.map((f) => f.severity)).toEqual(['error', 'suggestion']);
    expect(result.score).toBeLessThan(100);
  });

  it('checks the sections under a channel-tagged heading against that channel, until the next heading at that level', () => {
    const env = installDocs([{ paragraph: 'Subject [email-subject]', heading: 'HEADING2' }, 'A subject line that goes on and on well past what any inbox will ever show anyone', { paragraph: 'Notes', heading: 'HEADING2' }, 'Free text here, as long as we like, because this part has no channel limit at all.']);
    useExampleKit(env);
    const result = check();
    expect(result.sections).toEqual([{ heading: 'Subject [email-subject]', channel: 'email-subject' }]);
    const lengths = result.findings.filter((f) => f.rule.startsWith('channel.'));
    expect(lengths.length).toBeGreaterThan(0);
    expect(lengths.every((f) => f.location === null || f.location.ref === 1)).toBe(true);
  });

  it('checks only the selection, mapping partial offsets back into the paragraph', () => {
    const env = installDocs(['Keep whitelist here. Check this whitelist part.']);
    const doc = env.document;
    const text = (doc.body.children[0] as FakeParagraph).text;
    doc.setSelection(doc.newRange().addElement(text, 21, 46).build());
    env.calls.reset();
    const result = checkDocument({ scope: 'selection', channel: '', approvedClaims: [] });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.location).toEqual({ section: 'body', ref: [0], start: 32, end: 41 });
  });

  it('says so when the selection is only an image, and changes nothing', () => {
    const env = installDocs(['Text before', '![image]', 'Text after']);
    const doc = env.document;
    const image = (doc.body.children[1] as FakeParagraph).children.find((c) => c.type === 'INLINE_IMAGE')!;
    doc.setSelection(doc.newRange().addElement(image).build());
    const before = JSON.stringify(doc.snapshot());
    const result = checkDocument({ scope: 'selection', channel: '', approvedClaims: [] });
    expect(result.findings).toEqual([]);
    expect(result.notices.join(' ')).toMatch(/no text to check/);
    expect(JSON.stringify(doc.snapshot())).toBe(before);
  });

  it('says so when the document is empty', () => {
    const env = installDocs([]);
    const before = JSON.stringify(env.document.snapshot());
    expect(check().notices).toEqual(['The document is empty: there is nothing to check yet.']);
    expect(JSON.stringify(env.document.snapshot())).toBe(before);
  });

  it('names a channel tag the kit does not know', () => {
    installDocs(['Plan [carrier-pigeon]', 'Body']);
    expect(check().notices.join(' ')).toMatch(/carrier-pigeon/);
  });
});

describe('clicking a finding', () => {
  it('selects exactly its text in the document, inside a table cell too', () => {
    const env = installDocs(['| Email 📧 | Add to the whitelist now |']);
    const finding = check().findings.find((f) => f.match === 'whitelist')!;
    expect(selectFinding(finding.location!)).toEqual({ selected: true, message: '' });
    expect(env.document.snapshot().selection).toEqual(['whitelist']);
  });

  it('tells the writer when the text is gone', () => {
    installDocs(['Short']);
    expect(selectFinding({ section: 'body', ref: 3, start: 0, end: 2 }).selected).toBe(false);
  });
});
