import { describe, expect, it } from 'vitest';
import type { Fix } from '../../docs-addon/src/contract';
import { checkDocument } from '../../docs-addon/src/server/check';
import { applyFixes, planFixes } from '../../docs-addon/src/server/fixes';
import type { FakeParagraph } from '../../preview/src/apps-script/fake-document';
import { installDocs, texts } from './install';

const findings = () => checkDocument({ scope: 'document', channel: '', approvedClaims: [] }).findings;
const asFixes = (list: ReturnType<typeof findings>): Fix[] => list.filter((f) => f.safe).map((f) => ({ location: f.location!, expected: f.match, replacement: f.suggestions[0]! }));

describe('fixing in place', () => {
  it('keeps bold, the link and the colour around and on the fixed word', () => {
    const env = installDocs([
      // The word starts its run, so text typed there would take the plain style before it.
      { paragraph: ['Add 🚀 the ', { text: 'whitelist', bold: true, link: 'https://example.com/list', color: '#1a73e8' }, ' today.'] },
    ]);
    expect(applyFixes(asFixes(findings()))).toMatchObject({ applied: 1, skipped: [] });
    const runs = (env.document.body.children[0] as FakeParagraph).text.snapshotRuns();
    expect(runs.map((r) => r.text)).toEqual(['Add 🚀 the ', 'allowlist', ' today.']);
    expect(runs[1]!.attributes).toMatchObject({ BOLD: true, LINK_URL: 'https://example.com/list', FOREGROUND_COLOR: '#1a73e8' });
    expect(runs[0]!.attributes.BOLD).toBeNull();
  });

  it('puts the right article before a fixed word, keeping the paragraph’s other fixes', () => {
    const env = installDocs(['A whitelist, a blacklist and a whitelist.']);
    expect(applyFixes(asFixes(findings()))).toMatchObject({ applied: 3, skipped: [] });
    expect(texts(env)).toEqual(['An allowlist, a blocklist and an allowlist.']);
  });

  it('refuses a fix whose text changed since the check, and reports it', () => {
    const env = installDocs(['Add it to the whitelist.']);
    const fixes = asFixes(findings());
    (env.document.body.children[0] as FakeParagraph).text.chars = 'Add it to the blocklist.';
    const outcome = applyFixes(fixes);
    expect(outcome.applied).toBe(0);
    expect(outcome.skipped).toEqual([{ expected: 'whitelist', reason: 'the text there changed since the check' }]);
    expect(texts(env)).toEqual(['Add it to the blocklist.']);
  });

  it('applies every safe fix at once, right to left, when fixes sit next to each other', () => {
    const env = installDocs(['whitelist blacklist whitelist', 'Then blacklist.']);
    const outcome = applyFixes(asFixes(findings()));
    expect(outcome.applied).toBe(4);
    expect(texts(env)).toEqual(['allowlist blocklist allowlist', 'Then blocklist.']);
  });

  it('applies touching fixes with no space between them', () => {
    const env = installDocs(['ab']);
    const location = (start: number, end: number) => ({ section: 'body', ref: 0, start, end });
    applyFixes([
      { location: location(0, 1), expected: 'a', replacement: 'AAA' },
      { location: location(1, 2), expected: 'b', replacement: 'B' },
    ]);
    expect(texts(env)).toEqual(['AAAB']);
  });

  it('reads each paragraph once and writes only the changed characters', () => {
    const env = installDocs(['whitelist, whitelist, whitelist']);
    const fixes = asFixes(findings());
    env.calls.reset();
    applyFixes(fixes);
    expect(env.calls.count('Text.getText')).toBe(1);
    expect(env.calls.count('Body.getParagraphs')).toBe(1);
    // "whitelist" → "allowlist" shares the tail "list": five characters change per fix.
    expect(env.calls.count('Text.deleteText')).toBe(3);
  });

  it('never splits an emoji when only its second half differs', () => {
    const env = installDocs(['Go 😀 now']);
    applyFixes([{ location: { section: 'body', ref: 0, start: 3, end: 5 }, expected: '😀', replacement: '😃' }]);
    expect(texts(env)).toEqual(['Go 😃 now']);
    expect(env.calls.count('Text.deleteText')).toBe(1);
  });
});

describe('planning fixes', () => {
  const fix = (ref: number, start: number, end: number): Fix => ({ location: { section: 'body', ref, start, end }, expected: 'x', replacement: 'y' });

  it('drops a fix that overlaps an earlier one and orders each paragraph right to left', () => {
    const { groups, overlapping } = planFixes([fix(0, 0, 4), fix(0, 2, 6), fix(0, 6, 8), fix(1, 0, 1)]);
    expect(overlapping).toEqual([fix(0, 2, 6)]);
    expect(groups).toEqual([[fix(0, 6, 8), fix(0, 0, 4)], [fix(1, 0, 1)]]);
  });
});

describe('an insertion fix', () => {
  it('continues the style of the text before it', () => {
    const env = installDocs([{ paragraph: [{ text: 'Bold', bold: true }, ' plain'] }]);
    applyFixes([{ location: { section: 'body', ref: 0, start: 4, end: 4 }, expected: '', replacement: '!' }]);
    const runs = (env.document.body.children[0] as FakeParagraph).text.snapshotRuns();
    expect(runs.map((r) => [r.text, r.attributes.BOLD])).toEqual([
      ['Bold!', true],
      [' plain', null],
    ]);
  });
});
