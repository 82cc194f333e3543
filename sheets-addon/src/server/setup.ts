import { cellText, isBlankCell, plural } from '@onbrand/shared/experiments';
import type { Report } from '../contract';
import { report } from './report';
import { migrateAuditSheet } from './audit-trail';
import { settingRows } from './settings';
import { columnIndex, columnLetter, ensureGrid, isBlankRow, pointName, usedLength } from './table';
import { settingsSheet, trackerSheets, type ColumnSpec, type SheetSpec } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

// Set up is idempotent: a missing sheet is created whole; an existing one only gets the headers it
// lacks, appended after its last header, with their formats, dropdowns and colours. Existing cells,
// column order, formats and rules are never touched, so running it twice changes nothing.

/** The named range of the Settings cell holding the brand kit, for =ONBRAND_LINT(…, OnbrandKit). */
export const kitRangeName = 'OnbrandKit';

interface Placed {
  spec: ColumnSpec;
  position: number;
}

const body = (position: number) => `${columnLetter(position)}2:${columnLetter(position)}`;

function dropdownRule(spec: ColumnSpec): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  // Warnings rather than rejections: data typed before set up stays, and is shown as invalid.
  const rule = spec.dropdown ? builder.requireValueInList([...spec.dropdown], true) : builder.requireNumberBetween(1, 5).setHelpText('A whole number from 1 (low) to 5 (high).');
  return rule.setAllowInvalid(true).build();
}

/**
 * Formats, dropdowns, colour rules and widths. Added columns get all of them; columns that were
 * already there get only a dropdown where they have no validation and colours where no rule covers
 * them, so formats and rules people chose are kept.
 */
function decorate(sheet: Sheet, added: readonly Placed[], existing: readonly Placed[]): void {
  const byFormat = new Map<string, string[]>();
  for (const { spec, position } of added) if (spec.format) byFormat.set(spec.format, [...(byFormat.get(spec.format) ?? []), body(position)]);
  for (const [format, ranges] of byFormat) sheet.getRangeList(ranges).setNumberFormat(format);

  const wantsDropdown = (placed: Placed) => Boolean(placed.spec.dropdown || placed.spec.scale);
  const bare = existing.filter(wantsDropdown).filter(({ position }) => sheet.getRange(2, position).getDataValidation() === null);
  for (const placed of [...added.filter(wantsDropdown), ...bare]) sheet.getRange(body(placed.position)).setDataValidation(dropdownRule(placed.spec));

  const colourable = [...added, ...existing].filter(({ spec }) => spec.colours?.length);
  if (colourable.length > 0) {
    const rules = sheet.getConditionalFormatRules();
    const covered = new Set(rules.flatMap((rule) => rule.getRanges().map((range) => range.getColumn())));
    const uncovered = colourable.filter(({ position }) => !covered.has(position));
    for (const { spec, position } of uncovered) {
      for (const colour of spec.colours!) {
        const builder = SpreadsheetApp.newConditionalFormatRule();
        if ('equals' in colour) builder.whenTextEqualTo(colour.equals);
        else builder.whenFormulaSatisfied(colour.formula(columnLetter(position)));
        builder.setBackground(colour.background).setRanges([sheet.getRange(body(position))]);
        if (colour.color) builder.setFontColor(colour.color);
        rules.push(builder.build());
      }
    }
    if (uncovered.length > 0) sheet.setConditionalFormatRules(rules);
  }
  for (const { spec, position } of added) if (spec.width) sheet.setColumnWidth(position, spec.width);
}

