import { useEffect, useRef, useState } from 'preact/hooks';
import type { FigmaEvents, OutputOf } from './types';
import { CheckPanel } from './check-panel';
import { CreatePanel } from './create-panel';
import { KitPanel } from './kit-panel';
import { call, on } from './rpc';
import { VersionsPanel } from './versions-panel';

const tabs = [
  { id: 'create', label: 'Create' },
  { id: 'check', label: 'Check' },
  { id: 'versions', label: 'Versions' },
  { id: 'kit', label: 'Kit & settings' },
] as const;
type TabId = (typeof tabs)[number]['id'];

export type PluginState = OutputOf<'getState'>;

/** The progress bar of a long batch, with Cancel. */
function Progress(props: { progress: FigmaEvents['progress'] | null }) {
  const { progress } = props;
  if (!progress || progress.done >= progress.total) return null;
  return (
    <div class="progress" role="status" aria-live="polite">
      <span>
        {progress.operation}: {progress.done} of {progress.total}
      </span>
      <progress max={progress.total} value={progress.done} aria-label={progress.operation} />
      <button class="button" onClick={() => void call('cancel', {})}>
        Cancel
      </button>
    </div>
  );
}

export function App() {
  const [tab, setTab] = useState<TabId>('create');
  const [state, setState] = useState<PluginState | null>(null);
  const [progress, setProgress] = useState<FigmaEvents['progress'] | null>(null);
  const [selectionTick, setSelectionTick] = useState(0);
  const [selectedCount, setSelectedCount] = useState<number | null>(null);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  const refresh = () => call('getState', {}).then(setState).catch(() => {});
  useEffect(() => {
    void refresh();
    const offSelection = on('selectionChanged', ({ count }) => {
      setSelectedCount(count);
      setSelectionTick((tick) => tick + 1);
    });
    const offProgress = on('progress', setProgress);
    return () => {
      offSelection();
      offProgress();
    };
  }, []);
  // Opened from the "Update from master" relaunch button: go straight to the versions.
  useEffect(() => {
    if (state?.command === 'update') setTab('versions');
  }, [state?.command]);

  // Arrow keys move between tabs, as in Figma's own tab bars.
  function onTabKey(event: KeyboardEvent, index: number) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    setTab(next.id);
    tabRefs.current[next.id]?.focus();
    event.preventDefault();
  }

  return (
    <main class="panel">
      <header class="panel-header">
        <h1>Onbrand</h1>
        <span class="muted kit-line">{state?.kit ? `Kit: ${state.kit.name} ${state.kit.version}` : 'No brand kit yet'}</span>
      </header>
      <nav class="tabs" role="tablist" aria-label="Onbrand">
        {tabs.map((item, index) => (
          <button
            key={item.id}
            ref={(element) => {
              tabRefs.current[item.id] = element;
            }}
            role="tab"
            id={`tab-${item.id}`}
            aria-selected={tab === item.id}
            aria-controls={`panel-${item.id}`}
            tabIndex={tab === item.id ? 0 : -1}
            onClick={() => setTab(item.id)}
            onKeyDown={(event) => onTabKey(event, index)}
          >
            {item.label}
          </button>
        ))}
      </nav>
      <Progress progress={progress} />
      <section role="tabpanel" id="panel-create" aria-labelledby="tab-create" hidden={tab !== 'create'}>
        <CreatePanel state={state} onState={refresh} selectionTick={selectionTick} selectedCount={selectedCount} />
      </section>
      <section role="tabpanel" id="panel-check" aria-labelledby="tab-check" hidden={tab !== 'check'}>
        <CheckPanel />
      </section>
      <section role="tabpanel" id="panel-versions" aria-labelledby="tab-versions" hidden={tab !== 'versions'}>
        <VersionsPanel active={tab === 'versions'} autoUpdate={state?.command === 'update'} selectionTick={selectionTick} />
      </section>
      <section role="tabpanel" id="panel-kit" aria-labelledby="tab-kit" hidden={tab !== 'kit'}>
        <KitPanel state={state} onState={refresh} />
      </section>
    </main>
  );
}
