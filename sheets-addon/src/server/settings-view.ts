import { maskApiKey, readApiKey, saveApiKey, storeKitJson } from '@onbrand/apps-script/server';
import { RpcFailure } from '@onbrand/shared/rpc';
import { parseKitJson } from '@onbrand/shared/kit';
import type { InsightItem, SettingsChange, SettingsView } from '../contract';
import { findKit } from './kit-source';
import { issueList, issueMessages } from './report';
import { checkServerUrl, readSettings, rowsByLabel, scoringWeights, settingRows, settingValue, type TrackerSettings } from './settings';
import { appendRows, columnIndex, readTable, textColumn, writeColumns } from './table';
import { insightsSheet } from './tracker';
import { appendAudit, latestRecord, sheetsContext, sheetsRecord } from './audit-trail';
import { activeIdentity } from '@onbrand/apps-script/server';
import { checkApprover, reportProblem } from '@onbrand/shared/governance';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The settings as the sidebar shows them: the API key only masked, the kit only by name. A save passes what it wrote. */
export function settingsView(spreadsheet: Spreadsheet, { settings, issues, table } = readSettings(spreadsheet)): SettingsView {
  const { kitJson, ...shown } = settings;
  const kit = findKit(kitJson);
  return {
    ...shown,
    ready: table !== null,
    apiKeyMasked: settings.provider === 'offline' ? null : maskApiKey(readApiKey(settings.provider)),
    kitName: kit.kit ? `${kit.kit.name} ${kit.kit.version}` : null,
    issues: [...issues, ...kit.issues],
  };
}

/**
 * Saves changes: settings go to the Settings sheet (one write), the brand kit to this file's
 * properties after validation, and the API key to this user's own properties, never to the sheet.
 */
export function saveSettingsChange(spreadsheet: Spreadsheet, change: SettingsChange): SettingsView {
  const { settings, table } = readSettings(spreadsheet);
  if (!table) throw new RpcFailure('needs_setup', 'There is no Settings sheet yet. Choose Set up tracker first.');
  const next: TrackerSettings = {
    ...settings,
    weights: { ...settings.weights, ...change.weights },
    thresholds: { ...settings.thresholds, ...change.thresholds },
    provider: change.provider ?? settings.provider,
    model: change.model ?? settings.model,
    baseUrl: change.baseUrl?.trim() ?? settings.baseUrl,
    channel: change.channel ?? settings.channel,
  };
  const weights = scoringWeights(next);
  if (!weights.ok) throw new RpcFailure('bad_settings', issueMessages(weights.issues));
  const url = next.baseUrl === '' ? null : checkServerUrl(next.baseUrl);
  if (url && !url.ok) throw new RpcFailure('bad_settings', `Model server URL: ${url.problem}.`);
  const bad = Object.entries(next.thresholds).filter(([, value]) => !Number.isFinite(value) || value < 0);
  if (bad.length > 0) throw new RpcFailure('bad_settings', `These thresholds must be numbers of at least 0: ${bad.map(([name]) => name).join(', ')}.`);
  if (change.kitJson !== undefined && change.kitJson.trim() !== '') {
    const parsed = parseKitJson(change.kitJson);
    if (!parsed.ok) throw new RpcFailure('bad_kit', `The brand kit is not valid: ${issueList(parsed.issues.slice(0, 5))}`);
    storeKitJson('document', change.kitJson);
  }
  if (change.apiKey !== undefined && next.provider !== 'offline') saveApiKey(next.provider, change.apiKey);

  const rowOf = rowsByLabel(table);
  const editable = settingRows.filter((row) => row.key !== 'kitJson');
  const values = table.rows.map((row) => [row[columnIndex(table.header, 'Value')] ?? '']);
  for (const row of editable) {
    const index = rowOf.get(row.label.toLowerCase());
    if (index !== undefined) values[index]![0] = settingValue(next, row.key);
  }
  writeColumns(spreadsheet, table, ['Value'], values);
  appendRows(table, editable.filter((row) => !rowOf.has(row.label.toLowerCase())).map((row) => ({ Setting: row.label, Value: settingValue(next, row.key), Notes: row.note })));
  // Every row that could hold a bad value has just been written from checked settings; a server
  // the fetch allowlist lacks is kept, with the notice saying how to add it.
  const notices = url?.ok && url.notice ? [{ path: 'Settings › Model server URL', message: url.notice }] : [];
  return settingsView(spreadsheet, { settings: next, issues: notices, table });
}

