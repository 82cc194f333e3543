import { cellText, plural } from '@onbrand/shared/experiments';
import type { BrandKit } from '@onbrand/shared/kit';
import { lintText } from '@onbrand/shared/lint';
import { listChannels, resolveChannel } from '@onbrand/shared/kit';
import type { Report } from '../contract';
import { deadline, keepContinuation, readContinuation, type Clock } from './continuation';
import { needsFix, report } from './report';
import { cellInput, columnLetter, ensureGrid } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// Brand-checks the selected column into a sheet of the add-on's own, "Brand check": one row per
// checked cell with its reference, text, brand-fit score and findings. The person's sheet is only
// read, so their columns, formulas and formats never move. Checking a column again replaces that
// column's rows and leaves the rows of other columns as they were.

/** The add-on's results sheet and its header. */
export const brandCheckSheet = { name: 'Brand check', header: ['Cell', 'Text', 'Brand score', 'Findings', 'Checked at'] } as const;

export interface BrandCheckDeps {
  clock: Clock;
  kit: BrandKit | null;
  /** Why there is no kit, when a stored one is invalid. */
  kitProblem?: string;
  channel: string;
}

/** The findings of one cell in a line a person can read in a cell. */
export function findingsText(findings: readonly { severity: string; message: string }[]): string {
  if (findings.length === 0) return 'On brand: no findings';
  const shown = findings.slice(0, 3).map((finding) => `${finding.severity}: ${finding.message}`);
  return findings.length > 3 ? `${shown.join(' · ')} · and ${findings.length - 3} more` : shown.join(' · ');
}

export function brandCheckColumn(spreadsheet: Spreadsheet, deps: BrandCheckDeps): Report {
  if (!deps.kit) {
    return needsFix('brand-check', deps.kitProblem ?? 'There is no brand kit for this file yet. Save one from the sidebar (Settings › Brand kit) or paste its JSON into the Settings sheet.');
  }
  if (deps.channel && !resolveChannel(deps.kit, deps.channel)) {
    const known = listChannels(deps.kit).map((channel) => channel.id).join(', ');
    return needsFix('brand-check', `The channel "${deps.channel}" in Settings is not one the kit knows. Use one of: ${known}.`);
  }
  const outOfTime = deadline(deps.clock);
  const selection = spreadsheet.getActiveRange();
  if (!selection) return needsFix('brand-check', 'Select a cell in the column of copy to check, then try again.');
  const sheet = selection.getSheet();
  const sheetName = sheet.getName();
  if (sheetName === brandCheckSheet.name) return needsFix('brand-check', `Select a cell in the column of copy to check (on its own sheet, not ${brandCheckSheet.name}), then try again.`);
  const column = selection.getColumn();
  const letter = columnLetter(column);
  const values = sheet.getDataRange().getValues();
  const name = cellText(values[0]?.[column - 1]) || `Column ${letter}`;
  const texts = values.slice(1).map((row) => cellText(row[column - 1]));

  const target = `${sheetName}!${letter}`;
  const saved = readContinuation('brand-check');
  const resuming = saved !== null && saved.target === target;
  const start = resuming ? Math.min(saved.done, texts.length) : 0;
  const { sheet: results, created } = resultsSheet(spreadsheet, selection);
  const previous = created ? [] : results.getDataRange().getValues().slice(1).filter((row) => cellText(row[0]) !== '');
  // Rows of other columns stay; this column's rows go, except those done before a pause.
  const ofTarget = (row: readonly unknown[]) => cellText(row[0]).startsWith(`${target}`) && /^\d+$/.test(cellText(row[0]).slice(target.length));
  const kept = previous.filter((row) => !ofTarget(row) || resuming);
  const checkedAt = new Date(deps.clock.now()).toISOString();
  const added: unknown[][] = [];
  let done = start;
  let flagged = 0;
  const options = deps.channel ? { channel: deps.channel } : {};
  for (; done < texts.length; done++) {
    if (outOfTime()) break;
    const text = texts[done]!;
    if (text === '') continue;
    const result = lintText(text, deps.kit, options);
    if (result.findings.some((finding) => finding.severity === 'error')) flagged++;
    added.push([`${target}${done + 2}`, text, result.score, findingsText(result.findings), checkedAt]);
  }
  const rows = [...kept, ...added];
  // The whole results table in one write; rows it no longer needs are blanked.
  const height = Math.max(rows.length, previous.length) + 1;
  const width = brandCheckSheet.header.length;
  const block = [brandCheckSheet.header as readonly unknown[], ...rows, ...Array.from({ length: height - 1 - rows.length }, () => Array<unknown>(width).fill(''))];
  ensureGrid(results, height, width);
  results.getRange(1, 1, height, width).setValues(block.map((row) => Array.from({ length: width }, (_, c) => cellInput(row[c] ?? ''))));

  const checked = done - start;
  const paused = done < texts.length;
  keepContinuation('brand-check', paused ? { target, done, total: texts.length, savedAt: checkedAt } : null);
  return report(
    'brand-check',
    paused ? 'paused' : 'done',
    paused
      ? `Checked ${done} of ${texts.length} cells in ${name}, then paused before the time limit. Run Brand-check again to continue.`
      : `Checked ${plural(checked, 'cell')} in ${name} against ${deps.kit.name}${flagged ? `: ${flagged} with errors` : ''}. The results are on the ${brandCheckSheet.name} sheet.`,
    { processed: checked, flagged, progress: { done, total: texts.length } },
  );
}

/** The results sheet, made with its header when missing; the person's selection stays where it was. */
function resultsSheet(spreadsheet: Spreadsheet, selection: GoogleAppsScript.Spreadsheet.Range): { sheet: GoogleAppsScript.Spreadsheet.Sheet; created: boolean } {
  const existing = spreadsheet.getSheetByName(brandCheckSheet.name);
  if (existing) return { sheet: existing, created: false };
  const sheet = spreadsheet.insertSheet(brandCheckSheet.name);
  sheet.setFrozenRows(1);
  // Sheets makes a new sheet the active one; the person goes on from their column.
  selection.activate();
  return { sheet, created: true };
}
