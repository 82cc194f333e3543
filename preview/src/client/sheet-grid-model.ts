// The grid's pure parts: column letters, column widths that fit their text, and the clipboard's
// tab-separated rows (Sheets quotes a cell holding a tab, newline or quote, doubling the quotes).

/** 1 → "A", 27 → "AA". */
export function letter(column: number): string {
  let text = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

const minWidth = 60;
const maxWidth = 360;
let context: CanvasRenderingContext2D | null | undefined;

/** The text's width in the grid's font; a character count where no canvas is at hand. */
function textWidth(text: string): number {
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 7;
  context.font = '13px Arial, sans-serif';
  return context.measureText(text).width;
}

/**
 * Each column as wide as its widest text (with the cell's padding and a dropdown marker), at least
 * the width the sheet gives it and at most 360 px. Only the longest few texts of a column are
 * measured, so a 5,000-row sheet costs a few hundred measurements.
 */
export function columnWidthsToFit(sheet: { cells: string[][]; columnWidths: number[]; styles: Record<string, { dropdown?: boolean }> }, columns: number): number[] {
  const longest: string[][] = Array.from({ length: columns }, () => []);
  for (const row of sheet.cells) {
    row.forEach((text, c) => {
      if (c >= columns || text === '') return;
      const list = longest[c]!;
      if (list.length < 8) list.push(text);
      else {
        const shortest = list.reduce((at, item, i) => (item.length < list[at]!.length ? i : at), 0);
        if (text.length > list[shortest]!.length) list[shortest] = text;
      }
    });
  }
  const dropdowns = new Set(Object.entries(sheet.styles).filter(([, style]) => style.dropdown).map(([key]) => Number(key.split(',')[1])));
  return longest.map((texts, c) => {
    const base = Math.max(minWidth, Math.min(sheet.columnWidths[c] ?? 100, maxWidth));
    const fit = Math.ceil(Math.max(0, ...texts.map(textWidth)) + 12 + (dropdowns.has(c + 1) ? 16 : 0));
    return Math.min(maxWidth, Math.max(base, fit));
  });
}

/** Tab-separated rows from the clipboard, as Sheets and other spreadsheets copy them. */
export function parseClipboardRows(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let i = 0;
  const body = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  while (i <= body.length) {
    if (cell === '' && body[i] === '"') {
      // A quoted cell runs to the closing quote; "" inside stands for one quote.
      let j = i + 1;
      let quoted = '';
      while (j < body.length && !(body[j] === '"' && body[j + 1] !== '"')) {
        quoted += body[j] === '"' ? '"' : body[j];
        j += body[j] === '"' ? 2 : 1;
      }
      if (j < body.length && (j + 1 === body.length || body[j + 1] === '\t' || body[j + 1] === '\n')) {
        cell = quoted;
        i = j + 1;
        continue;
      }
    }
    const ch = body[i];
    if (ch === undefined || ch === '\t' || ch === '\n') {
      rows[rows.length - 1]!.push(cell);
      cell = '';
      if (ch === '\n') rows.push([]);
    } else cell += ch;
    i++;
  }
  return rows;
}

/** Rows as tab-separated text for the clipboard, quoting cells that need it. */
export function rowsToClipboard(rows: string[][]): string {
  return rows.map((cells) => cells.map((cell) => (/[\t\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join('\t')).join('\n');
}
