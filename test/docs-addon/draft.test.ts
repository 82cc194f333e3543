import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument, selectFinding } from '../../docs-addon/src/server/check';
import { draftFromBrief } from '../../docs-addon/src/server/draft';
import { saveSettings } from '../../docs-addon/src/server/kit-store';
import { readMarks } from '../../docs-addon/src/server/marks';
import { rewriteSelection } from '../../docs-addon/src/server/rewrite';
import { chooseRewrite } from '../../docs-addon/src/server/marks';
import { FakeParagraph, FakeTable } from '../../preview/src/apps-script/fake-document';
import { installDocs, texts, useExampleKit } from './install';

const brief = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/briefs/ledgerline-launch.json'), 'utf8'));
const writer = ['Spring launch', 'My own intro paragraph.', 'My closing line.'];

describe('drafting from a brief', () => {
  it('inserts the pack after the paragraph at the cursor as headed sections, replacing nothing', () => {
    const env = installDocs(writer);
    useExampleKit(env);
    const doc = env.document;
    doc.setCursor(doc.newPosition((doc.body.children[1] as FakeParagraph).text, 5));
    const result = draftFromBrief(brief);
    expect(result.inserted).toBe(true);
    const after = texts(env);
    expect(after.slice(0, 2)).toEqual(writer.slice(0, 2));
    expect(after[after.length - 1]).toBe('My closing line.');
    const headings = doc.body.snapshotParagraphs().filter((p) => p.heading === 'HEADING2').map((p) => p.snapshotText());
    expect(headings).toEqual(['Article', 'Email', 'Subject lines', 'Social post [x-post]', 'Ad headline [search-ad-headline]']);
    expect(after[2]).toBe('Article');
  });

  it('gives each piece its findings, review flag and provenance, marked with a named range and a highlight', () => {
    const env = installDocs(writer);
    useExampleKit(env);
    const result = draftFromBrief({ ...brief, approvedClaims: [], keyMessage: 'Close the books 5 days faster, guaranteed' });
    expect(result.marks.map((m) => m.label)).toEqual(['Article', 'Email', 'Subject lines', 'Social post', 'Ad headline']);
    expect(result.marks.some((m) => m.needsReview)).toBe(true);
    for (const mark of result.marks) expect(mark).toMatchObject({ provider: 'offline', template: 'content-pack', kind: 'draft' });
    expect(env.document.namedRanges.map((r) => r.name)).toEqual(result.marks.map((m) => `onbrand.ai.${m.id}`));
    const inserted = env.document.body.snapshotParagraphs().slice(3);
    expect(inserted.every((p) => p.text.attrs.every((a) => a.BACKGROUND_COLOR === '#fff4c2'))).toBe(true);
    expect(readMarks()).toHaveLength(5);
  });

  it('adds the AI disclosure where the kit requires it for the channel', () => {
    const env = installDocs(writer);
    useExampleKit(env);
    const social = draftFromBrief(brief).marks.find((m) => m.label === 'Social post')!;
    expect(social.disclosure).toBe('Drafted with AI, reviewed by the Ledgerline team.');
    expect(texts(env).some((t) => t.endsWith('Drafted with AI, reviewed by the Ledgerline team.'))).toBe(true);
  });

  it('never inserts into a table: with the cursor in a cell (as "Show in document" leaves it), the pack goes after that section and says so', () => {
    const env = installDocs([{ paragraph: 'Plan', heading: 'HEADING1' }, 'Before', '| Copy | Add to the whitelist |', 'After', { paragraph: 'Next steps', heading: 'HEADING1' }, 'Later']);
    useExampleKit(env);
    const doc = env.document;
    const table = doc.body.children[2] as FakeTable;
    const finding = checkDocument({ scope: 'document', channel: '', approvedClaims: [] }).findings.find((f) => f.match === 'whitelist')!;
    expect(selectFinding(finding.location!).selected).toBe(true);
    const result = draftFromBrief(brief);
    expect(result.notices[0]).toMatch(/after the section “Plan”, as the cursor was in a table/);
    // The table is whole and unchanged, and the pack sits between "After" and the next heading.
    expect(table.rows.map((row) => row.cells.map((cell) => cell.snapshotParagraphs().map((p) => p.snapshotText())))).toEqual([[['Copy'], ['Add to the whitelist']]]);
    const after = texts(env);
    expect(after.indexOf('Article')).toBe(after.indexOf('After') + 1);
    expect(after.slice(-2)).toEqual(['Next steps', 'Later']);
  });

  it('inserts at the end of the document when the cursor is in a table and there is no heading', () => {
    const env = installDocs(['Before', '| Copy | Notes |', 'After']);
    const doc = env.document;
    const cell = (doc.body.children[1] as FakeTable).rows[0]!.cells[1]!;
    doc.setCursor(doc.newPosition((cell.children[0] as FakeParagraph).text, 2));
    const result = draftFromBrief(brief);
    expect(result.notices[0]).toMatch(/at the end of the document, as the cursor was in a table/);
    expect(cell.snapshotParagraphs().map((p) => p.snapshotText())).toEqual(['Notes']);
    expect(texts(env).slice(0, 4)).toEqual(['Before', 'Copy', 'Notes', 'After']);
  });

  it('names every bad brief field and leaves the document as it was', () => {
    const env = installDocs(writer);
    const before = JSON.stringify(env.document.snapshot());
    const result = draftFromBrief({ campaign: 'x', benefits: [] });
    expect(result.inserted).toBe(false);
    expect(result.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['product', 'audience', 'keyMessage', 'benefits', 'cta']));
    expect(JSON.stringify(env.document.snapshot())).toBe(before);
    expect(readMarks()).toEqual([]);
  });

  it('falls back to the offline draft with a notice when the model answers garbage, keeping the writer’s text', () => {
    const env = installDocs(writer);
    saveSettings({ provider: 'openai', model: '', baseUrl: '', apiKey: 'sk-test-123456789', clearKey: false });
    env.urlFetch.handler = () => ({ status: 200, body: '<html>not json at all' });
    const result = draftFromBrief(brief);
    expect(env.urlFetch.requests.length).toBeGreaterThan(0);
    expect(result.inserted).toBe(true);
    expect(result.marks[0]!.provider).toBe('offline');
    expect(result.notices.join(' ')).toMatch(/offline draft instead/);
    expect(texts(env).slice(0, 3)).toEqual(writer);
    expect(result.notices.join(' ')).not.toContain('sk-test-123456789');
  });

  it('drafts offline with a notice when a provider is chosen but no key is saved', () => {
    const env = installDocs(writer);
    saveSettings({ provider: 'anthropic', model: '', baseUrl: '', clearKey: false });
    const result = draftFromBrief(brief);
    expect(result.notices.join(' ')).toMatch(/No API key is saved for Anthropic/);
    expect(env.urlFetch.requests).toEqual([]);
  });
});

