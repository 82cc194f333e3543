import { cellText, defaultWeights, insightDefaults, normalizeWeights, readNumberCell, stageGateThresholds, type ScoreWeights } from '@onbrand/shared/experiments';
import { checkModelServerUrl, providerIds, type ProviderId } from '@onbrand/shared/generate';
import type { Issue } from '@onbrand/shared';
import manifest from '../../appsscript.json';
import { columnIndex, readTable, type Table } from './table';
import { settingsSheet } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// The Settings sheet: one row per setting (Setting | Value | Notes), found by its label, so the
// team can edit values in the sheet or in the sidebar. Blank values mean the default.

export interface Thresholds {
  qualifyAt: number;
  parkBelow: number;
  maxRisk: number;
  winnerLift: number;
  fallingPeriods: number;
  graceDays: number;
}

export interface TrackerSettings {
  /** Weights as typed (not rescaled), so the sidebar shows what the sheet says. */
  weights: ScoreWeights;
  thresholds: Thresholds;
  provider: ProviderId;
  model: string;
  /** The server an openai-compatible provider answers at. */
  baseUrl: string;
  channel: string;
  kitJson: string;
  /** Who may approve AI text here when the kit names nobody: emails, @domains. */
  contentApprovers: string;
  /** Who may move a use case past a stage gate, for a team without a shared kit: emails or @domains. */
  stageGateApprovers: string;
}

type NumberKey = `weights.${keyof ScoreWeights}` | `thresholds.${keyof Thresholds}`;
type TextKey = 'provider' | 'model' | 'baseUrl' | 'channel' | 'kitJson' | 'contentApprovers' | 'stageGateApprovers';

interface SettingRow {
  key: NumberKey | TextKey;
  label: string;
  value: number | string;
  note: string;
}

/** Every setting with its label and default; Set up writes the missing ones in this order. */
export const settingRows: readonly SettingRow[] = [
  { key: 'weights.impact', label: 'Impact weight', value: defaultWeights.impact, note: 'Score weights are rescaled to sum to 1.' },
  { key: 'weights.feasibility', label: 'Feasibility weight', value: defaultWeights.feasibility, note: '' },
  { key: 'weights.readiness', label: 'Data readiness weight', value: defaultWeights.readiness, note: '' },
  { key: 'weights.risk', label: 'Risk weight', value: defaultWeights.risk, note: 'Risk counts as 5 − risk: low risk scores high.' },
  { key: 'thresholds.qualifyAt', label: 'Qualify at score', value: stageGateThresholds.qualifyAt, note: 'An idea scoring this or more is recommended for qualification.' },
  { key: 'thresholds.parkBelow', label: 'Park below score', value: stageGateThresholds.parkBelow, note: 'Ideas under this score are parked.' },
  { key: 'thresholds.maxRisk', label: 'Highest risk passed automatically', value: stageGateThresholds.maxRisk, note: 'Riskier use cases need a review before any gate.' },
  { key: 'thresholds.winnerLift', label: 'Insight: winning lift', value: insightDefaults.minLift, note: 'Relative lift (0.1 = 10%) a significant variant needs for an insight.' },
  { key: 'thresholds.fallingPeriods', label: 'Insight: falling periods', value: insightDefaults.fallingPeriods, note: 'Periods in a row a segment must fall.' },
  { key: 'thresholds.graceDays', label: 'Insight: days overdue', value: insightDefaults.graceDays, note: 'Days past the end date before an undecided experiment is flagged.' },
  { key: 'provider', label: 'Insight writer', value: 'offline', note: `offline (default, no account) or ${providerIds.filter((id) => id !== 'offline').join(', ')}; the API key is set in the sidebar.` },
  { key: 'model', label: 'Model', value: '', note: "Blank for the provider's default." },
  { key: 'baseUrl', label: 'Model server URL', value: '', note: 'Only for openai-compatible: the https base URL of the server, e.g. https://models.example.com/v1. Its prefix must be in urlFetchWhitelist in appsscript.json.' },
  { key: 'channel', label: 'Brand check channel', value: '', note: 'The kit channel used by Brand-check column, e.g. email-subject.' },
  { key: 'stageGateApprovers', label: 'Stage gate approvers', value: '', note: 'Who may move a use case to its next stage: emails or @domains, separated by commas. Blank lets anyone who can edit. A brand kit that names stage-gate approvers takes precedence.' },
  { key: 'kitJson', label: 'Brand kit (JSON)', value: '', note: 'Paste the brand kit here (a cell holds up to 50,000 characters), or save it from the sidebar (any size). =ONBRAND_LINT(A2) reads the saved kit; =ONBRAND_LINT(A2, "", OnbrandKit) reads this cell.' },
  { key: 'contentApprovers', label: 'Content approvers', value: '', note: 'Who may approve AI narratives when the brand kit names nobody: emails or @domains, separated by commas. Blank lets anyone who can edit approve. Protect this row so only they can change it.' },
];

