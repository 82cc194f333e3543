import { AuditDownloads, ErrorNote, Outcome, ReportForm } from '@onbrand/apps-script/sidebar';
import { useState } from 'preact/hooks';
import type { InsightItem } from '../contract';
import { call } from './rpc';

type Export = { records: number; csv: string; json: string };

/** The Insights sheet, newest first; each names the Results rows it rests on, and can be approved, dismissed or reported. */
export function InsightsList(props: { insights: readonly InsightItem[] | null; onChange: () => Promise<void> | void }) {
  const [message, setMessage] = useState('');
  const [escalation, setEscalation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reporting, setReporting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<Export | null>(null);
  const act = async (work: () => Promise<{ message?: string; escalation?: string } | unknown>) => {
    setBusy(true);
    setError(null);
    setMessage('');
    setEscalation('');
    try {
      const answer = (await work()) as { message?: string; escalation?: string };
      setMessage(answer?.message ?? '');
      setEscalation(answer?.escalation ?? '');
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
    await props.onChange();
  };
  const review = (id: string, decision: 'approved' | 'dismissed') => act(() => call('reviewInsight', { id, review: decision }));
  const report = (id: string, kind: string, note: string) =>
    act(async () => {
      const answer = await call('reportInsight', { id, kind, note });
      if (answer.reported) setReporting(null);
      return answer;
    });
  const insights = props.insights;
  if (!insights) return null;
  return (
    <>
      <section class="card" aria-labelledby="insights-title">
        <h2 id="insights-title">Insights</h2>
        <ErrorNote message={error} />
        <Outcome message={message} escalation={escalation} />
        {insights.length === 0 ? (
          <p class="muted">No insights yet: choose Write insights.</p>
        ) : (
          <ul class="insights" aria-label="Insights">
            {insights.map((insight) => (
              <li key={insight.id}>
                <details>
                  <summary>
                    <span class={`chip kind-${insight.kind}`}>{insight.kind}</span> {insight.headline}
                  </summary>
                  <p>{insight.narrative}</p>
                  <p class="muted">
                    {insight.experiment} · {insight.rows} · {insight.writtenBy} · Insights row {insight.sheetRow} · {insight.review}
                  </p>
                  <p class="row-actions">
                    {insight.review === 'needs review' && (
                      <>
                        <button class="button primary" disabled={busy} onClick={() => review(insight.id, 'approved')} aria-label={`Approve: ${insight.headline}`}>
                          Approve
                        </button>{' '}
                        <button class="button" disabled={busy} onClick={() => review(insight.id, 'dismissed')} aria-label={`Dismiss: ${insight.headline}`}>
                          Dismiss
                        </button>{' '}
                      </>
                    )}
                    <button class="button" disabled={busy} onClick={() => setReporting(insight.id)} aria-label={`Report a problem: ${insight.headline}`}>
                      Report a problem
                    </button>
                  </p>
                  {reporting === insight.id && <ReportForm subject={insight.headline} busy={busy} onSend={(kind, note) => report(insight.id, kind, note)} onCancel={() => setReporting(null)} />}
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="audit-title">
        <h2 id="audit-title">Audit log</h2>
        <p class="muted">Who generated, approved, dismissed or reported AI text here, in the columns every Onbrand surface exports.</p>
        <button class="button" disabled={busy} onClick={() => act(async () => setExported(await call('getAuditExport', {})))}>
          Prepare export
        </button>
        {exported && (
          <>
            <p class="muted" aria-label="Audit records">
              {exported.records} record{exported.records === 1 ? '' : 's'}
            </p>
            <AuditDownloads csv={exported.csv} json={exported.json} baseName="onbrand-audit-log" />
          </>
        )}
      </section>
    </>
  );
}
