import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBriefFile } from '../../../shared/src/generate';
import { brief } from './support';

const markdown = `# Ledgerline Cards launch

Product: Ledgerline Cards
Audience: finance teams at growing companies
Call to action: Book a demo
Channels: x-post, linkedin

## Key message
Close the books in days,
not weeks

## Benefits
- Every card purchase is matched to its receipt as it happens
- Spend limits are set per team

Offer: No card fees for the first 90 days
`;

describe('parseBriefFile', () => {
  it('reads a JSON brief with the brief schema', () => {
    const text = readFileSync('examples/briefs/ledgerline-launch.json', 'utf8');
    const out = parseBriefFile('ledgerline-launch.json', text);
    expect(out.ok && out.value).toEqual(JSON.parse(text));
  });

  it('names the bad fields of a JSON brief', () => {
    const out = parseBriefFile('b.JSON', JSON.stringify({ ...brief, cta: ' ' }));
    expect(!out.ok && out.issues).toEqual([{ path: 'cta', message: 'must not be empty' }]);
  });

  it('reads a Markdown brief: title, Key: value lines and headed sections', () => {
    const out = parseBriefFile('launch.md', markdown);
    expect(out.ok && out.value).toEqual({
      ...brief,
      keyMessage: 'Close the books in days, not weeks',
      channels: ['x-post', 'linkedin'],
    });
  });

  it('reads list fields written as repeated keys or plain lines under a heading', () => {
    const out = parseBriefFile('b.markdown', `Campaign: C\nProduct: P\nAudience: A\nKey message: K\nCTA: Go\nBenefit: one\nBenefit: two\n## Approved claims\nSaves time\n`);
    expect(out.ok && out.value).toMatchObject({ campaign: 'C', cta: 'Go', benefits: ['one', 'two'], approvedClaims: ['Saves time'] });
  });

  it('names the line of an unknown field, a stray line and a field given twice', () => {
    const out = parseBriefFile('b.md', `# C\nProduct: P\nBudget: 10k\njust some words\nProduct: Q\n## Mood\n`);
    expect(!out.ok && out.issues).toEqual([
      { path: 'line 3', message: expect.stringContaining('unknown field “Budget”') },
      { path: 'line 4', message: expect.stringContaining('expected “Key: value”') },
      { path: 'line 5', message: 'product is given twice (first on line 2)' },
      { path: 'line 6', message: expect.stringContaining('unknown section “Mood”') },
    ]);
  });

  it('names missing fields, and the line of a field that is present but bad', () => {
    const out = parseBriefFile('b.md', `# C\nProduct: P\nAudience:\nKey message: K\n## Benefits\n- one\n-  \n`);
    expect(out.ok).toBe(false);
    const issues = !out.ok ? out.issues : [];
    expect(issues).toContainEqual({ path: 'cta', message: expect.any(String) });
    expect(issues).toContainEqual({ path: 'audience', message: 'must not be empty (line 3)' });
    expect(issues).toContainEqual({ path: 'benefits[1]', message: 'must not be empty (line 7)' });
  });

  it('reads a file saved with a byte-order mark and Windows line ends', () => {
    const out = parseBriefFile('launch.md', `\uFEFF${markdown.replace(/\n/g, '\r\n')}`);
    expect(out.ok && out.value.campaign).toBe('Ledgerline Cards launch');
    const json = parseBriefFile('b.json', `\uFEFF${JSON.stringify(brief)}`);
    expect(json.ok).toBe(true);
  });

  it('refuses a file that is neither JSON nor Markdown, by name', () => {
    const out = parseBriefFile('brief.docx', 'PK');
    expect(!out.ok && out.issues).toEqual([{ path: '(file)', message: '“brief.docx” is not a brief file; choose a .json or .md file' }]);
  });

  it('reports JSON that does not parse without throwing', () => {
    const out = parseBriefFile('b.json', '{');
    expect(!out.ok && out.issues[0]?.message).toMatch(/not valid JSON/);
  });
});
