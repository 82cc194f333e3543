// Sheets reads a written string as a person typing it: "=…" becomes a formula, and so can "+…",
// "-…" and "@…"; a leading tab or carriage return is how such text hides in pasted data. Text
// from a model, a kit or a person is written with a leading apostrophe instead, which Sheets
// takes as "this is text" and does not keep in the cell, so the cell reads exactly as given.
// A leading apostrophe of the text's own is kept the same way.

const typedAsFormula = /^[=+\-@\t\r']/;

/** Text to write to a spreadsheet cell so it stays the text given, never a formula. */
export function sheetSafeText(text: string): string {
  return typedAsFormula.test(text) ? `'${text}` : text;
}

/** A cell value to write: text made safe, numbers, booleans and dates as they are. */
export function sheetSafeValue<T>(value: T): T | string {
  return typeof value === 'string' ? sheetSafeText(value) : value;
}
