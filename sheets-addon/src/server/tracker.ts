import { sheetFormats, stages } from '@onbrand/shared/experiments';
import { auditColumns } from '@onbrand/shared/governance';

// The tracker's sheets: what Set up creates and what every operation reads. Columns are found by
// header name, case-insensitively, so people may reorder them or add their own; each sheet is also
// a named range over whole columns, which Sheets widens when columns are inserted inside it.

/** A colour rule for one column: a cell equal to a word, or (for flags) a formula relative to row 2. */
export type ColourRule = { equals: string; background: string; color?: string } | { formula: (column: string) => string; background: string; color?: string };

export interface ColumnSpec {
  header: string;
  /** A Sheets number format pattern. */
  format?: string;
  /** Dropdown values; the cell keeps other values but shows a warning. */
  dropdown?: readonly string[];
  /** A whole-number score from 1 to 5, with a help text. */
  scale?: true;
  colours?: readonly ColourRule[];
  width?: number;
}

export interface SheetSpec {
  name: string;
  /** The named range over the sheet's table. */
  rangeName: string;
  columns: readonly ColumnSpec[];
}

export const capabilities = ['speed of insight', 'personalization at scale', 'creative velocity', 'strategic modeling'] as const;
export const recordedDecisions = ['scale', 'iterate', 'stop'] as const;
export const learningStatuses = ['emerging', 'supported', 'confirmed', 'rejected'] as const;
export const metricFamilies = ['outcome', 'operational', 'learning'] as const;
export const metricNames = ['conversion', 'revenue', 'ROAS', 'CAC', 'LTV', 'time saved', 'content throughput', 'cycle time', 'experiments documented', 'reuse', 'adoption'] as const;
export const reviewStates = ['needs review', 'approved', 'dismissed'] as const;

// Google's own palette for chips: light fills with dark text stay readable in both themes.
const green = '#ceead6';
const red = '#fad2cf';
const amber = '#feefc3';
const blue = '#d2e3fc';
const grey = '#e8eaed';

/** One chip colour per dropdown value, in the same order. */
const chips = (values: readonly string[], backgrounds: readonly string[]): ColourRule[] => values.map((equals, i) => ({ equals, background: backgrounds[i]! }));

/** A colour for a filled cell whose value passes a test against row 2's cell: `<>"OK"`, `>=60`. */
const whenFilled = (test: string, background: string, color?: string): ColourRule => ({ formula: (c) => `=AND($${c}2<>"",$${c}2${test})`, background, color });

const stageColours = chips(stages, [grey, blue, '#e9d2fd', amber, '#d7f0f5', green]);
const decisionColours = chips([...recordedDecisions, 'keep-running'], [green, amber, red, blue]);
// Columns several sheets share. A Status cell that is neither blank nor OK holds the reason a row was left out.
const status: ColumnSpec = { header: 'Status', colours: [whenFilled('<>"OK"', amber, '#7a4f01')], width: 200 };
const experiment: ColumnSpec = { header: 'Experiment', width: 180 };
const useCase: ColumnSpec = { header: 'Use case', width: 160 };
const decision: ColumnSpec = { header: 'Decision', dropdown: recordedDecisions, colours: decisionColours };

const percent = '0.0%';
const count = sheetFormats.count;
const date = 'yyyy-mm-dd';

/** A sheet's spec; a column given by its header alone has no format, dropdown, colour or width. */
function sheet(name: string, rangeName: string, columns: readonly (string | ColumnSpec)[]): SheetSpec {
  return { name, rangeName, columns: columns.map((column) => (typeof column === 'string' ? { header: column } : column)) };
}

export const useCasesSheet = sheet('Use cases', 'OnbrandUseCases', [
  { header: 'Name', width: 180 },
  'Owner',
  'Team',
  { header: 'Capability', dropdown: capabilities, width: 170 },
  { header: 'Problem', width: 220 },
  { header: 'Hypothesis', width: 220 },
  { header: 'Data sources', width: 160 },
  { header: 'Stage', dropdown: stages, colours: stageColours },
]);

export const scoringSheet = sheet('Scoring', 'OnbrandScoring', [
  { header: 'Use case', width: 180 },
  { header: 'Impact', scale: true },
  { header: 'Feasibility', scale: true },
  { header: 'Risk', scale: true },
  { header: 'Data readiness', scale: true },
  { header: 'Reach', format: count },
  'RICE impact',
  { header: 'Confidence', format: '0%' },
  'Effort',
  { header: 'Weekly traffic', format: count },
  { header: 'Baseline rate', format: '0.00%' },
  { header: 'Expected lift', format: percent },
  { header: 'Score', format: '0.0', colours: [whenFilled('>=60', green), whenFilled('<40', red)] },
  { header: 'RICE', format: '#,##0.0' },
  { header: 'Rank', format: '0' },
  { header: 'Next stage', colours: stageColours },
  { header: 'Why', width: 260 },
  { header: 'Lift in 2 weeks', format: sheetFormats.lift },
  { header: 'Lift in 4 weeks', format: sheetFormats.lift },
  { header: 'Lift in 8 weeks', format: sheetFormats.lift },
  { header: 'Detectability', width: 320 },
  status,
]);

export const experimentsSheet = sheet('Experiments', 'OnbrandExperiments', [
  experiment,
  useCase,
  { header: 'Control group', width: 180 },
  'Primary metric',
  { header: 'Guardrail metrics', width: 160 },
  { header: 'Baseline rate', format: '0.00%' },
  { header: 'MDE', format: percent },
  { header: 'Alpha', format: '0.00' },
  { header: 'Power', format: '0%' },
  { header: 'Daily traffic', format: count },
  { header: 'Arms', format: '0' },
  { header: 'Start date', format: date },
  { header: 'End date', format: date },
  decision,
  { header: 'Sample per arm', format: count },
  { header: 'Days', format: '0' },
  status,
  { header: 'Alpha per comparison', format: '0.0000' },
  { header: 'Last arm costs', format: count },
  { header: 'Hypothesis', width: 260 },
  // The frozen plan's version and hash, or the edits made since it was frozen: written by the add-on.
  { header: 'Plan', width: 240 },
]);

