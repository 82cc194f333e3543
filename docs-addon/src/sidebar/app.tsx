import { ErrorNote, SidebarPage, useRemote } from '@onbrand/apps-script/sidebar';
import { useState } from 'preact/hooks';
import { CheckPanel } from './check-panel';
import { DraftPanel } from './draft-panel';
import { call } from './rpc';
import { ReviewPanel } from './review-panel';
import { SettingsPanel } from './settings-panel';
import './sidebar.css';
import { TemplatesPanel } from './templates-panel';

const tabs = ['Check', 'Draft', 'Templates', 'Review', 'Settings'] as const;
type Tab = (typeof tabs)[number];

export function App() {
  const summary = useRemote(() => call('getDocumentSummary', {}));
  const status = useRemote(() => call('getStatus', {}));
  const [tab, setTab] = useState<Tab>('Check');
  const [visited, setVisited] = useState<Tab[]>(['Check']);
  const open = (name: Tab) => {
    setTab(name);
    if (!visited.includes(name)) setVisited([...visited, name]);
  };
  const kit = status.value?.kit ?? null;
  const pending = status.value?.marks.length ?? 0;
  const refreshStatus = () => void status.refresh();

  return (
    <SidebarPage title="Onbrand" subtitle="Draft on-brand copy, check it and fix it in place.">
      <section class="card" aria-labelledby="doc-title">
        <h2 id="doc-title">This document</h2>
        <ErrorNote message={summary.error} />
        {summary.value && (
          <dl class="facts">
            <dt>Title</dt>
            <dd data-testid="doc-title">{summary.value.title}</dd>
            <dt>Paragraphs</dt>
            <dd data-testid="doc-paragraphs">{summary.value.paragraphCount}</dd>
            <dt>Words</dt>
            <dd data-testid="doc-words">{summary.value.wordCount}</dd>
          </dl>
        )}
        <p class="muted">
          Kit: {kit ? `${kit.name} ${kit.version}` : '…'}{' '}
          <button class="button fix" onClick={summary.refresh} disabled={summary.loading}>
            {summary.loading ? 'Reading…' : 'Refresh'}
          </button>
        </p>
      </section>
      <nav class="tabs" role="tablist" aria-label="Onbrand tools">
        {tabs.map((name) => (
          <button key={name} role="tab" aria-selected={tab === name} onClick={() => open(name)}>
            {name === 'Review' && pending ? `Review (${pending})` : name}
          </button>
        ))}
      </nav>
      <ErrorNote message={status.error} />
      {/* A tab once opened stays mounted, hidden when another is shown, so switching never clears a typed
          brief, check results or a rewrite. The key is the document's id: another document starts afresh. */}
      <div key={summary.value?.id ?? ''}>
        {tabs.filter((name) => visited.includes(name)).map((name) => (
          <div key={name} role="tabpanel" aria-label={name} hidden={tab !== name}>
            {name === 'Check' && <CheckPanel kit={kit} />}
            {name === 'Draft' && <DraftPanel kit={kit} onChange={refreshStatus} />}
            {name === 'Templates' && status.value && <TemplatesPanel templates={status.value.templates} onChange={refreshStatus} />}
            {name === 'Review' && <ReviewPanel marks={status.value?.marks ?? []} onChange={refreshStatus} />}
            {name === 'Settings' && status.value && <SettingsPanel kit={kit} settings={status.value.settings} providers={status.value.providers} onChange={refreshStatus} />}
          </div>
        ))}
      </div>
    </SidebarPage>
  );
}
