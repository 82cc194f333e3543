import { parseStage, readNumberCell, stages } from '@onbrand/shared/experiments';
import type { Bubble, Portfolio } from '../contract';
import { tally } from './report';
import { columnIndex, readTable, textColumn } from './table';
import { resultsSheet, scoringSheet, useCasesSheet } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const number = (value: unknown) => {
  const read = readNumberCell(value, '');
  return read.ok ? read.value : null;
};

/**
 * Counts by stage, the use cases by score (as last scored) and the decision of each experiment run
 * (experiment × segment), as Analyze experiments wrote it and counts it in its status.
 */
export function readPortfolio(spreadsheet: Spreadsheet): Portfolio {
  const useCases = readTable(spreadsheet, useCasesSheet);
  const scoring = readTable(spreadsheet, scoringSheet);
  const results = readTable(spreadsheet, resultsSheet);
  const stageOf = new Map<string, string>();
  const counted: string[] = [];
  if (useCases) {
    const [name, stage] = [textColumn(useCases, 'Name'), textColumn(useCases, 'Stage')];
    for (const row of useCases.rows) {
      if (name(row) === '') continue;
      counted.push(parseStage(stage(row)) ?? 'other');
      stageOf.set(name(row).toLowerCase(), counted[counted.length - 1]!);
    }
  }
  const bubbles: Bubble[] = [];
  if (scoring) {
    const name = textColumn(scoring, 'Use case');
    const [impact, feasibility, score, rank] = ['Impact', 'Feasibility', 'Score', 'Rank'].map((header) => columnIndex(scoring.header, header));
    for (const row of scoring.rows) {
      const values = [impact, feasibility, score, rank].map((column) => number(row[column!]));
      if (name(row) === '' || values.some((value) => value === null)) continue;
      const [i, f, s, r] = values as number[];
      bubbles.push({ name: name(row), impact: i!, feasibility: f!, score: s!, rank: r!, stage: stageOf.get(name(row).toLowerCase()) ?? 'ideate' });
    }
  }
  bubbles.sort((a, b) => a.rank - b.rank);
  const latest = new Map<string, string>();
  if (results && columnIndex(results.header, 'Experiment') >= 0) {
    const [experiment, segment, decision] = [textColumn(results, 'Experiment'), textColumn(results, 'Segment'), textColumn(results, 'Decision')];
    for (const row of results.rows) if (decision(row)) latest.set(JSON.stringify([experiment(row), segment(row)]), decision(row));
  }
  return {
    ready: Boolean(useCases && scoring && results),
    stages: [...tally(counted, stages)].map(([stage, count]) => ({ stage, count })),
    top: bubbles.slice(0, 5),
    bubbles: bubbles.slice(0, 60),
    decisions: [...tally(latest.values())].map(([decision, count]) => ({ decision, count })),
  };
}