export const resultsSheet = sheet('Results', 'OnbrandResults', [
  experiment,
  'Arm',
  'Period',
  'Segment',
  { header: 'Visitors', format: count },
  { header: 'Conversions', format: count },
  { header: 'Revenue', format: '#,##0.00' },
  { header: 'Revenue sum of squares', format: '#,##0.00', width: 150 },
  { header: 'Brand fit', format: '0' },
  { header: 'Rate', format: sheetFormats.rate },
  { header: 'Lift', format: sheetFormats.lift },
  { header: 'CI low', format: sheetFormats.lift },
  { header: 'CI high', format: sheetFormats.lift },
  { header: 'p-value', format: sheetFormats.pValue },
  { header: 'Holm p', format: sheetFormats.pValue },
  { header: 'P(beat control)', format: sheetFormats.probability },
  { header: 'Lift to date', format: sheetFormats.lift },
  { header: 'Holm p to date', format: sheetFormats.pValue },
  { header: 'P(beat) to date', format: sheetFormats.probability },
  { header: 'Revenue per visitor', format: '#,##0.00' },
  { header: 'RPV lift to date', format: sheetFormats.lift },
  { header: 'RPV Holm p to date', format: sheetFormats.pValue },
  { header: 'RPV P(beat) to date', format: sheetFormats.probability },
  { header: 'Guardrails', width: 280 },
  { header: 'SRM', colours: [{ formula: (c) => `=$${c}2=TRUE`, background: red, color: '#8c1d18' }] },
  { header: 'Decision', colours: decisionColours },
  { header: 'Reasons', width: 320 },
  status,
]);

export const learningSheet = sheet('Learning log', 'OnbrandLearning', [
  { header: 'Date', format: date },
  useCase,
  { header: 'Experiment', width: 160 },
  decision,
  { header: 'Evidence', width: 240 },
  { header: 'Learning', width: 240 },
  { header: 'Status', dropdown: learningStatuses, colours: chips(learningStatuses, [grey, blue, green, red]) },
  'Owner',
]);

// The audit trail's columns are the one record shape every surface exports, named as in the exports.
const auditWidths: Partial<Record<(typeof auditColumns)[number], number>> = { when: 170, who: 170, subject: 220, textHash: 120, detail: 320 };
export const auditSheet = sheet('Audit log', 'OnbrandAudit', auditColumns.map((header) => ({ header, width: auditWidths[header] })));
/** Where the Audit log's oldest rows move past its cap; made when first needed. */
export const auditArchiveSheet = sheet('Audit log archive', 'OnbrandAuditArchive', auditSheet.columns);

export const metricsSheet = sheet('Metrics', 'OnbrandMetrics', [
  useCase,
  { header: 'Family', dropdown: metricFamilies },
  { header: 'Metric', dropdown: metricNames },
  'Unit',
  'Baseline',
  'Current',
  'Target',
  'Period',
  { header: 'Notes', width: 220 },
]);

export const insightsSheet = sheet('Insights', 'OnbrandInsights', [
  'Id',
  { header: 'Date', format: date },
  'Kind',
  { header: 'Experiment', width: 160 },
  { header: 'Headline', width: 260 },
  { header: 'Narrative', width: 420 },
  { header: 'Rows', width: 120 },
  { header: 'Written by', width: 160 },
  { header: 'Review', dropdown: reviewStates, colours: chips(reviewStates, [amber, green, grey]) },
]);

export const settingsSheet = sheet('Settings', 'OnbrandSettings', [
  { header: 'Setting', width: 220 },
  { header: 'Value', width: 160 },
  { header: 'Notes', width: 380 },
]);

// Pre-registration: one row per frozen analysis plan, never edited. The JSON is what the hash is
// of (SHA-256 of the canonical JSON), so anyone can check a plan with any SHA-256 tool.
export const plansSheet = sheet('Plans', 'OnbrandPlans', [
  { header: 'Experiment', width: 160 },
  { header: 'Version', format: '0' },
  { header: 'Frozen at', width: 170 },
  { header: 'Frozen by', width: 170 },
  { header: 'Hash', width: 160 },
  { header: 'Plan', width: 320 },
  { header: 'Summary', width: 420 },
]);

// The peeking ledger: each analysis of a running experiment, the data it saw, and the always-valid
// interval and p-value as of that look, one row per variant.
export const ledgerSheet = sheet('Peeking ledger', 'OnbrandLooks', [
  { header: 'When', width: 170 },
  experiment,
  'Segment',
  { header: 'Look', format: '0' },
  { header: 'Data seen', width: 240 },
  'Arm',
  { header: 'Difference', format: '+0.00%;-0.00%;0.00%' },
  { header: 'Always-valid low', format: '+0.00%;-0.00%;0.00%' },
  { header: 'Always-valid high', format: '+0.00%;-0.00%;0.00%' },
  { header: 'Always-valid p', format: sheetFormats.pValue },
  { header: 'By', width: 170 },
]);

/** Every tracker sheet, in tab order. */
export const trackerSheets: readonly SheetSpec[] = [useCasesSheet, scoringSheet, experimentsSheet, resultsSheet, learningSheet, auditSheet, metricsSheet, insightsSheet, settingsSheet, plansSheet, ledgerSheet];
