import { ErrorNote, SidebarPage, useRemote } from '@onbrand/apps-script/sidebar';
import { call } from './rpc';

export function App() {
  const { value: summary, error, loading, refresh } = useRemote(() => call('getSheetSummary', {}));

  return (
    <SidebarPage title="Onbrand" subtitle="Use cases and experiments, from idea to decision.">
      <section class="card" aria-labelledby="sheet-title">
        <h2 id="sheet-title">This sheet</h2>
        <ErrorNote message={error} />
        {summary && (
          <dl class="facts">
            <dt>Spreadsheet</dt>
            <dd data-testid="spreadsheet-name">{summary.spreadsheetName}</dd>
            <dt>Sheet</dt>
            <dd data-testid="sheet-name">{summary.sheetName}</dd>
            <dt>Size</dt>
            <dd data-testid="sheet-size">
              {summary.rowCount} rows × {summary.columnCount} columns
            </dd>
          </dl>
        )}
        {summary && summary.headers.length > 0 && (
          <ul class="tags" aria-label="Column headers">
            {summary.headers.map((header, index) => (
              <li key={index}>{header || '(blank)'}</li>
            ))}
          </ul>
        )}
        <p>
          <button class="button" onClick={refresh} disabled={loading}>
            {loading ? 'Reading…' : 'Refresh'}
          </button>
        </p>
      </section>
    </SidebarPage>
  );
}
