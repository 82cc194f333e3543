import { describe, it, expect } from 'vitest';
import { readRows, statusCells } from '../../../shared/src/experiments/sheet-table';

describe('a computed sheet table', () => {
  const rows = [['a', 1], ['', ''], ['b', 'x'], ['c', 3]];
  const read = (cells: readonly unknown[], rowNumber: number) =>
    typeof cells[1] === 'number' ? { ok: true as const, value: { rowNumber, n: cells[1] } } : { ok: false as const, reason: `row ${rowNumber} has no number` };

  it('reads the usable rows in order, skips empty ones and keeps why the others are left out', () => {
    const { valid, reasons } = readRows(rows, 2, read);
    expect(valid).toEqual([{ rowNumber: 2, n: 1 }, { rowNumber: 5, n: 3 }]);
    expect([...reasons]).toEqual([[4, 'row 4 has no number']]);
  });

  it('gives every row its cells and Status: OK, the reason, or blank for an empty row', () => {
    const { valid, reasons } = readRows(rows, 2, read);
    const computed = new Map(valid.map((row) => [row.rowNumber, [row.n * 10, 'x']]));
    expect(statusCells(rows.length, 2, 2, reasons, computed)).toEqual({
      statuses: [{ rowNumber: 2, status: 'OK' }, { rowNumber: 3, status: '' }, { rowNumber: 4, status: 'row 4 has no number' }, { rowNumber: 5, status: 'OK' }],
      cells: [[10, 'x', 'OK'], ['', '', ''], ['', '', 'row 4 has no number'], [30, 'x', 'OK']],
    });
  });
});
