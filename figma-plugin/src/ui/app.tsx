import { useEffect, useState } from 'preact/hooks';
import type { FrameSummary } from '../contract';
import { call, on } from './rpc';

type Status = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; message: string };

export function App() {
  const [frames, setFrames] = useState<FrameSummary[] | null>(null);
  const [ignored, setIgnored] = useState(0);
  const [selectedCount, setSelectedCount] = useState<number | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => on('selectionChanged', ({ count }) => setSelectedCount(count)), []);

  async function readSelection() {
    setStatus({ kind: 'loading' });
    try {
      const answer = await call('getSelectionFrames', {});
      setFrames(answer.frames);
      setIgnored(answer.ignored);
      setStatus({ kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'error', message: (error as Error).message });
    }
  }

  return (
    <main class="panel">
      <header class="panel-header">
        <h1>Onbrand</h1>
        <p class="muted">Turn a master creative into every size, each on-brand.</p>
      </header>
      <section class="section" aria-labelledby="selection-title">
        <h2 id="selection-title">Master frames</h2>
        {selectedCount !== null && <p class="muted" role="status">{selectedCount} layer(s) selected on the canvas.</p>}
        <button class="button primary" onClick={readSelection} disabled={status.kind === 'loading'}>
          Use selection
        </button>
        {status.kind === 'error' && <p class="error" role="alert">{status.message}</p>}
        {frames && frames.length === 0 && <p class="notice">Select one or more frames on the canvas to use them as masters.</p>}
        {frames && frames.length > 0 && (
          <ul class="list" aria-label="Selected frames">
            {frames.map((frame) => (
              <li key={frame.id} class="list-item" data-frame-id={frame.id}>
                <span class="name">{frame.name}</span>
                <span class="muted">
                  {frame.width}×{frame.height} · {frame.childCount} layer(s)
                </span>
              </li>
            ))}
          </ul>
        )}
        {ignored > 0 && <p class="muted">{ignored} selected layer(s) are not frames and were left out.</p>}
      </section>
    </main>
  );
}