/** Appends the settings rows the sheet lacks, with their defaults; returns the kit cell's row. */
function addMissingSettings(sheet: Sheet, header: readonly string[], fresh: boolean): { added: number; kitRow: number } {
  const values = fresh ? [] : sheet.getDataRange().getValues().slice(1);
  const label = Math.max(0, columnIndex(header, 'Setting'));
  const present = values.map((row) => cellText(row[label]).toLowerCase());
  const missing = settingRows.filter((row) => !present.includes(row.label.toLowerCase()));
  const last = usedLength(values, isBlankRow);
  if (missing.length > 0) {
    const width = Math.max(3, header.length);
    const [value, notes] = [columnIndex(header, 'Value'), columnIndex(header, 'Notes')];
    const block = missing.map((row) => {
      const line = Array<unknown>(width).fill('');
      line[label] = row.label;
      if (value >= 0) line[value] = row.value;
      if (notes >= 0) line[notes] = row.note;
      return line;
    });
    ensureGrid(sheet, last + 1 + block.length, width);
    sheet.getRange(last + 2, 1, block.length, width).setValues(block);
  }
  // The rows as they now read, the missing ones appended after the last used row.
  const labels = [...present.slice(0, last), ...missing.map((row) => row.label.toLowerCase())];
  const kitRow = labels.indexOf(settingRows.find((row) => row.key === 'kitJson')!.label.toLowerCase()) + 2;
  return { added: missing.length, kitRow };
}

interface SheetOutcome {
  created: boolean;
  addedColumns: string[];
  addedSettings: number;
}

function setUpSheet(spreadsheet: Spreadsheet, spec: SheetSpec): SheetOutcome {
  let sheet = spreadsheet.getSheetByName(spec.name);
  const created = !sheet;
  sheet ??= spreadsheet.insertSheet(spec.name);
  const firstRow = created ? [] : sheet.getRange('1:1').getValues()[0]!.map((cell) => cellText(cell));
  const header = firstRow.slice(0, usedLength(firstRow, isBlankCell));
  const used = header.length;
  const missing = spec.columns.filter((column) => columnIndex(header, column.header) < 0);
  const added = missing.map((column) => column.header);
  if (missing.length > 0) {
    // A sheet can be narrower than the columns it needs; Sheets refuses a write past its last.
    // A new sheet has 26 columns (A to Z), so only a wider table needs asking.
    ensureGrid(sheet, 0, used + missing.length, !created || missing.length > 26);
    sheet.getRange(1, used + 1, 1, missing.length).setValues([added]);
  }
  const existing = spec.columns.filter((column) => !missing.includes(column)).map((column) => ({ spec: column, position: columnIndex(header, column.header) + 1 }));
  decorate(sheet, missing.map((column, i) => ({ spec: column, position: used + 1 + i })), existing);
  if (created || sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
  const full = [...header, ...added];
  const named = spreadsheet.getRangeByName(spec.rangeName);
  if (!named || named.getLastColumn() < full.length) pointName(spreadsheet, spec.rangeName, sheet.getRange(`A:${columnLetter(full.length)}`));
  let addedSettings = 0;
  if (spec === settingsSheet) {
    const settings = addMissingSettings(sheet, full, created);
    addedSettings = settings.added;
    const value = columnIndex(full, 'Value');
    if (!spreadsheet.getRangeByName(kitRangeName) && value >= 0) spreadsheet.setNamedRange(kitRangeName, sheet.getRange(settings.kitRow, value + 1));
  }
  return { created, addedColumns: created ? [] : added, addedSettings };
}

/** Creates what is missing of the tracker and reports what it added. */
export function setupTracker(spreadsheet: Spreadsheet): Report {
  // An Audit log in the older columns moves into the record's columns first, every row kept.
  migrateAuditSheet(spreadsheet);
  const outcomes = trackerSheets.map((spec) => ({ spec, ...setUpSheet(spreadsheet, spec) }));
  const created = outcomes.filter((o) => o.created).map((o) => o.spec.name);
  const extended = outcomes.filter((o) => o.addedColumns.length > 0).map((o) => `${o.spec.name} (${o.addedColumns.join(', ')})`);
  const settings = outcomes.find((o) => o.spec === settingsSheet)!.addedSettings;
  if (created.length > 0) spreadsheet.getSheetByName(trackerSheets[0]!.name)?.activate();
  const parts = [
    created.length > 0 && `Created ${plural(created.length, 'sheet')}: ${created.join(', ')}.`,
    extended.length > 0 && `Added columns to ${extended.join('; ')}.`,
    settings > 0 && !created.includes(settingsSheet.name) && `Added ${plural(settings, 'missing setting')}.`,
  ].filter(Boolean);
  const message = parts.length > 0 ? `${parts.join(' ')} Your data was left as it was.` : 'The tracker is complete: nothing was missing.';
  return report('setup', 'done', message, { processed: trackerSheets.length });
}
