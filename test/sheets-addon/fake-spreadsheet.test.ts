import { describe, expect, it } from 'vitest';
import { createSheetsEnvironment } from '../../preview/src/apps-script';
import { formatNumber, parseA1, type FakeSpreadsheetApp } from '../../preview/src/apps-script/fake-spreadsheet';

function spreadsheet(rows: (string | number | boolean)[][] = []) {
  const env = createSheetsEnvironment({ name: 'Fake', sheets: { Data: rows }, files: {} });
  const app = env.services.SpreadsheetApp as FakeSpreadsheetApp;
  return { env, app, sheet: env.spreadsheet.sheets[0]! };
}

describe('the SpreadsheetApp fake', () => {
  it('reads A1 notation as Sheets does, open ends running to the sheet’s edge', () => {
    expect(parseA1('B2', 1000, 26)).toEqual({ row: 2, column: 2, numRows: 1, numColumns: 1 });
    expect(parseA1('B2:D9', 1000, 26)).toEqual({ row: 2, column: 2, numRows: 8, numColumns: 3 });
    expect(parseA1('J2:J', 1000, 26)).toEqual({ row: 2, column: 10, numRows: 999, numColumns: 1, openRows: true });
    expect(parseA1('A:C', 1000, 26)).toEqual({ row: 1, column: 1, numRows: 1000, numColumns: 3, openRows: true });
    expect(parseA1('1:1', 1000, 26)).toEqual({ row: 1, column: 1, numRows: 1, numColumns: 26 });
    expect(parseA1("'Use cases'!AA3", 1000, 26)).toEqual({ row: 3, column: 27, numRows: 1, numColumns: 1 });
  });

  it('displays numbers through their format', () => {
    expect(formatNumber(0.04567, '0.00%')).toBe('4.57%');
    expect(formatNumber(12345.6, '#,##0')).toBe('12,346');
    expect(formatNumber(81.25, '0.0')).toBe('81.3');
    expect(formatNumber(0.5, 'General')).toBe('0.5');
    const { sheet } = spreadsheet([['Rate'], [0.1234]]);
    sheet.getRange('A2:A').setNumberFormat('0.0%');
    expect(sheet.getRange('A2').getDisplayValues()).toEqual([['12.3%']]);
    expect(sheet.getRange('A2').getValues()).toEqual([[0.1234]]);
  });

  it('rejects a write a strict dropdown forbids, with Sheets’ message, and accepts one that warns', () => {
    const { app, sheet } = spreadsheet([['Stage']]);
    sheet.getRange('A2:A').setDataValidation(app.newDataValidation().requireValueInList(['ideate', 'qualified']).setAllowInvalid(false).build());
    expect(() => sheet.getRange('A2').setValues([['launched']])).toThrow('The data you entered in cell A2 violates the data validation rules set on this cell.');
    sheet.getRange('A2').setValues([['ideate']]);
    sheet.getRange('B2:B').setDataValidation(app.newDataValidation().requireValueInList(['x']).setAllowInvalid(true).build());
    sheet.getRange('B2').setValues([['anything']]);
    expect(sheet.snapshot()[1]).toEqual(['ideate', 'anything']);
  });

  it('colours cells by text and by relative custom formulas', () => {
    const { app, sheet } = spreadsheet([['Stage', 'Status'], ['decided', 'OK'], ['ideate', 'bad row']]);
    const flag = app.newConditionalFormatRule().whenFormulaSatisfied('=AND($B2<>"",$B2<>"OK")').setBackground('#feefc3').setRanges([sheet.getRange('B2:B')]).build();
    const done = app.newConditionalFormatRule().whenTextEqualTo('Decided').setBackground('#ceead6').setRanges([sheet.getRange('A2:A')]).build();
    sheet.setConditionalFormatRules([flag, done]);
    expect(sheet.conditionalStyle(2, 1)?.background).toBe('#ceead6');
    expect(sheet.conditionalStyle(2, 2)).toBeNull();
    expect(sheet.conditionalStyle(3, 2)?.background).toBe('#feefc3');
    expect(sheet.conditionalStyle(4, 2)).toBeNull();
  });

  it('moves names, rules, formats and formulas along when columns are inserted', () => {
    const { env, app, sheet } = spreadsheet([['Name', 'Score'], ['a', 1]]);
    env.spreadsheet.setNamedRange('Scores', sheet.getRange('B:B'));
    sheet.setConditionalFormatRules([app.newConditionalFormatRule().whenNumberLessThan(2).setBackground('#fad2cf').setRanges([sheet.getRange('B2:B')]).build()]);
    sheet.getRange('B2:B').setNumberFormat('0.0');
    sheet.seedFormula(2, 2, '=1', 1);
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.snapshot()).toEqual([['Name', '', '', 'Score'], ['a', '', '', 1]]);
    expect(env.spreadsheet.getRangeByName('Scores')!.getColumn()).toBe(4);
    expect(sheet.conditionalStyle(2, 4)?.background).toBe('#fad2cf');
    expect(sheet.formatAt(2, 4)).toBe('0.0');
    expect(sheet.formulaAt(2, 4)).toBe('=1');
  });

  it('counts every call, builders included', () => {
    const { env, app, sheet } = spreadsheet();
    env.calls.reset();
    sheet.getRange('A1').setDataValidation(app.newDataValidation().requireValueInList(['a']).build());
    expect(env.calls.byName()).toEqual({
      'DataValidationBuilder.build': 1,
      'DataValidationBuilder.requireValueInList': 1,
      'Range.setDataValidation': 1,
      'Sheet.getRange': 1,
      'SpreadsheetApp.newDataValidation': 1,
    });
  });
});

