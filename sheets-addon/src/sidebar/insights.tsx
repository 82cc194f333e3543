import type { InsightItem } from '../contract';

/** The Insights sheet, newest first; each names the Results rows it rests on. */
export function InsightsList(props: { insights: readonly InsightItem[] | null; review: (id: string, review: 'approved' | 'dismissed') => void }) {
  const insights = props.insights;
  if (!insights) return null;
  return (
    <section class="card" aria-labelledby="insights-title">
      <h2 id="insights-title">Insights</h2>
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
                {insight.review === 'needs review' && (
                  <p class="row-actions">
                    <button class="button primary" onClick={() => props.review(insight.id, 'approved')} aria-label={`Approve: ${insight.headline}`}>Approve</button>{' '}
                    <button class="button" onClick={() => props.review(insight.id, 'dismissed')} aria-label={`Dismiss: ${insight.headline}`}>Dismiss</button>
                  </p>
                )}
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