/** The Insights sheet's rows, newest first; a caller that has just read the sheet passes its table. */
export function listInsights(spreadsheet: Spreadsheet, table = readTable(spreadsheet, insightsSheet)): InsightItem[] {
  if (!table) return [];
  const column = (name: string) => textColumn(table, name);
  const [id, kind, experiment, headline, narrative, rows, writtenBy, review] = [column('Id'), column('Kind'), column('Experiment'), column('Headline'), column('Narrative'), column('Rows'), column('Written by'), column('Review')] as const;
  return table.rows
    .map((row, index) => ({ id: id(row), kind: kind(row), experiment: experiment(row), headline: headline(row), narrative: narrative(row), rows: rows(row), writtenBy: writtenBy(row), review: review(row), sheetRow: index + 2 }))
    .filter((item) => item.headline !== '')
    .reverse()
    .slice(0, 30);
}

/** An insight's row, its text and where it came from (the model named in Written by, the template from its generated record). */
function insightRow(spreadsheet: Spreadsheet, id: string) {
  const table = readTable(spreadsheet, insightsSheet);
  const index = table ? table.rows.map(textColumn(table, 'Id')).indexOf(id) : -1;
  if (!table || index < 0) return { table, found: null };
  const row = table.rows[index]!;
  const ai = /^AI draft: (\S+) (.+)$/.exec(textColumn(table, 'Written by')(row));
  const generated = ai ? latestRecord(spreadsheet, `${id}:`, 'generated') : null;
  const subject = `${id}: ${textColumn(table, 'Headline')(row)}`;
  const provenance = { templateId: generated?.templateId ?? (ai ? 'experiment-insight' : 'offline narrative'), templateVersion: generated?.templateVersion ?? '', provider: ai ? ai[1]! : 'offline', model: ai ? ai[2]! : '' };
  return { table, found: { index, row, subject, text: textColumn(table, 'Narrative')(row), provenance } };
}

/**
 * Records a person's review of an insight: its Review cell, and an audit record saying who
 * approved or dismissed which generation (template, provider, model, a hash of the text) and when.
 * Approving takes a named approver when the kit or the Settings name any.
 */
export function reviewInsight(spreadsheet: Spreadsheet, id: string, review: 'approved' | 'dismissed', now: Date): InsightItem[] {
  const { table, found } = insightRow(spreadsheet, id);
  const reviewColumn = table ? columnIndex(table.header, 'Review') : -1;
  if (!table || !found || reviewColumn < 0) return listInsights(spreadsheet, table);
  const context = sheetsContext(spreadsheet);
  if (review === 'approved') {
    const check = checkApprover(context.governance, activeIdentity(), 'content');
    if (!check.allowed) throw new RpcFailure('not_approver', check.message);
  }
  table.range.offset(found.index + 1, reviewColumn, 1, 1).setValues([[review]]);
  found.row[reviewColumn] = review;
  appendAudit(spreadsheet, [sheetsRecord({ action: review === 'approved' ? 'approved' : 'rejected', subject: found.subject, ...found.provenance, text: found.text }, context, now)]);
  return listInsights(spreadsheet, table);
}

/** Reports a problem with an insight's narrative, logged with its provenance; names the kit's escalation contact. */
export function reportInsight(spreadsheet: Spreadsheet, id: string, kind: string, note: string, now: Date): { reported: boolean; message: string; escalation: string } {
  const { found } = insightRow(spreadsheet, id);
  if (!found) return { reported: false, message: 'That insight is no longer on the Insights sheet.', escalation: '' };
  const context = sheetsContext(spreadsheet);
  const result = reportProblem({ surface: 'sheets', who: context.who, file: context.file, subject: found.subject, kind, note, text: found.text, provenance: found.provenance, kitName: context.kitName, kitVersion: context.kitVersion }, context.governance, now);
  if (!result.ok) return { reported: false, message: result.message, escalation: '' };
  appendAudit(spreadsheet, [result.record]);
  return { reported: true, message: result.message, escalation: result.escalation };
}
