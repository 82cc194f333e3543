import { describe, expect, it } from 'vitest';
import { createSheetsEnvironment, loadAppsScript } from '../../preview/src/apps-script';
import { editCells, selectCells } from '../../preview/src/server/sheet-editing';
import { calculatorFor, parseFormula } from '../../preview/src/server/sheet-formulas';
import { typedValue } from '../../preview/src/server/typed-input';

// The preview's grid on the server: typed input, selection, and formulas computed by a Code.js
// run as Sheets runs custom functions. The Code.js here is small and written for each case.

const code = `
  function DOUBLE(x) { return Array.isArray(x) ? x.map(function (r) { return r.map(function (v) { return v * 2; }); }) : x * 2; }
  function COLUMN_OF(n) { var out = []; for (var i = 0; i < n; i++) out.push(i + 1); return out; }
  function KIND(x) { return Array.isArray(x) ? 'rows:' + x.length + 'x' + x[0].length : typeof x; }
  function FAILS(x) { throw new Error('No good: ' + x); }
  function WRITES() { SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1').setValue(1); return 1; }
  function SLOW() { Utilities.sleep(31000); return 1; }
  function COUNTED() { runs = (typeof runs === 'number' ? runs : 0) + 1; return PropertiesService.getDocumentProperties().getProperty('n'); }
`;

function setUp() {
  const env = createSheetsEnvironment({ name: 'Plan', sheets: { Data: [['Name', 'A', 'B'], ['x', 2, 3]], Other: [[10]] }, files: {} });
  const script = loadAppsScript(code, env.services);
  let runs = 0;
  const calculator = calculatorFor(env.spreadsheet, (name, args) => {
    runs++;
    return script.run(name, args, { customFunction: true });
  })!;
  const sheet = env.spreadsheet.sheets[0]!;
  const type = (a1: string, ...rows: string[][]) => {
    const range = sheet.getRange(a1);
    editCells(env.spreadsheet, { sheet: 'Data', row: range.getRow(), column: range.getColumn(), values: rows });
  };
  return { env, sheet, type, calculator, runs: () => runs };
}

describe('typed input', () => {
  it('reads numbers, percentages, TRUE/FALSE and ISO dates as values, and keeps the rest as text', () => {
    expect(['4', '-1.5', '1,200', '12%', 'true', '2026-12-20', '2026-02-31', '007x', '', "'4"].map(typedValue)).toEqual([
      4, -1.5, 1200, 0.12, true, new Date(Date.UTC(2026, 11, 20)), '2026-02-31', '007x', '', "'4",
    ]);
  });
});

describe('editing and selecting in the grid', () => {
  it('writes typed rows as values the add-on reads as Sheets would, and moves the active range', () => {
    const { env, sheet, type } = setUp();
    type('A3', ['Paste', '4', '0.5'], ['Short']);
    expect(sheet.snapshot().slice(2)).toEqual([['Paste', 4, 0.5], ['Short', '', '']]);
    selectCells(env.spreadsheet, { sheet: 'Other', row: 1, column: 1, numRows: 2, numColumns: 3 });
    expect(env.spreadsheet.getActiveRange()?.getA1Notation()).toBe('A1:C2');
    expect(env.spreadsheet.getActiveSheet().getName()).toBe('Other');
  });

  it('names what is wrong with a bad request and leaves the sheet alone', () => {
    const { env, sheet } = setUp();
    const before = sheet.snapshot();
    expect(() => editCells(env.spreadsheet, { sheet: 'Nope', row: 1, column: 1, values: [['x']] })).toThrow('There is no sheet called "Nope" in Plan.');
    expect(() => editCells(env.spreadsheet, { sheet: 'Data', row: 0, column: 1, values: [['x']] })).toThrow('"row" must be a whole number from 1; it was 0');
    expect(() => editCells(env.spreadsheet, { sheet: 'Data', row: 1, column: 1, values: [[4]] })).toThrow('"values" must be rows of text');
    expect(() => selectCells(env.spreadsheet, { sheet: 'Data', row: 1, column: 1, numRows: 2000 })).toThrow('outside the dimensions of the sheet');
    expect(sheet.snapshot()).toEqual(before);
  });
});

