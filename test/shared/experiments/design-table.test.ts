import { describe, it, expect } from 'vitest';
import { designTable } from '../../../shared/src/experiments/design-table';

const header = ['Use case', 'Baseline', 'MDE', 'Alpha', 'Power', 'Daily traffic', 'Arms'];

describe('experiment design table', () => {
  it('computes the sample per arm and the days to reach it, with default α, power and arms; three arms sized for Holm', () => {
    const result = designTable(header, [
      ['Subject lines', 0.1, 0.1, '', '', 1000, ''],
      ['Hero banner', 0.1, 0.1, 0.05, 0.8, 1000, 3],
    ]);
    expect(result).toEqual({ ok: true, value: { statuses: [{ rowNumber: 2, status: 'OK' }, { rowNumber: 3, status: 'OK' }], cells: [[14751, 30, 0.05, 0, 'OK'], [17864, 54, 0.025, 24090, 'OK']] } });
  });
  it('flags bad rows with the reason', () => {
    const result = designTable(header, [
      ['A', 'ten percent', 0.1, '', '', 1000, ''],
      ['B', 0.1, 0.1, '', '', 0, ''],
      ['C', 1.4, 0.1, '', '', 100, ''],
      ['', '', '', '', '', '', ''],
    ]);
    expect(result.ok && result.value.cells.map((row) => row[4])).toEqual([
      'baseline is text ("ten percent"), not a number',
      'daily traffic must be above 0',
      'the baseline rate must be between 0 and 1 (exclusive), got 1.4',
      '',
    ]);
  });
  it('names the missing columns by their header names', () => {
    expect(designTable(['Baseline', 'MDE'], [])).toEqual({ ok: false, issues: [{ path: 'column daily traffic', message: 'the header has no "daily traffic" column' }] });
  });
});