const select = (env: ReturnType<typeof installDocs>, index: number) => {
  const paragraph = env.document.body.children[index] as FakeParagraph;
  env.document.setSelection(env.document.newRange().addElement(paragraph).build());
};

describe('rewriting the selection', () => {

  it('puts the rewrite under the original and keeps both until the writer picks one', () => {
    const env = installDocs(['Intro.', 'Put vendors on the whitelist.', 'End.']);
    select(env, 1);
    const result = rewriteSelection('');
    expect(result.inserted).toBe(true);
    expect(texts(env)).toEqual(['Intro.', 'Put vendors on the whitelist.', 'Put vendors on the allowlist.', 'End.']);
    expect(result.marks[0]).toMatchObject({ kind: 'rewrite', original: 'Put vendors on the whitelist.', template: 'rewrite-to-brand' });
    expect(chooseRewrite(result.marks[0]!.id, 'rewrite').done).toBe(true);
    expect(texts(env)).toEqual(['Intro.', 'Put vendors on the allowlist.', 'End.']);
    expect(readMarks()[0]).toMatchObject({ original: null, originalRangeId: null });
  });

  it('removes the rewrite when the writer keeps the original', () => {
    const env = installDocs(['Intro.', 'Put vendors on the whitelist.', 'End.']);
    select(env, 1);
    const id = rewriteSelection('').marks[0]!.id;
    chooseRewrite(id, 'original');
    expect(texts(env)).toEqual(['Intro.', 'Put vendors on the whitelist.', 'End.']);
    expect(readMarks()).toEqual([]);
    expect(env.document.namedRanges).toEqual([]);
  });

  it('asks for a selection when there is none, changing nothing', () => {
    const env = installDocs(['Put vendors on the whitelist.']);
    const before = JSON.stringify(env.document.snapshot());
    expect(rewriteSelection('').notices).toEqual(['Select the text to rewrite first.']);
    expect(JSON.stringify(env.document.snapshot())).toBe(before);
  });
});

describe('drafting for the channels a brief ticks', () => {
  it('writes a section for every ticked channel the pack has no fixed piece for, fitted to its limit', () => {
    const env = installDocs(writer);
    useExampleKit(env);
    const result = draftFromBrief({ ...brief, channels: [...brief.channels, 'linkedin-ad-intro', 'in-app-banner'] });
    expect(result.marks.map((m) => m.label)).toEqual(['Article', 'Email', 'Subject lines', 'Social post', 'Ad headline', 'LinkedIn ad introductory text', 'In-app banner']);
    const after = texts(env);
    const linkedin = after[after.indexOf('LinkedIn ad introductory text [linkedin-ad-intro]') + 1]!;
    expect([...linkedin].length).toBeLessThanOrEqual(150);
    // The kit requires the disclosure label on LinkedIn intros.
    expect(texts(env).slice(after.indexOf('LinkedIn ad introductory text [linkedin-ad-intro]')).join('\n')).toContain('Drafted with AI, reviewed by the Ledgerline team.');
    const banner = after[after.indexOf('In-app banner [in-app-banner]') + 1]!;
    expect([...banner].length).toBeLessThanOrEqual(90);
    // The kit requires the brand name in banners, and a link in LinkedIn intros, which the brief lacks: the writer is told.
    expect(banner).toContain('Ledgerline');
    expect(result.notices.join(' ')).toMatch(/LinkedIn ad introductory text needs a link/);
  });
});

describe('rewriting offline', () => {
  it('cuts the kit’s hedges, applies its case and fits the channel, so a search ad headline is usable', () => {
    const env = installDocs(['Intro.', 'Our really simple app closes the books for you', 'End.']);
    useExampleKit(env);
    select(env, 1);
    const result = rewriteSelection('search-ad-headline');
    expect(result.inserted).toBe(true);
    const rewrite = texts(env)[2]!;
    expect(rewrite.toLowerCase()).not.toContain('really');
    expect([...rewrite].length).toBeLessThanOrEqual(30);
    expect(rewrite).toMatch(/^Our Simple App/);
  });

  it('says so when it could not change anything', () => {
    const env = installDocs(['Intro.', 'Book a demo today.', 'End.']);
    useExampleKit(env);
    select(env, 1);
    const result = rewriteSelection('');
    expect(result.inserted).toBe(false);
    expect(result.notices.join(' ')).toMatch(/could not change anything/);
    expect(texts(env)).toEqual(['Intro.', 'Book a demo today.', 'End.']);
  });
});