describe('the fake’s sheet size', () => {
  it('refuses ranges past the last row until rows are inserted, and whole-column ranges grow with it', () => {
    const { env, sheet } = spreadsheet([['Id']]);
    const column = sheet.getRange('A:A');
    expect(column.getNumRows()).toBe(1000);
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getRange(1005, 1).getRow()).toBe(1005);
    expect(column.getNumRows()).toBe(1005);
    expect(env.calls.count('Sheet.insertRowsAfter')).toBe(1);
  });

  it('has a grid of rows and columns, refusing any range past it with Sheets’ message', () => {
    const { sheet } = spreadsheet([['a', 'b']]);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    const outside = 'The coordinates of the range are outside the dimensions of the sheet.';
    expect(() => sheet.getRange(1, 27)).toThrow(outside);
    expect(() => sheet.getRange(1, 25, 1, 3)).toThrow(outside);
    expect(() => sheet.getRange('AA1')).toThrow(outside);
    expect(() => sheet.getRange(1, 1).offset(0, 26)).toThrow(outside);
    sheet.insertColumnsAfter(26, 2);
    expect(sheet.getMaxColumns()).toBe(28);
    sheet.getRange(1, 27, 1, 2).setValues([['c', 'd']]);
    expect(sheet.snapshot()[0]!.slice(26)).toEqual(['c', 'd']);
  });

  it('reads a written string as a person typing it: formulas, numbers’ signs and a leading apostrophe', () => {
    const { sheet } = spreadsheet();
    sheet.getRange(1, 1, 1, 5).setValues([['=IMPORTXML("https://evil.example","//a")', '+A1', "'=1+1", '-5', '- item']]);
    // The fake evaluates only HYPERLINK; any other formula reads as an error, never as the text written.
    expect(sheet.getRange(1, 1, 1, 5).getValues()).toEqual([['#ERROR!', '#ERROR!', '=1+1', '-5', '#ERROR!']]);
    expect(sheet.getRange(1, 1, 1, 5).getFormulas()).toEqual([['=IMPORTXML("https://evil.example","//a")', '=+A1', '', '', '=- item']]);
  });

  it('refuses text longer than a cell holds', () => {
    const { sheet } = spreadsheet();
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50_001))).toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(String(sheet.getRange('A1').getValue())).toHaveLength(50_000);
  });
});
