import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKit } from '../../../shared/src/kit';
import { lintText } from '../../../shared/src/lint';
import { BlockMap, lineBlocks, markdownBlocks } from '../../../shared/src/text';

const ledgerline = (() => {
  const parsed = parseKit(JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples/kits/ledgerline.json'), 'utf8')));
  if (!parsed.ok) throw new Error('kit');
  return parsed.value;
})();

const texts = (text: string) => markdownBlocks(text).map((b) => text.slice(b.start, b.end));

describe('text blocks', () => {
  it('reads Markdown headings, list items and table cells as blocks of their own, and joins the lines of a paragraph', () => {
    const text = '## One\n## Two\n- a item\n  1. nested item\n\nA paragraph\nthat wraps.\n\n| Cell one | Cell two |\n|---|---|\n| x | y |\nEnd';
    expect(texts(text)).toEqual(['## One', '## Two', '- a item', '1. nested item', 'A paragraph\nthat wraps.', 'Cell one', 'Cell two', 'x', 'y', 'End']);
  });

  it('maps lines joined by newlines to one block each, skipping blank ones', () => {
    expect(lineBlocks(['Heading', '', 'Body text'])).toEqual([{ start: 0, end: 7 }, { start: 9, end: 18 }]);
  });

  it('knows when a range crosses a block and cuts it back to the first block it touches', () => {
    const map = new BlockMap('ab\ncd', [{ start: 0, end: 2 }, { start: 3, end: 5 }]);
    expect(map.crosses(0, 2)).toBe(false);
    expect(map.crosses(1, 4)).toBe(true);
    expect(map.clamp(1, 5)).toEqual({ start: 1, end: 2 });
  });
});

describe('checking structured text', () => {
  it('does not run an outline of headings into one long, hard sentence', () => {
    const outline = [
      '## The challenge for finance teams at growing companies',
      '## Every card purchase is matched to its receipt',
      '## Spend limits are set per team and enforced at the till',
      '## Month-end reconciliation runs in the background',
      '## Getting started with Ledgerline Cards',
    ].join('\n');
    const rules = lintText(outline, ledgerline).findings.map((f) => f.rule);
    expect(rules).not.toContain('length.sentence-length');
    expect(rules).not.toContain('readability.grade-level');
  });

  it('reports a host block that is too long on that block only, never across blocks', () => {
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const text = `Short heading\n${long}.`;
    const findings = lintText(text, ledgerline, { blocks: lineBlocks(text.split('\n')) }).findings.filter((f) => f.rule === 'length.sentence-length');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/has 30 words/);
    expect(findings[0]!.start).toBeGreaterThanOrEqual('Short heading\n'.length);
  });
});
