// The Sheets add-on on the fake host: scoring 5,000 use-case rows and analyzing 2,000 result rows
// through the built Code.js, as Apps Script runs it. Reports the SpreadsheetApp calls each
// operation makes (budget: 10), its wall time, and the calls a cell-by-cell loop would make for
// the same work (every input cell read with getValue, every output cell written with setValue).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSheetsEnvironment, loadAppsScript, type Cell, type SheetsEnvironment } from '../../preview/src/apps-script';
import { seededRandom } from '../../shared/src/generate';
import { analyzeResultsTable, scoreUseCaseTable } from '../../shared/src/experiments';
import type { FakeSheet } from '../../preview/src/apps-script/fake-spreadsheet';
import { medianMs } from './measure';

const dist = process.env.ONBRAND_DIST ?? 'dist';
const families = ['SpreadsheetApp.', 'Spreadsheet.', 'Sheet.', 'Range.', 'RangeList.', 'NamedRange.', 'DataValidationBuilder.', 'ConditionalFormatRuleBuilder.'];

function spreadsheetCalls(env: SheetsEnvironment): number {
  return Object.entries(env.calls.byName())
    .filter(([name]) => families.some((family) => name.startsWith(family)))
    .reduce((sum, [, n]) => sum + n, 0);
}

function workload(): Record<string, Cell[][]> {
  const random = seededRandom('00000007').next;
  const level = () => 1 + Math.floor(random() * 5);
  const names = Array.from({ length: 5000 }, (_, i) => `Use case ${i + 1}`);
  const arms = ['control', 'B', 'C', 'D'];
  return {
    'Use cases': [['Name', 'Stage'], ...names.map((name) => [name, 'ideate'])],
    Scoring: [['Use case', 'Impact', 'Feasibility', 'Risk', 'Data readiness', 'Reach', 'RICE impact', 'Confidence', 'Effort'], ...names.map((name) => [name, level(), level(), level(), level(), Math.floor(random() * 10000), '', 0.8, level()])],
    Experiments: [['Experiment', 'Baseline rate', 'MDE', 'Daily traffic'], ...Array.from({ length: 50 }, (_, i) => [`Experiment ${i}`, 0.04, 0.1, 5000])],
    Results: [
      ['Experiment', 'Arm', 'Period', 'Segment', 'Visitors', 'Conversions'],
      ...Array.from({ length: 2000 }, (_, i) => {
        const group = Math.floor(i / arms.length);
        const visitors = 5000 + Math.floor(random() * 20000);
        return [`Experiment ${group % 50}`, arms[i % arms.length]!, `week ${Math.floor(group / 50) + 1}`, 'all', visitors, Math.floor(visitors * (0.03 + random() * 0.02))];
      }),
    ],
  };
}

/**
 * The same work done the way a first script often does it: every input cell read with its own
 * getRange().getValue() and every output cell written with setValue. Runs on the fake to count.
 */
function cellByCell(env: SheetsEnvironment, sheetName: string, inputs: number, compute: (header: unknown[], rows: unknown[][]) => unknown[][]): number {
  const sheet = env.spreadsheet.sheets.find((candidate) => candidate.snapshotName() === sheetName) as FakeSheet;
  const rows = sheet.snapshotLastRow();
  env.calls.reset();
  const header = Array.from({ length: inputs }, (_, c) => sheet.getRange(1, c + 1).getValue());
  const body = Array.from({ length: rows - 1 }, (_, r) => Array.from({ length: inputs }, (_, c) => sheet.getRange(r + 2, c + 1).getValue()));
  compute(header, body).forEach((cells, r) => cells.forEach((value, c) => sheet.getRange(r + 2, inputs + 1 + c).setValue(value)));
  return spreadsheetCalls(env);
}

/** The Sheets workloads' figures, with their call budgets. */
export async function benchSheets(): Promise<Record<string, unknown>> {
  const code = readFileSync(join(dist, 'sheets-addon/Code.js'), 'utf8');
  const env = createSheetsEnvironment({ name: 'Bench', sheets: workload(), files: {} });
  const script = loadAppsScript(code, env.services);
  env.calls.reset();
  script.run('setupTracker', [{}]);
  const setupCalls = spreadsheetCalls(env);
  const measure = (endpoint: string) => {
    env.calls.reset();
    const result = script.run(endpoint, [{}]) as { ok: boolean; error?: { message: string } };
    if (!result.ok) throw new Error(`${endpoint} failed: ${result.error?.message}`);
    return spreadsheetCalls(env);
  };
  const scoreCalls = measure('scoreUseCases');
  const analyzeCalls = measure('analyzeExperiments');
  const setupAgainCalls = measure('setupTracker');
  const insightsStarted = performance.now();
  const insightsCalls = measure('writeInsights');
  const insightsMs = Math.round((performance.now() - insightsStarted) * 10) / 10;
  const contrast = createSheetsEnvironment({ name: 'Contrast', sheets: workload(), files: {} });
  const scoreCellByCell = cellByCell(contrast, 'Scoring', 9, (header, rows) => {
    const scored = scoreUseCaseTable(header, rows);
    return scored.ok ? scored.value.cells : [];
  });
  const analyzeCellByCell = cellByCell(contrast, 'Results', 6, (_, rows) => analyzeResultsTable(rows).cells);
  return {
    sheetsScore5000Calls: scoreCalls,
    sheetsScore5000Ms: medianMs(() => script.run('scoreUseCases', [{}])),
    sheetsScore5000CellByCellCalls: scoreCellByCell,
    sheetsAnalyze2000Calls: analyzeCalls,
    sheetsAnalyze2000Ms: medianMs(() => script.run('analyzeExperiments', [{}])),
    sheetsAnalyze2000CellByCellCalls: analyzeCellByCell,
    // Set up and insights touch many sheets; their calls are fixed, whatever the number of rows.
    sheetsSetupCalls: setupCalls,
    sheetsSetupAgainCalls: setupAgainCalls,
    sheetsInsights2000Calls: insightsCalls,
    sheetsInsights2000Ms: insightsMs,
    budgets: [
      ['sheetsScore5000Calls', '≤', 10],
      ['sheetsAnalyze2000Calls', '≤', 10],
    ],
  };
}
