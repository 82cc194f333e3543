import { findInsights, narrate, plural, rowsText, type Insight } from '@onbrand/shared/experiments';
import type { BrandKit } from '@onbrand/shared/kit';
import { hashString, offlineModel } from '@onbrand/shared/generate';
import { parseKit } from '@onbrand/shared/kit';
import type { Report } from '../contract';
import { deadline, keepContinuation, type Clock } from './continuation';
import { analyzeResults, readPlans } from './experiment-data';
import { narrateWithModel, type ModelAccess } from './model-narrative';
import { missingColumns, needsFix, needsSetup, report } from './report';
import { readSettings, type TrackerSettings } from './settings';
import { appendRows, columnLetter, lookup, readTable, textColumn } from './table';
import { auditSheet, experimentsSheet, insightsSheet, resultsSheet } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// Insights are appended to the Insights sheet, one row each, keyed by a stable Id: an insight
// already in the sheet is never written again, so notes and review marks people add stay, and a
// run that paused for time continues with the insights it had not reached.

export interface InsightDeps {
  clock: Clock;
  /** The language model, when the team chose one and this user saved a key; offline otherwise. */
  model: ModelAccess | null;
  /** Why the offline writer stands in for the chosen provider, shown in Written by. */
  modelNote?: string;
  kit: BrandKit | null;
  user: string;
  /** The Settings, when the caller has read them already. */
  settings?: TrackerSettings;
}

/** A stable id for an insight: the same anomaly on the same rows keeps its id across runs. */
export function insightId(insight: Insight): string {
  const key =
    insight.kind === 'winner' ? [insight.period, insight.segment, insight.variant]
    : insight.kind === 'srm' ? [insight.period, insight.segment]
    : insight.kind === 'falling-segment' ? [insight.arm, insight.segment, insight.periods[0]]
    : [insight.endDate];
  return `${insight.kind}-${hashString(JSON.stringify([insight.experiment, ...key])).slice(0, 8)}`;
}

const kindOrder: Insight['kind'][] = ['winner', 'srm', 'falling-segment', 'overdue'];

/** A link to the insight's rows on the Results sheet: Sheets opens `#gid=…&range=…` in the same file. */
function rowsLink(gid: number, rows: readonly number[], lastColumn: string): string {
  if (rows.length === 0) return '';
  const label = rowsText(rows).replace(/"/g, '""');
  return `=HYPERLINK("#gid=${gid}&range=A${Math.min(...rows)}:${lastColumn}${Math.max(...rows)}","${label}")`;
}

/** Appends rows to the Audit log, when there are any and the sheet exists. */
export function appendAudit(spreadsheet: Spreadsheet, rows: readonly Record<string, unknown>[]): void {
  const table = rows.length > 0 ? readTable(spreadsheet, auditSheet) : null;
  if (table) appendRows(table, rows);
}

/** Finds the anomalies in Results, narrates the new ones and appends them to the Insights sheet. */
export function writeInsights(spreadsheet: Spreadsheet, deps: InsightDeps): Report {
  const outOfTime = deadline(deps.clock);
  const settings = deps.settings ?? readSettings(spreadsheet).settings;
  const results = readTable(spreadsheet, resultsSheet);
  const insightsTable = readTable(spreadsheet, insightsSheet);
  if (!results) return needsSetup('insights', resultsSheet.name);
  if (!insightsTable) return needsSetup('insights', insightsSheet.name);
  const experiments = readTable(spreadsheet, experimentsSheet);
  const plans = readPlans(experiments);
  const analyzed = analyzeResults(results, plans);
  if (!analyzed.ok) return needsFix('insights', missingColumns(resultsSheet.name, analyzed.issues), analyzed.issues);

  const now = new Date(deps.clock.now()).toISOString();
  const { analysis, alphaOf } = analyzed.value;
  const t = settings.thresholds;
  // Winners are judged at their group's α. Insights come kind by kind, then α by α in the order
  // the experiments come, as the Results sheet is analyzed.
  const found = findInsights(analysis, { minLift: t.winnerLift, fallingPeriods: t.fallingPeriods, graceDays: t.graceDays, plans: plans.plans, now });
  const alphas = [...new Set(analysis.rows.map((row) => row.experiment).concat(Object.keys(plans.plans)).map(alphaOf))];
  const alphaRank = (insight: Insight) => alphas.indexOf(alphaOf(insight.experiment));
  found.sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || alphaRank(a) - alphaRank(b));

  const existing = new Set(insightsTable.rows.map(textColumn(insightsTable, 'Id')));
  const fresh = found.map((insight) => ({ insight, id: insightId(insight) })).filter(({ id }) => !existing.has(id));
  const gid = fresh.length > 0 ? results.range.getSheet().getSheetId() : 0;
  const lastColumn = columnLetter(Math.max(1, results.header.length));
  const decisionOf = (name: string) => analysis.groups.find((group) => group.experiment === name)?.decision.decision ?? '';
  const kit = deps.kit ?? minimalKit();

  const rows: Record<string, unknown>[] = [];
  const audit: Record<string, unknown>[] = [];
  for (const { insight, id } of fresh) {
    if (outOfTime()) break;
    const narrative = narrate(insight);
    let headline = narrative.headline;
    let text = narrative.text;
    let writtenBy = `Onbrand offline (${deps.modelNote ?? offlineModel})`;
    if (deps.model) {
      const written = narrateWithModel(narrative, { metric: lookup(experiments, 'Experiment', insight.experiment, 'Primary metric'), decision: decisionOf(insight.experiment) }, kit, deps.model);
      if (written.ok) {
        headline = written.headline;
        text = written.text;
        writtenBy = `AI draft: ${deps.model.provider} ${written.model}`;
        audit.push({ When: new Date(deps.clock.now()).toISOString(), Who: deps.user, Action: 'generate insight', Template: `${written.templateId}@${written.templateVersion}`, Provider: deps.model.provider, Model: written.model, Detail: `${id}: ${headline}` });
      } else {
        writtenBy = `Onbrand offline (${deps.model.provider} failed: ${written.why})`;
      }
    }
    rows.push({ Id: id, Date: new Date(deps.clock.now()).toISOString().slice(0, 10), Kind: insight.kind, Experiment: insight.experiment, Headline: headline, Narrative: text, Rows: rowsLink(gid, insight.rows, lastColumn), 'Written by': writtenBy, Review: 'needs review' });
  }
  appendRows(insightsTable, rows);
  appendAudit(spreadsheet, audit);

  const paused = rows.length < fresh.length;
  const known = found.length - fresh.length;
  keepContinuation('insights', paused ? { target: insightsSheet.name, done: known + rows.length, total: found.length, savedAt: now } : null);
  const written = `Wrote ${plural(rows.length, 'new insight')}${known ? ` (${known} already in the sheet)` : ''}`;
  return report(
    'insights',
    paused ? 'paused' : 'done',
    paused ? `${written}, then paused before the time limit. Run Write insights again to continue.` : found.length === 0 ? 'No anomalies found: nothing to write.' : `${written}.`,
    { processed: rows.length, progress: { done: known + rows.length, total: found.length } },
  );
}

function minimalKit(): BrandKit {
  const parsed = parseKit({ schemaVersion: 1, name: 'the team', version: '1.0.0' });
  if (!parsed.ok) throw new Error('The minimal kit is invalid.');
  return parsed.value;
}
