import { parseStage, readNumberCell, stages } from '@onbrand/shared/experiments';
import type { Bubble, Portfolio } from '../contract';
import { tally } from './report';
import { columnIndex, readTable, textColumn } from './table';
import { experimentsSheet, resultsSheet, scoringSheet, useCasesSheet } from './tracker';

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
  const latest = new Map<string, string>();
  const measuring = new Set<string>();
  if (results && columnIndex(results.header, 'Experiment') >= 0) {
    const [experiment, segment, decision] = [textColumn(results, 'Experiment'), textColumn(results, 'Segment'), textColumn(results, 'Decision')];
    for (const row of results.rows) {
      if (!decision(row)) continue;
      latest.set(JSON.stringify([experiment(row), segment(row)]), decision(row));
      if (decision(row) === 'keep-running') measuring.add(experiment(row).toLowerCase());
    }
  }
  // A use case whose experiment is still collecting its sample is running, whatever earlier stage
  // its row still records: the analysis just said so.
  const running = new Set<string>();
  const experiments = measuring.size > 0 ? readTable(spreadsheet, experimentsSheet) : null;
  if (experiments) {
    const [experiment, useCase] = [textColumn(experiments, 'Experiment'), textColumn(experiments, 'Use case')];
    for (const row of experiments.rows) if (measuring.has(experiment(row).toLowerCase())) running.add(useCase(row).toLowerCase());
  }
  const before = new Set(stages.slice(0, stages.indexOf('running')));
  const stageOf = new Map<string, string>();
  const counted: string[] = [];
  if (useCases) {
    const [name, stage] = [textColumn(useCases, 'Name'), textColumn(useCases, 'Stage')];
    for (const row of useCases.rows) {
      if (name(row) === '') continue;
      const recorded = parseStage(stage(row));
      counted.push(recorded && before.has(recorded) && running.has(name(row).toLowerCase()) ? 'running' : (recorded ?? 'other'));
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
  return {
    ready: Boolean(useCases && scoring && results),
    stages: [...tally(counted, stages)].map(([stage, count]) => ({ stage, count })),
    top: bubbles.slice(0, 5),
    bubbles: bubbles.slice(0, 60),
    decisions: [...tally(latest.values())].map(([decision, count]) => ({ decision, count })),
  };
}
