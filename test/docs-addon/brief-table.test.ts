import { describe, expect, it } from 'vitest';
import { readBriefTable } from '../../docs-addon/src/server/brief-table';
import type { FakeTable } from '../../preview/src/apps-script/fake-document';
import { parseBriefTable } from '../../shared/src/generate';
import { installDocs } from './install';

const briefTable = { table: [
  ['Field', 'Value'],
  ['Campaign', 'Ledgerline launch'],
  ['Product', 'Ledgerline Cards'],
  ['Audience', 'finance teams at growing companies'],
  ['Key message', 'Close the books in days, not weeks'],
  ['Benefits', 'Receipts matched as you spend\nLimits per team'],
  ['Call to action', 'Book a demo'],
  ['Approved claims', 'No card fees for the first 90 days'],
  ['Channels', 'linkedin-intro, search-headline'],
] };

function withCursorInTable(rows: { table: string[][] }) {
  const env = installDocs([{ paragraph: 'Brief', heading: 'HEADING1' }, rows, 'After the table.']);
  const table = env.document.body.children[1] as FakeTable;
  const cell = table.rows[2]!.cells[1]!;
  env.document.setCursor(env.document.newPosition(cell.children[0]!, 0));
  return env;
}

describe('a brief from a table in the document', () => {
  it('reads the table at the cursor, row by row, and parses it as a brief', () => {
    const env = withCursorInTable(briefTable);
    const { rows } = readBriefTable();
    expect(rows[2]).toEqual(['Product', 'Ledgerline Cards']);
    const parsed = parseBriefTable(rows);
    expect(parsed).toMatchObject({
      ok: true,
      value: { product: 'Ledgerline Cards', keyMessage: 'Close the books in days, not weeks', benefits: ['Receipts matched as you spend', 'Limits per team'], approvedClaims: ['No card fees for the first 90 days'], channels: ['linkedin-intro', 'search-headline'] },
    });
    // Reading changes nothing in the document.
    expect((env.document.body.children[1] as FakeTable).rows).toHaveLength(9);
  });

  it('names the row and field of each bad row', () => {
    withCursorInTable({ table: [['Product', 'Ledgerline Cards'], ['Budget', '£10k'], ['Audience', ''], ['Key message', 'Close faster', 'extra']] });
    const parsed = parseBriefTable(readBriefTable().rows);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'row 2: unknown field “Budget”; use one of Campaign, Product, Audience, Key message, Benefits, Call to action, Offer, Approved claims, Channels',
      'row 4: expected two cells, the field and its value, found 3',
    ]);
  });

  it('points a missing value at its row and field', () => {
    withCursorInTable({ table: [['Product', 'Ledgerline Cards'], ['Audience', ' '], ['Key message', 'Close faster'], ['Benefits', 'Fast'], ['Call to action', 'Book a demo']] });
    const parsed = parseBriefTable(readBriefTable().rows);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.find((i) => i.path === 'audience')?.message).toMatch(/\(row 2, Audience\)$/);
    expect(parsed.issues.find((i) => i.path === 'campaign')?.message).toBe('no row gives the Campaign; add a row “Campaign | …”');
  });

  it('says where to put the cursor when it is not in a table', () => {
    const env = installDocs(['Just text.']);
    env.document.setCursor(env.document.newPosition(env.document.body.children[0]!, 0));
    expect(readBriefTable()).toEqual({ rows: [], problem: 'Put the cursor in the brief table (one row per field: Product | …), then load it.' });
  });
});
