import { cellText, plural } from '@onbrand/shared/experiments';
import type { BrandKit } from '@onbrand/shared/kit';
import { lintText } from '@onbrand/shared/lint';
import { listChannels, resolveChannel } from '@onbrand/shared/kit';
import type { Report } from '../contract';
import { deadline, keepContinuation, readContinuation, type Clock } from './continuation';
import { needsFix, report } from './report';
import { columnLetter } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// Brand-checks the selected column: each cell's findings and brand-fit score go in the two columns
// to its right, headed "<column> findings" and "<column> brand score". When those two columns hold
// something else, two columns are inserted instead, so no one's data is overwritten.

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
  const column = selection.getColumn();
  const letter = columnLetter(column);
  const values = sheet.getDataRange().getValues();
  const name = cellText(values[0]?.[column - 1]) || `Column ${letter}`;
  const labels = [`${name} findings`, `${name} brand score`];
  const ours = labels.every((label, i) => cellText(values[0]?.[column + i]) === label);
  const free = values.every((row) => cellText(row[column]) === '' && cellText(row[column + 1]) === '');
  if (!ours && !free) sheet.insertColumnsAfter(column, 2);

  const texts = values.slice(1).map((row) => cellText(row[column - 1]));
  const target = `${sheet.getName()}!${letter}`;
  const saved = readContinuation('brand-check');
  const start = saved && saved.target === target && ours ? Math.min(saved.done, texts.length) : 0;
  const block: (string | number)[][] = start === 0 ? [labels] : [];
  let done = start;
  let flagged = 0;
  const options = deps.channel ? { channel: deps.channel } : {};
  for (; done < texts.length; done++) {
    if (outOfTime()) break;
    const text = texts[done]!;
    if (text === '') {
      block.push(['', '']);
      continue;
    }
    const result = lintText(text, deps.kit, options);
    if (result.findings.some((finding) => finding.severity === 'error')) flagged++;
    block.push([findingsText(result.findings), result.score]);
  }
  if (block.length > 0) sheet.getRange(start === 0 ? 1 : start + 2, column + 1, block.length, 2).setValues(block);
  const checked = done - start;
  const paused = done < texts.length;
  keepContinuation('brand-check', paused ? { target, done, total: texts.length, savedAt: new Date(deps.clock.now()).toISOString() } : null);
  return report(
    'brand-check',
    paused ? 'paused' : 'done',
    paused
      ? `Checked ${done} of ${texts.length} cells in ${name}, then paused before the time limit. Run Brand-check again to continue.`
      : `Checked ${plural(checked, 'cell')} in ${name} against ${deps.kit.name}${flagged ? `: ${flagged} with errors` : ''}.`,
    { processed: checked, flagged, progress: { done, total: texts.length } },
  );
}
