import { findInsights, insightKey, narrate, plural, rowsText, type Insight } from '@onbrand/shared/experiments';
import type { BrandKit } from '@onbrand/shared/kit';
import { hashString, offlineModel, retryPolicyWithin } from '@onbrand/shared/generate';
import { parseKit } from '@onbrand/shared/kit';
import { describeHeldBack } from '@onbrand/shared/privacy';
import type { Report } from '../contract';
import { deadline, keepContinuation, timeLeft, type Clock } from './continuation';
import { analyzeResults, readPlans } from './experiment-data';
import { narrateWithModel, type ModelAccess } from './model-narrative';
import { missingColumns, needsFix, needsSetup, report } from './report';
import { readSettings, type TrackerSettings } from './settings';
import { appendRows, columnIndex, columnLetter, Formula, lookup, readTable, textColumn, writeColumns, type Table } from './table';
import { experimentsSheet, insightsSheet, resultsSheet } from './tracker';
import { appendAudit, sheetsRecord } from './audit-trail';
import type { AuditRecord } from '@onbrand/shared/governance';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// Insights go to the Insights sheet, one row per finding, keyed by a stable Id (its kind,
// experiment, metric, segment and arm): a finding already in the sheet is updated in place when its
// figures or rows moved on, and left alone otherwise, so it never repeats and the notes and review
// marks people add stay; an approved insight whose figures changed goes back to review. A run that
// paused for time continues with the insights it had not reached. With a language model,
// each finished insight is written before the model is asked for the next, under the document lock
// only for that write: a slow model neither blocks other people's edits nor, if Apps Script stops
// the run at its time limit, takes the insights already written with it.

/** Time a model call needs to be worth starting: an answer, and a retry or two. */
const modelCallMs = 60_000;

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
  /**
   * Runs one write under the document lock, for a run that holds no lock while the model
   * writes; each write then reads the Insights sheet afresh. Without it, the caller holds the lock.
   */
  locked?: <T>(write: () => T) => T;
}

/** A stable id for an insight: the same finding keeps its id across runs while its figures move on. */
export function insightId(insight: Insight): string {
  return `${insight.kind}-${hashString(insightKey(insight)).slice(0, 8)}`;
}

const kindOrder: Insight['kind'][] = ['winner', 'srm', 'falling-segment', 'overdue'];