/** A model server's base URL: https only, and a notice when the fetch allowlist this add-on is built with lacks it. */
export const checkServerUrl = (text: string) => checkModelServerUrl(text, manifest.urlFetchWhitelist);

function fromValues(values: ReadonlyMap<string, unknown>): { settings: TrackerSettings; issues: Issue[] } {
  const issues: Issue[] = [];
  // Every setting is filled in below, in the order of settingRows.
  const settings = { weights: {}, thresholds: {} } as TrackerSettings;
  for (const row of settingRows) {
    const raw = values.get(row.label.toLowerCase());
    const blank = cellText(raw) === '';
    if (typeof row.value === 'number') {
      const read = blank ? { ok: true as const, value: row.value } : readNumberCell(raw, row.label);
      if (!read.ok) issues.push({ path: `Settings › ${row.label}`, message: read.reason });
      const [group, name] = row.key.split('.') as ['weights' | 'thresholds', string];
      (settings[group] as unknown as Record<string, number>)[name] = read.ok ? read.value : row.value;
    } else {
      (settings as unknown as Record<string, string>)[row.key] = blank ? String(row.value) : cellText(raw);
    }
  }
  if (!(providerIds as readonly string[]).includes(settings.provider)) {
    issues.push({ path: 'Settings › Insight writer', message: `"${settings.provider}" is not a provider: use ${providerIds.join(', ')}` });
    settings.provider = 'offline';
  }
  const url = settings.baseUrl === '' ? null : checkServerUrl(settings.baseUrl);
  if (url && !url.ok) settings.baseUrl = '';
  if (url && (!url.ok || url.notice)) issues.push({ path: 'Settings › Model server URL', message: url.ok ? url.notice! : url.problem });
  return { settings, issues };
}

/** Each row's index in a read Settings table by lower-cased label (the Setting column, else column A). */
export function rowsByLabel(table: Table): Map<string, number> {
  const label = Math.max(0, columnIndex(table.header, 'Setting'));
  return new Map(table.rows.map((row, index) => [cellText(row[label]).toLowerCase(), index]));
}

/** Values by lower-cased label from a read Settings table. */
function valuesOf(table: Table | null): Map<string, unknown> {
  const value = table ? columnIndex(table.header, 'Value') : -1;
  if (value < 0) return new Map();
  return new Map([...rowsByLabel(table!)].map(([label, index]) => [label, table!.rows[index]![value]]));
}

/** The settings in the sheet (defaults where blank or absent), with any bad value named. */
export function readSettings(spreadsheet: Spreadsheet): { settings: TrackerSettings; issues: Issue[]; table: Table | null } {
  const table = readTable(spreadsheet, settingsSheet);
  return { ...fromValues(valuesOf(table)), table };
}

/** The weights rescaled to sum to 1, or the issue naming the bad Settings row. */
export function scoringWeights(settings: TrackerSettings): { ok: true; value: ScoreWeights } | { ok: false; issues: Issue[] } {
  const normalized = normalizeWeights(settings.weights);
  return normalized.ok ? normalized : { ok: false, issues: normalized.issues.map((issue) => ({ path: 'Settings › weights', message: issue.message })) };
}

/** The value a setting holds in the sheet, for writing changes back. */
export function settingValue(settings: TrackerSettings, key: SettingRow['key']): number | string {
  const [group, name] = key.split('.') as [string, string | undefined];
  return name === undefined ? (settings as unknown as Record<string, string>)[group]! : (settings as unknown as Record<string, Record<string, number>>)[group]![name]!;
}
