import { useEffect, useState } from 'preact/hooks';
import { ErrorNote, SidebarPage, useRemote } from '@onbrand/apps-script/sidebar';
import type { Report, SettingsChange } from '../contract';
import { StageGatesCard } from './gates';
import { InsightsList } from './insights';
import { PortfolioCard } from './portfolio';
import { call } from './rpc';
import { SettingsForm } from './settings';
import { StatsCardView } from './stats-card';
import './sidebar.css';

type Operation = 'setupTracker' | 'scoreUseCases' | 'analyzeExperiments' | 'writeInsights' | 'brandCheckColumn';

const actions: readonly (readonly [Operation, string])[] = [
  ['setupTracker', 'Set up tracker'],
  ['scoreUseCases', 'Score use cases'],
  ['analyzeExperiments', 'Analyze experiments'],
  ['writeInsights', 'Write insights'],
  ['brandCheckColumn', 'Brand-check selected column'],
];

// A paused operation stopped before Apps Script's time limit; each call is a fresh execution with
// its own limit, so the sidebar continues it, a bounded number of times.
const maxContinues = 20;

export function App() {
  const summary = useRemote(() => call('getSheetSummary', {}));
  const portfolio = useRemote(() => call('getPortfolio', {}));
  const [experiment, setExperiment] = useState<string | undefined>(undefined);
  const stats = useRemote(() => call('getStatsCard', experiment ? { experiment } : {}));
  const insights = useRemote(() => call('listInsights', {}));
  const settings = useRemote(() => call('getSettings', {}));
  const gates = useRemote(() => call('getStageGates', {}));
  const [running, setRunning] = useState<Operation | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [logged, setLogged] = useState<string | null>(null);

  const refreshAll = () => Promise.all([summary.refresh(), portfolio.refresh(), stats.refresh(), insights.refresh(), settings.refresh(), gates.refresh()]);

  async function run(operation: Operation) {
    setRunning(operation);
    setError(null);
    setReport(null);
    try {
      let result = await call(operation, {});
      for (let i = 0; result.status === 'paused' && i < maxContinues; i++) {
        setReport(result);
        result = await call(operation, {});
      }
      setReport(result);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setRunning(null);
      await refreshAll();
    }
  }

  // The card reloads after the render that holds the newly picked experiment.
  useEffect(() => {
    if (experiment !== undefined) void stats.refresh();
  }, [experiment]);

  async function log(name: string) {
    try {
      setLogged((await call('logLearning', { experiment: name })).message);
    } catch (failure) {
      setLogged((failure as Error).message);
    }
  }

  async function save(change: SettingsChange) {
    await call('saveSettings', change);
    await refreshAll();
  }

  const failed = report && (report.status === 'needs-setup' || report.status === 'needs-fix');
  return (
    <SidebarPage title="Onbrand" subtitle="Use cases and experiments, from idea to decision.">
      <section class="card" aria-labelledby="actions-title">
        <h2 id="actions-title">Actions</h2>
        <div class="actions">
          {actions.map(([operation, label]) => (
            <button key={operation} class={`button${operation === 'setupTracker' ? ' primary' : ''}`} disabled={running !== null} onClick={() => run(operation)}>
              {running === operation ? `${label}…` : label}
            </button>
          ))}
        </div>
        <div role="status" aria-live="polite" data-testid="report">
          {report && !failed && (
            <p class={report.flagged ? 'warning' : 'success'}>
              {report.message}
              {report.progress && report.status === 'paused' ? ` (${report.progress.done} of ${report.progress.total})` : ''}
            </p>
          )}
        </div>
        <ErrorNote message={failed ? report.message : error} />
        <p>
          <button class="button" onClick={refreshAll} disabled={running !== null}>Refresh</button>
        </p>
      </section>
      <ErrorNote message={portfolio.error ?? stats.error ?? insights.error ?? settings.error} />
      <PortfolioCard portfolio={portfolio.value} />
      <StatsCardView stats={stats.value} onPick={setExperiment} onLog={log} logged={logged} />
      <ErrorNote message={gates.error} />
      <StageGatesCard gates={gates.value} changed={refreshAll} />
      <InsightsList insights={insights.value} onChange={insights.refresh} />
      <SettingsForm settings={settings.value} save={save} />
      <section class="card" aria-labelledby="sheet-title">
        <h2 id="sheet-title">This sheet</h2>
        <ErrorNote message={summary.error} />
        {summary.value && (
          <dl class="facts">
            <dt>Spreadsheet</dt>
            <dd data-testid="spreadsheet-name">{summary.value.spreadsheetName}</dd>
            <dt>Sheet</dt>
            <dd data-testid="sheet-name">{summary.value.sheetName}</dd>
            <dt>Size</dt>
            <dd data-testid="sheet-size">
              {summary.value.rowCount} rows × {summary.value.columnCount} columns
            </dd>
          </dl>
        )}
      </section>
    </SidebarPage>
  );
}
