import { ErrorNote, SidebarPage, useRemote } from '@onbrand/apps-script/sidebar';
import { call } from './rpc';

export function App() {
  const { value: summary, error, loading, refresh } = useRemote(() => call('getDocumentSummary', {}));

  return (
    <SidebarPage title="Onbrand" subtitle="Draft on-brand copy, check it and fix it in place.">
      <section class="card" aria-labelledby="doc-title">
        <h2 id="doc-title">This document</h2>
        <ErrorNote message={error} />
        {summary && (
          <dl class="facts">
            <dt>Title</dt>
            <dd data-testid="doc-title">{summary.title}</dd>
            <dt>Paragraphs</dt>
            <dd data-testid="doc-paragraphs">{summary.paragraphCount}</dd>
            <dt>Words</dt>
            <dd data-testid="doc-words">{summary.wordCount}</dd>
          </dl>
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
