import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { neutralizeFormula, parseCsv, toRecords, writeCsv } from '../../../shared/src/csv';

const rowsOf = (text: string) => {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

describe('CSV parsing', () => {
  it('splits fields on commas and records on CRLF, LF or CR', () => {
    expect(rowsOf('a,b\r\nc,d\ne,f\rg,h')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  });
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(rowsOf('"Hello, you","She said ""hi""","two\r\nlines"\r\n')).toEqual([['Hello, you', 'She said "hi"', 'two\r\nlines']]);
  });
  it('drops a byte-order mark and does not add a record for the final line break', () => {
    expect(rowsOf('\uFEFFname,score\n')).toEqual([['name', 'score']]);
  });
  it('keeps empty fields and a lone empty quoted field', () => {
    expect(rowsOf('a,,c\n,\n""')).toEqual([['a', '', 'c'], ['', ''], ['']]);
  });
  it('reads semicolon-separated exports when asked', () => {
    expect(parseCsv('a;b\n1;2', { delimiter: ';' })).toEqual({ ok: true, value: [['a', 'b'], ['1', '2']] });
  });
  it('names the line of a quote that is never closed', () => {
    expect(parseCsv('a,b\nc,"open\nstill open')).toEqual({ ok: false, issues: [{ path: 'line 2', message: expect.stringContaining('never closed') }] });
  });
  it('names the line with text after a closing quote', () => {
    const result = parseCsv('x\n"a"b,c');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ path: 'line 2', message: expect.stringContaining('after a closing quote') });
  });
  it('counts lines inside quoted fields when naming a later error', () => {
    const result = parseCsv('"one\ntwo",x\nbad"quote');
    expect(!result.ok && result.issues[0].path).toBe('line 3');
  });
});

describe('CSV writing', () => {
  it('quotes only what must be quoted and ends records with CRLF', () => {
    expect(writeCsv([['plain', 'a,b', 'say "hi"', ' padded', 'multi\nline', 3, null]])).toBe('plain,"a,b","say ""hi"""," padded","multi\nline",3,\r\n');
  });
  it('round-trips any table of strings, a would-be formula coming back as text', () => {
    const table = fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é', 'x', '=', '-', '+', '@', '\t', '1') }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(fc.property(table, (rows) => {
      expect(rowsOf(writeCsv(rows))).toEqual(rows.map((row) => row.map(neutralizeFormula)));
    }));
  });
  it.each(['=HYPERLINK("http://x","y")', '+cmd|x', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'])('writes %j so a spreadsheet reads it as text', (cell) => {
    const [[read]] = rowsOf(writeCsv([[cell]]));
    expect(read).toBe(`'${cell}`);
  });
  it('leaves plain numbers, signed or not, as numbers', () => {
    expect(writeCsv([[-5, '+1.5', '-0.25', '3e-7', 12]])).toBe('-5,+1.5,-0.25,3e-7,12\r\n');
  });
});

describe('CSV records', () => {
  it('keys each row by its header, keeping blank and repeated headers apart', () => {
    expect(toRecords([['name', '', 'name'], ['A', 'x', 'B'], ['C']])).toEqual({
      keys: ['name', 'column2', 'name_3'],
      records: [{ name: 'A', column2: 'x', name_3: 'B' }, { name: 'C', column2: '', name_3: '' }],
    });
  });
});
