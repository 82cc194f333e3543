import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { analyzeResultsTable, resultColumns } from '../../../shared/src/experiments/results-table';
import { twoProportionTest } from '../../../shared/src/experiments/two-proportion';
import { holmAdjust } from '../../../shared/src/experiments/holm';

const column = (name: (typeof resultColumns)[number]) => resultColumns.indexOf(name);

describe('results table', () => {
  const rows = [
    ['Subject lines', 'control', 'W1', '', 10000, 500, 1200.5],
    ['Subject lines', 'B', 'W1', '', 10000, 580, ''],
    ['Subject lines', 'C', 'W1', '', 10000, 530, ''],
  ];

  it('computes rate, lift, p-values, Holm and the decision for every arm', () => {
    const analysis = analyzeResultsTable(rows, { alpha: 0.05 });
    const [control, b, c] = analysis.cells;
    expect(control[column('Rate')]).toBe(0.05);
    expect(control[column('Lift')]).toBe('');
    const testB = twoProportionTest({ visitors: 10000, conversions: 500 }, { visitors: 10000, conversions: 580 });
    const testC = twoProportionTest({ visitors: 10000, conversions: 500 }, { visitors: 10000, conversions: 530 });
    expect(b[column('Lift')]).toBeCloseTo(0.16, 12);
    expect(b[column('p-value')]).toBe(testB.pValue);
    expect([b[column('Holm p')], c[column('Holm p')]]).toEqual(holmAdjust([testB.pValue, testC.pValue]));
    expect(b[column('Decision')]).toBe('scale');
    expect(b[column('Reasons')]).toContain('B shows a lift of +16.0%');
    expect(analysis.statuses.map((s) => s.status)).toEqual(['OK', 'OK', 'OK']);
  });

  it('flags bad rows with their reason and still computes the others', () => {
    const analysis = analyzeResultsTable([
      ...rows,
      ['Subject lines', 'D', 'W1', '', 'lots', 40],
      ['Subject lines', 'E', 'W1', '', 100, 120],
      ['Subject lines', 'F', 'W1', '', -5, 0],
      ['Subject lines', 'G', 'W1', '', '', 3],
      ['', '', '', '', '', ''],
      ['Subject lines', 'B', 'W1', '', 100, 5],
      ['Subject lines', 'H', 'W1', '', 100, 5, 'n/a'],
    ]);
    expect(analysis.statuses.map((s) => s.status)).toEqual([
      'OK', 'OK', 'OK',
      'visitors is text ("lots"), not a number',
      'conversions (120) exceed visitors (100)',
      'visitors is negative (-5)',
      'visitors is blank',
      '',
      'arm "B" appears twice for this experiment, period and segment (also row 3)',
      'revenue is text ("n/a"), not a number',
    ]);
    expect(analysis.cells[3].slice(0, -1).every((cell) => cell === '')).toBe(true);
    expect(analysis.cells[1][column('Holm p')]).toBeTypeOf('number');
    expect(analysis.groups[0].variants).toHaveLength(2);
  });

  it('compares within each experiment, period and segment, and finds control by name', () => {
    const analysis = analyzeResultsTable([
      ['Push', 'B', 'W1', 'iOS', 1000, 60],
      ['Push', 'Control', 'W1', 'iOS', 1000, 50],
      ['Push', 'B', 'W1', 'Android', 1000, 40],
      ['Push', 'Control', 'W1', 'Android', 1000, 50],
    ]);
    expect(analysis.groups.map((g) => [g.segment, g.control.rowNumber])).toEqual([['iOS', 3], ['Android', 5]]);
    expect(analysis.cells[0][column('Lift')]).toBeCloseTo(0.2, 12);
    expect(analysis.cells[2][column('Lift')]).toBeCloseTo(-0.2, 12);
  });

  it('raises the SRM flag against the planned split and warns about peeking', () => {
    const analysis = analyzeResultsTable([
      ['Hero', 'control', '', '', 5000, 250],
      ['Hero', 'B', '', '', 5600, 300],
    ], { plans: { Hero: { plannedPerArm: 20000 } } });
    expect(analysis.cells[0][column('SRM')]).toBe(true);
    expect(analysis.cells[1][column('Decision')]).toBe('iterate');
    const planned = analyzeResultsTable([
      ['Hero', 'control', '', '', 5000, 250],
      ['Hero', 'B', '', '', 5600, 300],
    ], { plans: { Hero: { plannedPerArm: 20000, weights: { control: 50, B: 56 } } } });
    expect(planned.cells[0][column('SRM')]).toBe(false);
    expect(planned.groups[0].peeking?.peeking).toBe(true);
    expect(planned.cells[1][column('Decision')]).toBe('keep-running');
  });

  it('judges each experiment at the α of its plan, else at the table α', () => {
    const rows = [
      ['Strict', 'control', '', '', 10000, 500],
      ['Strict', 'B', '', '', 10000, 600],
      ['Loose', 'control', '', '', 10000, 500],
      ['Loose', 'B', '', '', 10000, 600],
    ];
    const analysis = analyzeResultsTable(rows, { plans: { Strict: { alpha: 0.001 } } });
    expect(analysis.groups.map((group) => [group.experiment, group.alpha, group.decision.decision])).toEqual([
      ['Strict', 0.001, 'iterate'],
      ['Loose', 0.05, 'scale'],
    ]);
  });

  it('reads numbers typed as text, with thousands separators', () => {
    const analysis = analyzeResultsTable([['X', 'control', '', '', '12,000', ' 600 '], ['X', 'B', '', '', '12000', '640']]);
    expect(analysis.cells[0][column('Rate')]).toBe(0.05);
  });

  it('never throws on garbage cells and returns one status per row', () => {
    const cell = fc.oneof(fc.string(), fc.integer({ min: -5, max: 2000 }), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date());
    fc.assert(fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 }), (table) => {
      const analysis = analyzeResultsTable(table);
      expect(analysis.cells).toHaveLength(table.length);
      analysis.cells.forEach((row) => expect(row).toHaveLength(resultColumns.length));
    }));
  });
});
