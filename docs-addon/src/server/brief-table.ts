import { activeDocument } from './document-port';

type Element = GoogleAppsScript.Document.Element;

/**
 * The cells of the table holding the cursor (or the start of the selection), row by row, for the
 * sidebar to read as a brief, or what to do when the cursor is not in a table. The document is only
 * read, never changed.
 */
export function readBriefTable(): { rows: string[][]; problem: string } {
  const doc = activeDocument();
  const cursor = doc.getCursor();
  let node: Element | null = cursor ? cursor.getElement() : (doc.getSelection()?.getRangeElements()[0]?.getElement() ?? null);
  while (node && node.getType() !== DocumentApp.ElementType.TABLE) node = node.getParent() as Element | null;
  if (!node) return { rows: [], problem: 'Put the cursor in the brief table (one row per field: Product | …), then load it.' };
  const table = node.asTable();
  const rows: string[][] = [];
  for (let r = 0; r < table.getNumRows(); r++) {
    const row = table.getRow(r);
    const cells: string[] = [];
    for (let c = 0; c < row.getNumCells(); c++) cells.push(row.getCell(c).getText());
    rows.push(cells);
  }
  return { rows, problem: '' };
}
