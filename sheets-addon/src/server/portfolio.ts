import { cellText, parseStage, readNumberCell, stages } from '@onbrand/shared/experiments';
import type { Bubble, Portfolio } from '../contract';
import { columnIndex, readTable } from './table';
import { resultsSheet, scoringSheet, useCasesSheet } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const number = (value: unknown) => {
  const read = readNumberCell(value, '');
  return read.ok ? read.value : null;
};

/** Counts by stage, the use cases by score (as last scored) and each experiment's latest decision. */
export function readPortfolio(spreadsheet: Spreadsheet): Portfolio {
  const useCases = readTable(spreadsheet, useCasesSheet);
  const scoring = readTable(spreadsheet, scoringSheet);
  const results = readTable(spreadsheet, resultsSheet);
  const stageOf = new Map<string, string>();
  const counts = new Map<string, number>(stages.map((stage) => [stage, 0]));
  if (useCases) {
    const [name, stage] = [columnIndex(useCases.header, 'Name'), columnIndex(useCases.header, 'Stage')];
    for (const row of useCases.rows) {
      if (cellText(row[name]) === '') continue;
      const parsed = parseStage(stage >= 0 ? cellText(row[stage]) : '') ?? 'other';
      counts.set(parsed, (counts.get(parsed) ?? 0) + 1);
      stageOf.set(cellText(row[name]).toLowerCase(), parsed);
    }
  }
  const bubbles: Bubble[] = [];
  if (scoring) {
    const at = (header: string) => columnIndex(scoring.header, header);
    const [name, impact, feasibility, score, rank] = ['Use case', 'Impact', 'Feasibility', 'Score', 'Rank'].map(at) as [number, number, number, number, number];
    for (const row of scoring.rows) {
      const values = [number(row[impact]), number(row[feasibility]), number(row[score]), number(row[rank])];
      if (cellText(row[name]) === '' || values.some((value) => value === null)) continue;
      const [i, f, s, r] = values as number[];
      bubbles.push({ name: cellText(row[name]), impact: i!, feasibility: f!, score: s!, rank: r!, stage: stageOf.get(cellText(row[name]).toLowerCase()) ?? 'ideate' });
    }
  }
  bubbles.sort((a, b) => a.rank - b.rank);
  const latest = new Map<string, string>();
  if (results) {
    const [experiment, decision] = [columnIndex(results.header, 'Experiment'), columnIndex(results.header, 'Decision')];
    if (experiment >= 0 && decision >= 0) for (const row of results.rows) if (cellText(row[decision])) latest.set(cellText(row[experiment]), cellText(row[decision]));
  }
  const decisions = new Map<string, number>();
  for (const decision of latest.values()) decisions.set(decision, (decisions.get(decision) ?? 0) + 1);
  return {
    ready: Boolean(useCases && scoring && results),
    stages: [...counts].map(([stage, count]) => ({ stage, count })),
    top: bubbles.slice(0, 5),
    bubbles: bubbles.slice(0, 60),
    decisions: [...decisions].map(([decision, count]) => ({ decision, count })),
  };
}
