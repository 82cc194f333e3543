import { useEffect, useState } from 'preact/hooks';
import type { VersionSummary } from '../contract';
import { ErrorNote, Notices, VersionItem } from './parts';
import { AuditExport, ReviewControls } from './governance';
import { call } from './rpc';
import { download, zipExport } from './zip';

/** Versions with stale markers; update from the master; export as a zip with a manifest. */
export function VersionsPanel(props: { active: boolean; autoUpdate: boolean; selectionTick: number }) {
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [format, setFormat] = useState<'PNG' | 'JPG' | 'PDF'>('PNG');
  const [scale, setScale] = useState<1 | 2>(1);
  const [notices, setNotices] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [autoRan, setAutoRan] = useState(false);

  async function load() {
    try {
      const answer = await call('listVersions', { scope: 'all' });
      setVersions(answer.versions);
      setChosen((current) => new Set([...current].filter((id) => answer.versions.some((version) => version.id === id))));
    } catch (failure) {
      setError((failure as Error).message);
    }
  }
  useEffect(() => {
    if (props.active) void load();
  }, [props.active, props.selectionTick]);

  async function update(scope: 'selection' | 'all') {
    setBusy(true);
    setError(null);
    try {
      const answer = await call('updateVersions', { scope });
      setNotices([`Updated ${answer.updated} version(s).`, ...answer.keptEdits.map((edit) => `Kept your edit: ${edit}.`), ...answer.conflicts.map((conflict) => `Both changed: ${conflict}.`), ...answer.notices]);
      await load();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }
  useEffect(() => {
    if (props.autoUpdate && !autoRan) {
      setAutoRan(true);
      void update('selection');
    }
  }, [props.autoUpdate]);

  async function exportChosen() {
    setBusy(true);
    setError(null);
    try {
      const answer = await call('exportVersions', { ids: [...chosen], format, scale });
      if (answer.files.length) download(zipExport(answer.files), `onbrand-export-${format.toLowerCase()}${scale === 2 ? '@2x' : ''}.zip`, 'application/zip');
      setNotices([`Exported ${answer.files.length} file(s) with manifest.csv.`, ...answer.notices]);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (id: string) => setChosen((current) => {
    const next = new Set(current);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const stale = versions.filter((version) => version.stale).length;
  return (
    <section class="section" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <p class="muted">
        {versions.length} version(s){stale ? `, ${stale} stale (the master changed since)` : ''}.
      </p>
      <div class="row">
        <button class="button primary" onClick={() => update('all')} disabled={busy || !versions.length}>
          Update versions from master
        </button>
        <button class="button" onClick={() => update('selection')} disabled={busy}>
          Update selection
        </button>
      </div>
      <ErrorNote message={error} />
      <Notices notices={notices} />
      {versions.length > 0 && (
        <>
          <label class="check">
            <input type="checkbox" checked={chosen.size === versions.length} onChange={() => setChosen(chosen.size === versions.length ? new Set() : new Set(versions.map((version) => version.id)))} />
            Select all for export
          </label>
          <ul class="list" aria-label="Versions">
            {versions.map((version) => (
              <VersionItem
                key={version.id}
                version={version}
                footer={
                  version.aiGenerated && (
                    <ReviewControls
                      version={version}
                      onDone={(changed, message) => {
                        if (changed) setVersions((current) => current.map((item) => (item.id === changed.id ? { ...changed, stale: item.stale } : item)));
                        setNotices([message]);
                      }}
                    />
                  )
                }
              >
                <input type="checkbox" aria-label={`Export ${version.name}`} checked={chosen.has(version.id)} onChange={() => toggle(version.id)} />
              </VersionItem>
            ))}
          </ul>
          <div class="row">
            <label>
              <span class="label">Format</span>
              <select class="input" value={format} onChange={(event) => setFormat(event.currentTarget.value as 'PNG' | 'JPG' | 'PDF')}>
                <option>PNG</option>
                <option>JPG</option>
                <option>PDF</option>
              </select>
            </label>
            <label>
              <span class="label">Scale</span>
              <select class="input" value={String(scale)} disabled={format === 'PDF'} onChange={(event) => setScale(event.currentTarget.value === '2' ? 2 : 1)}>
                <option value="1">1×</option>
                <option value="2">2×</option>
              </select>
            </label>
            <button class="button" onClick={exportChosen} disabled={busy || !chosen.size}>
              Export {chosen.size} as zip
            </button>
          </div>
        </>
      )}
      <AuditExport />
    </section>
  );
}
