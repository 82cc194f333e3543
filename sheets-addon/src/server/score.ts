import { cellText, parseStage, recommendStage, scoreUseCaseTable, useCaseColumns } from '@onbrand/shared/experiments';
import type { Report } from '../contract';
import { readSettings, scoringWeights } from './settings';
import { columnIndex, readTable, writeColumns } from './table';
import { scoringSheet, useCasesSheet } from './tracker';
import { countFlagged } from './experiment-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A report for an operation that cannot start, naming what to do. */
export function blocked(operation: Report['operation'], status: 'needs-setup' | 'needs-fix', message: string, issues: Report['issues'] = []): Report {
  return { operation, status, message, processed: 0, flagged: 0, issues };
}

export const needsSetup = (operation: Report['operation'], sheet: string) =>
  blocked(operation, 'needs-setup', `There is no ${sheet} sheet yet. Choose Set up tracker first; it keeps any data you already have.`);

/**
 * Scores every Scoring row with the weights in Settings, ranks them, and recommends the next stage
 * from each use case's Stage on the Use cases sheet (matched by name). Four reads, one write.
 */
export function scoreUseCases(spreadsheet: Spreadsheet): Report {
  const { settings, issues } = readSettings(spreadsheet);
  const weights = scoringWeights(settings);
  if (!weights.ok || issues.some((issue) => issue.path.includes('weight') || issue.path.includes('score') || issue.path.includes('risk'))) {
    const all = weights.ok ? issues : [...issues, ...weights.issues];
    return blocked('score', 'needs-fix', `Fix the Settings sheet first: ${all.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}.`, all);
  }
  const scoring = readTable(spreadsheet, scoringSheet);
  if (!scoring) return needsSetup('score', scoringSheet.name);
  const useCases = readTable(spreadsheet, useCasesSheet);
  const stageByName = new Map<string, string>();
  if (useCases) {
    const name = columnIndex(useCases.header, 'Name');
    const stage = columnIndex(useCases.header, 'Stage');
    if (name >= 0 && stage >= 0) for (const row of useCases.rows) stageByName.set(cellText(row[name]).toLowerCase(), cellText(row[stage]));
  }
  // The stage lives on the Use cases sheet; a Stage column on Scoring, if someone adds one, wins.
  const nameColumn = Math.max(columnIndex(scoring.header, 'Use case'), columnIndex(scoring.header, 'Name'));
  const header = [...scoring.header, 'Stage'];
  const rows = scoring.rows.map((row) => [...row, stageByName.get(cellText(row[nameColumn]).toLowerCase()) ?? '']);
  const result = scoreUseCaseTable(header, rows, { weights: weights.value });
  if (!result.ok) {
    return blocked('score', 'needs-fix', `The Scoring sheet is missing columns: ${result.issues.map((issue) => issue.message).join('; ')}. Choose Set up tracker to add them.`, result.issues);
  }
  const cells = result.value.cells.map((row) => [...row]);
  const stageColumn = columnIndex(header, 'Stage');
  for (const ranked of result.value.ranked) {
    const stage = parseStage(cellText(rows[ranked.rowNumber - 2]![stageColumn])) ?? 'ideate';
    const next = recommendStage(stage, ranked.score, ranked.inputs.risk, settings.thresholds);
    cells[ranked.rowNumber - 2]![3] = next.stage;
    cells[ranked.rowNumber - 2]![4] = next.reason;
  }
  writeColumns(spreadsheet, scoring, useCaseColumns, cells);
  const flagged = countFlagged(result.value.statuses);
  const scored = result.value.ranked.length;
  const best = result.value.ranked[0];
  return {
    operation: 'score',
    status: 'done',
    message: `Scored ${scored} use case${scored === 1 ? '' : 's'}${best ? `; ${best.name} ranks first at ${best.score.toFixed(1)}` : ''}.${flagged ? ` ${flagged} row${flagged === 1 ? '' : 's'} need fixing: see Status.` : ''}`,
    processed: scored,
    flagged,
    issues: [],
  };
}
