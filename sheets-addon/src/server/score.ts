import { cellText, plural, scoreUseCaseTable, useCaseColumns } from '@onbrand/shared/experiments';
import type { Report } from '../contract';
import { countFlagged, issueList, missingColumns, needsFix, needsSetup, report, rowsToFix } from './report';
import { readSettings, scoringWeights } from './settings';
import { columnIndex, readTable, textColumn, writeColumns } from './table';
import { scoringSheet, useCasesSheet } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Scores every Scoring row with the weights in Settings, ranks them, and recommends the next stage
 * from each use case's Stage on the Use cases sheet (matched by name). Four reads, one write.
 */
export function scoreUseCases(spreadsheet: Spreadsheet): Report {
  const { settings, issues } = readSettings(spreadsheet);
  const weights = scoringWeights(settings);
  if (!weights.ok || issues.some((issue) => /weight|score|risk/.test(issue.path))) {
    const all = weights.ok ? issues : [...issues, ...weights.issues];
    return needsFix('score', `Fix the Settings sheet first: ${issueList(all)}.`, all);
  }
  const scoring = readTable(spreadsheet, scoringSheet);
  if (!scoring) return needsSetup('score', scoringSheet.name);
  const useCases = readTable(spreadsheet, useCasesSheet);
  const stageByName = new Map<string, string>();
  if (useCases && columnIndex(useCases.header, 'Name') >= 0 && columnIndex(useCases.header, 'Stage') >= 0) {
    const [name, stage] = [textColumn(useCases, 'Name'), textColumn(useCases, 'Stage')];
    for (const row of useCases.rows) stageByName.set(name(row).toLowerCase(), stage(row));
  }
  // The stage lives on the Use cases sheet; a Stage column on Scoring, if someone adds one, wins.
  const nameColumn = Math.max(columnIndex(scoring.header, 'Use case'), columnIndex(scoring.header, 'Name'));
  const rows = scoring.rows.map((row) => [...row, stageByName.get(cellText(row[nameColumn]).toLowerCase()) ?? '']);
  const result = scoreUseCaseTable([...scoring.header, 'Stage'], rows, { weights: weights.value, thresholds: settings.thresholds, targetLift: settings.thresholds.winnerLift });
  if (!result.ok) return needsFix('score', `${missingColumns(scoringSheet.name, result.issues)} Choose Set up tracker to add them.`, result.issues);
  writeColumns(spreadsheet, scoring, useCaseColumns, result.value.cells);
  const flagged = countFlagged(result.value.statuses);
  const scored = result.value.ranked.length;
  const best = result.value.ranked[0];
  return report('score', 'done', `Scored ${plural(scored, 'use case')}${best ? `; ${best.name} ranks first at ${best.score.toFixed(1)}` : ''}.${rowsToFix(flagged)}`, { processed: scored, flagged });
}
