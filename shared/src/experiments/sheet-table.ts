import { isBlankCell, type CellRead } from './cells';

// The shape every computed sheet table shares: each non-blank row is read or left out with its
// reason, the usable rows are computed together, and every row gets its computed cells back
// followed by its Status: "OK", the reason it was left out, or "" for an empty row.

export interface RowStatus {
  rowNumber: number;
  status: string;
}

/** Reads every non-blank row: the usable ones in sheet order, and why each other one is left out. */
export function readRows<T>(
  rows: readonly (readonly unknown[])[],
  firstRow: number,
  read: (cells: readonly unknown[], rowNumber: number) => CellRead<T>,
): { valid: T[]; reasons: Map<number, string> } {
  const valid: T[] = [];
  const reasons = new Map<number, string>();
  rows.forEach((cells, index) => {
    if (cells.every(isBlankCell)) return;
    const row = read(cells, firstRow + index);
    if (row.ok) valid.push(row.value);
    else reasons.set(firstRow + index, row.reason);
  });
  return { valid, reasons };
}

/** Each row's Status, and its computed cells (blanks when it has none, `width` of them) followed by the Status. */
export function statusCells<C>(count: number, firstRow: number, width: number, reasons: ReadonlyMap<number, string>, computed: ReadonlyMap<number, readonly C[]>): { statuses: RowStatus[]; cells: (C | string)[][] } {
  const statuses = Array.from({ length: count }, (_, index) => {
    const rowNumber = firstRow + index;
    return { rowNumber, status: reasons.get(rowNumber) ?? (computed.has(rowNumber) ? 'OK' : '') };
  });
  const cells = statuses.map(({ rowNumber, status }): (C | string)[] => [...(computed.get(rowNumber) ?? Array<string>(width).fill('')), status]);
  return { statuses, cells };
}