describe('formulas', () => {
  it('passes a cell as its value and a range as rows, and spills an array result', () => {
    const { sheet, type } = setUp();
    type('D2', ['=DOUBLE(B2)', '=KIND(B2:C2)', '=KIND(A2)']);
    expect(sheet.snapshot()[1]!.slice(3)).toEqual([4, 'rows:1x2', 'string']);
    type('D4', ['=DOUBLE(B2:C2)']);
    expect(sheet.snapshot()[3]!.slice(3, 5)).toEqual([4, 6]);
    expect(sheet.formulaAt(4, 5)).toBe('');
    type('A6', ['=COLUMN_OF(3)']);
    expect(sheet.snapshot().slice(5, 8).map((row) => row[0])).toEqual([1, 2, 3]);
  });

  it('follows references and recalculates what depends on a changed cell, across sheets', () => {
    const { sheet, type, runs } = setUp();
    type('E1', ["=Other!A1"]);
    type('F1', ['=DOUBLE(E1)']);
    expect(sheet.snapshot()[0]!.slice(4, 6)).toEqual([10, 20]);
    const before = runs();
    type('B2', ['7']);
    // Nothing F1 reads changed, so its custom function did not run again.
    expect(runs()).toBe(before);
    type('E1', ['=B2']);
    expect(sheet.snapshot()[0]!.slice(4, 6)).toEqual([7, 14]);
  });

  it('shows a thrown error as #ERROR! with its message, and passes it on to formulas that read it', () => {
    const { sheet, type, calculator } = setUp();
    type('D2', ['=FAILS(B2)', '=DOUBLE(D2)']);
    expect(sheet.snapshot()[1]!.slice(3, 5)).toEqual(['#ERROR!', '#ERROR!']);
    expect(calculator.errorAt(sheet, 2, 4)).toEqual({ code: '#ERROR!', message: 'No good: 2' });
    expect(calculator.errorAt(sheet, 2, 5)).toEqual({ code: '#ERROR!', message: 'No good: 2' });
    type('D3', ['=NOPE_ONBRAND(1)', '=ONBRAND_NOPE(1)', '=DOUBLE(B2', '=D3']);
    expect(calculator.errorAt(sheet, 3, 5)).toEqual({ code: '#NAME?', message: "Unknown function: 'ONBRAND_NOPE'." });
    expect(calculator.errorAt(sheet, 3, 4)?.message).toMatch(/NOPE_ONBRAND is computed only in Google Sheets/);
    expect(calculator.errorAt(sheet, 3, 6)?.code).toBe('#ERROR!');
    expect(sheet.snapshot()[2]![6]).toBe('#ERROR!');
  });

  it('gives custom functions the host’s limits: no writes, 30 seconds', () => {
    const { sheet, type, calculator } = setUp();
    type('D2', ['=WRITES()', '=SLOW()']);
    expect(calculator.errorAt(sheet, 2, 4)).toEqual({ code: '#ERROR!', message: 'You do not have permission to call setValue' });
    expect(calculator.errorAt(sheet, 2, 5)).toEqual({ code: '#ERROR!', message: 'Exceeded maximum execution time' });
    expect(sheet.snapshot()[0]![0]).toBe('Name');
  });

  it('will not spill over data, and spills once the data is cleared', () => {
    const { sheet, type, calculator } = setUp();
    type('A8', ['in the way']);
    type('A6', ['=COLUMN_OF(3)']);
    expect(sheet.snapshot()[5]![0]).toBe('#REF!');
    expect(calculator.errorAt(sheet, 6, 1)?.message).toBe('Array result was not expanded because it would overwrite data in A8.');
    type('A8', ['']);
    expect(sheet.snapshot().slice(5, 8).map((row) => row[0])).toEqual([1, 2, 3]);
    // Typing into a spilled cell takes it over; the formula reports it cannot expand.
    type('A7', ['mine']);
    expect(sheet.snapshot()[5]![0]).toBe('#REF!');
    expect(sheet.snapshot()[6]![0]).toBe('mine');
    // Overwriting the formula takes its spilled values away.
    type('A7', ['']);
    type('A6', ['plain']);
    expect(sheet.snapshot().slice(5, 8).map((row) => row[0] ?? '')).toEqual(['plain', '', '']);
  });

  it('reports a circular reference', () => {
    const { sheet, type, calculator } = setUp();
    type('D2', ['=E2', '=D2']);
    expect(calculator.errorAt(sheet, 2, 4)?.message ?? calculator.errorAt(sheet, 2, 5)?.message).toMatch(/^Circular dependency detected/);
  });

  it('parses sheet-qualified references, strings with quotes and empty arguments', () => {
    expect(parseFormula(`=F('Use cases'!A2:B, "say ""hi""", , -2, TRUE)`)).toEqual({
      kind: 'call',
      name: 'F',
      args: [
        { kind: 'range', sheet: 'Use cases', a1: 'A2:B' },
        { kind: 'value', value: 'say "hi"' },
        { kind: 'value', value: '' },
        { kind: 'value', value: -2 },
        { kind: 'value', value: true },
      ],
    });
    expect(() => parseFormula('=B2+1')).toThrow(/not operators/);
  });
});