/** A link to the insight's rows on the Results sheet: Sheets opens `#gid=…&range=…` in the same file. */
function rowsLink(gid: number, rows: readonly number[], lastColumn: string): Formula | string {
  if (rows.length === 0) return '';
  const label = rowsText(rows).replace(/"/g, '""');
  return new Formula(`=HYPERLINK("#gid=${gid}&range=A${Math.min(...rows)}:${lastColumn}${Math.max(...rows)}","${label}")`);
}

/** Finds the anomalies in Results, narrates the new ones and appends them to the Insights sheet. */
export function writeInsights(spreadsheet: Spreadsheet, deps: InsightDeps): Report {
  const outOfTime = deadline(deps.clock);
  const left = timeLeft(deps.clock);
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

  // A finding in the sheet is written again only when its rows, or its offline narrative, changed.
  const [idOf, rowsOf, narrativeOf, writerOf] = ['Id', 'Rows', 'Narrative', 'Written by'].map((name) => textColumn(insightsTable, name));
  const existing = new Map(insightsTable.rows.map((row) => [idOf!(row), row]));
  const unchanged = (insight: Insight, row: readonly unknown[]) =>
    rowsOf!(row) === rowsText(insight.rows) && (!writerOf!(row).startsWith('Onbrand offline') || narrativeOf!(row) === narrate(insight).text);
  const fresh = found.map((insight) => ({ insight, id: insightId(insight) })).filter(({ insight, id }) => {
    const row = existing.get(id);
    return !row || !unchanged(insight, row);
  });
  const gid = fresh.length > 0 ? results.range.getSheet().getSheetId() : 0;
  const lastColumn = columnLetter(Math.max(1, results.header.length));
  const decisionOf = (name: string) => analysis.runs.find((run) => run.experiment === name)?.decision.decision ?? '';
  const kit = deps.kit ?? minimalKit();

  // Rows finished but not yet written, and how many have been written.
  let rows: Record<string, unknown>[] = [];
  let audit: AuditRecord[] = [];
  const auditContext = { who: deps.user, file: spreadsheet.getName(), kitName: deps.kit?.name ?? '', kitVersion: deps.kit?.version ?? '' };
  let written = 0;
  let updated = 0;
  // What the privacy screen held back or refused, said once in the report (kinds and counts, never values).
  const privacy = new Set<string>();
  const write = () => {
    if (rows.length > 0) (deps.locked ? deps.locked(() => appendNew(spreadsheet, null, rows, audit)) : appendNew(spreadsheet, insightsTable, rows, audit));
    written += rows.length;
    rows = [];
    audit = [];
  };
  for (const { insight, id } of fresh) {
    if (outOfTime()) break;
    const narrative = narrate(insight);
    let headline = narrative.headline;
    let text = narrative.text;
    let writtenBy = `Onbrand offline (${deps.modelNote ?? offlineModel})`;
    if (deps.model) {
      // What is finished goes in before the model is asked for more.
      write();
      if (left() < modelCallMs) break;
      const context = { metric: lookup(experiments, 'Experiment', insight.experiment, 'Primary metric'), decision: decisionOf(insight.experiment) };
      const answer = narrateWithModel(narrative, context, kit, deps.model, retryPolicyWithin(left() - modelCallMs));
      if (answer.ok) {
        headline = answer.headline;
        text = answer.text;
        writtenBy = `AI draft: ${deps.model.provider} ${answer.model}`;
        answer.notices.forEach((notice) => privacy.add(notice));
        const held = answer.heldBack.length > 0 ? `held back: ${describeHeldBack(answer.heldBack)}` : '';
        const fields = { action: 'generated' as const, subject: `${id}: ${headline}`, templateId: answer.templateId, templateVersion: answer.templateVersion, provider: deps.model.provider, model: answer.model, text, detail: held };
        audit.push(sheetsRecord(fields, auditContext, new Date(deps.clock.now())));
      } else if (answer.blocked) {
        privacy.add(answer.why);
        writtenBy = `Onbrand offline (not sent to ${deps.model.provider}: the kit's privacy policy blocks personal data)`;
      } else {
        writtenBy = `Onbrand offline (${deps.model.provider} failed: ${answer.why})`;
      }
    }
    if (existing.has(id)) updated++;
    rows.push({ Id: id, Date: new Date(deps.clock.now()).toISOString().slice(0, 10), Kind: insight.kind, Experiment: insight.experiment, Headline: headline, Narrative: text, Rows: rowsLink(gid, insight.rows, lastColumn), 'Written by': writtenBy, Review: 'needs review' });
  }
  write();

  const paused = written < fresh.length;
  const known = found.length - fresh.length;
  const keep = () => keepContinuation('insights', paused ? { target: insightsSheet.name, done: known + written, total: found.length, savedAt: now } : null);
  if (deps.locked) deps.locked(keep);
  else keep();
  const news = written - updated;
  const changes = [news > 0 || updated === 0 ? `Wrote ${plural(news, 'new insight')}` : '', updated > 0 ? `${news > 0 ? 'updated' : 'Updated'} ${plural(updated, 'insight')} whose figures moved on` : ''];
  const wrote = `${changes.filter(Boolean).join(' and ')}${known ? ` (${known} already in the sheet)` : ''}`;
  return report(
    'insights',
    paused ? 'paused' : 'done',
    [paused ? `${wrote}, then paused before the time limit. Run Write insights again to continue.` : found.length === 0 ? 'No anomalies found: nothing to write.' : `${wrote}.`, ...privacy].join(' '),
    { processed: written, progress: { done: known + written, total: found.length } },
  );
}

/**
 * Appends new insights, updates those already in the sheet (by Id) in place, and appends their
 * audit rows. Given no table, it reads the Insights sheet first (the caller has just taken the
 * lock), so an insight another run wrote meanwhile is updated rather than repeated.
 */
function appendNew(spreadsheet: Spreadsheet, read: Table | null, rows: readonly Record<string, unknown>[], audit: readonly AuditRecord[]): void {
  const table = read ?? readTable(spreadsheet, insightsSheet);
  if (!table) return;
  const ids = table.rows.map(textColumn(table, 'Id'));
  const updates = new Map<number, Record<string, unknown>>();
  const added: Record<string, unknown>[] = [];
  for (const row of rows) {
    const at = ids.indexOf(String(row.Id));
    if (at >= 0) updates.set(at, row);
    else added.push(row);
  }
  if (updates.size > 0) updateRows(spreadsheet, table, updates);
  appendRows(table, added);
  appendAudit(spreadsheet, audit);
  // The rows now in the sheet, so a second append from the same table goes below them.
  const idAt = columnIndex(table.header, 'Id');
  if (read) read.rows.push(...added.map((row) => table.header.map((_, column) => (column === idAt ? row.Id : ''))));
}

/** The columns an update rewrites: what the finding says and where it rests, never the Id or Kind. */
const updatedColumns = ['Date', 'Headline', 'Narrative', 'Rows', 'Written by', 'Review'];

/**
 * Rewrites the updated insights' own columns in one setValues; every other row is written back as
 * read, its Rows link as the formula it is. An approved insight goes back to review; a dismissed
 * one stays dismissed.
 */
function updateRows(spreadsheet: Spreadsheet, table: Table, updates: ReadonlyMap<number, Record<string, unknown>>): void {
  const at = updatedColumns.map((name) => columnIndex(table.header, name));
  const linkAt = at[updatedColumns.indexOf('Rows')]!;
  const links = linkAt >= 0 ? table.range.offset(1, linkAt, table.rows.length, 1).getFormulas() : [];
  const reviewOf = textColumn(table, 'Review');
  const cells = table.rows.map((row, index) => {
    const update = updates.get(index);
    return updatedColumns.map((name, k) => {
      if (update) return name === 'Review' && reviewOf(row) === 'dismissed' ? 'dismissed' : update[name];
      const link = name === 'Rows' ? links[index]?.[0] : '';
      return link ? new Formula(link) : row[at[k]!];
    });
  });
  writeColumns(spreadsheet, table, updatedColumns, cells);
}

function minimalKit(): BrandKit {
  const parsed = parseKit({ schemaVersion: 1, name: 'the team', version: '1.0.0' });
  if (!parsed.ok) throw new Error('The minimal kit is invalid.');
  return parsed.value;
}
