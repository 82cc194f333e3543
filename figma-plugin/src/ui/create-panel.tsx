import { parseSize } from '@onbrand/shared/layout';
import { useEffect, useState } from 'preact/hooks';
import type { CopySource, FrameSummary, VariantRow, VersionSummary } from '../contract';
import type { PluginState } from './app';
import { readRows, writeCopy } from './copy-source';
import { ErrorNote, Field, Notices, VersionItem } from './parts';
import { call } from './rpc';
import { RolesPanel } from './roles-panel';

type CopyMode = 'master' | 'write' | 'rows';

function Masters(props: { selectionTick: number; selectedCount: number | null; onFrames: (frames: FrameSummary[]) => void }) {
  const [frames, setFrames] = useState<FrameSummary[] | null>(null);
  const [ignored, setIgnored] = useState(0);
  const [error, setError] = useState<string | null>(null);
  async function readSelection() {
    try {
      const answer = await call('getSelectionFrames', {});
      setFrames(answer.frames);
      setIgnored(answer.ignored);
      props.onFrames(answer.frames);
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }
  useEffect(() => {
    if (props.selectionTick) void readSelection();
  }, [props.selectionTick]);
  const masters = frames?.filter((frame) => !frame.versionOf) ?? [];
  return (
    <section class="section" aria-labelledby="selection-title">
      <h2 id="selection-title">Master frames</h2>
      {props.selectedCount !== null && <p class="muted" role="status">{props.selectedCount} layer(s) selected on the canvas.</p>}
      <button class="button" onClick={readSelection}>
        Use selection
      </button>
      <ErrorNote message={error} />
      {frames && masters.length === 0 && <p class="notice">Select one or more frames on the canvas to use them as masters.</p>}
      {masters.length > 0 && (
        <ul class="list" aria-label="Selected frames">
          {masters.map((frame) => (
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
  );
}

function Sizes(props: { state: PluginState | null; chosen: string[]; onChange: (sizes: string[]) => void; onState: () => void }) {
  const [custom, setCustom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [setName, setSetName] = useState('');
  const presets = props.state?.presets ?? [];
  const sets = props.state?.preferences.sizeSets ?? [];
  const toggle = (size: string) => props.onChange(props.chosen.includes(size) ? props.chosen.filter((s) => s !== size) : [...props.chosen, size]);
  function addCustom() {
    const parsed = parseSize(custom, 'Custom size');
    if (!parsed.ok) {
      setError(parsed.issues.map((issue) => issue.message).join('; '));
      return;
    }
    const size = `${parsed.value.width}x${parsed.value.height}`;
    if (!props.chosen.includes(size)) props.onChange([...props.chosen, size]);
    setCustom('');
    setError(null);
  }
  async function saveSet() {
    if (!props.state || !setName.trim() || !props.chosen.length) return;
    const sizeSets = [...sets.filter((set) => set.name !== setName.trim()), { name: setName.trim(), sizes: props.chosen }];
    await call('savePreferences', { ...props.state.preferences, sizeSets });
    setSetName('');
    props.onState();
  }
  const customChosen = props.chosen.filter((size) => !presets.some((preset) => `${preset.width}x${preset.height}` === size));
  return (
    <section class="section" aria-labelledby="sizes-title">
      <h2 id="sizes-title">Sizes</h2>
      {(['iab', 'social'] as const).map((group) => (
        <Field key={group} label={group === 'iab' ? 'IAB display' : 'Social'}>
          <div class="checks">
            {presets
              .filter((preset) => preset.group === group)
              .map((preset) => {
                const size = `${preset.width}x${preset.height}`;
                return (
                  <label key={preset.id} class="check" title={preset.name}>
                    <input type="checkbox" checked={props.chosen.includes(size)} onChange={() => toggle(size)} />
                    {preset.width}×{preset.height}
                  </label>
                );
              })}
          </div>
        </Field>
      ))}
      <div class="row">
        <label class="grow">
          <span class="label">Custom size</span>
          <input class="input" value={custom} placeholder="640x360" onInput={(event) => setCustom(event.currentTarget.value)} onKeyDown={(event) => event.key === 'Enter' && addCustom()} />
        </label>
        <button class="button" onClick={addCustom}>
          Add size
        </button>
      </div>
      <ErrorNote message={error} />
      {customChosen.length > 0 && (
        <ul class="chips" aria-label="Custom sizes">
          {customChosen.map((size) => (
            <li key={size}>
              <button class="chip" aria-label={`Remove ${size}`} onClick={() => toggle(size)}>
                {size.replace('x', '×')} ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        {sets.length > 0 && (
          <label class="grow">
            <span class="label">Saved size sets</span>
            <select class="input" onChange={(event) => props.onChange(sets.find((set) => set.name === event.currentTarget.value)?.sizes ?? props.chosen)}>
              <option value="">Choose a set…</option>
              {sets.map((set) => (
                <option key={set.name} value={set.name}>
                  {set.name} ({set.sizes.length})
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="grow">
          <span class="label">Save these sizes as</span>
          <input class="input" value={setName} placeholder="Spring display" onInput={(event) => setSetName(event.currentTarget.value)} />
        </label>
        <button class="button" onClick={saveSet} disabled={!setName.trim() || !props.chosen.length}>
          Save set
        </button>
      </div>
    </section>
  );
}

export function CreatePanel(props: { state: PluginState | null; onState: () => void; selectionTick: number; selectedCount: number | null }) {
  const [frames, setFrames] = useState<FrameSummary[]>([]);
  const [sizes, setSizes] = useState<string[]>(['300x250', '728x90', '1080x1920']);
  const [mode, setMode] = useState<CopyMode>('master');
  const [count, setCount] = useState(2);
  const [product, setProduct] = useState('');
  const [keyMessage, setKeyMessage] = useState('');
  const [locale, setLocale] = useState('en');
  const [rowsText, setRowsText] = useState('variant,locale,#headline,#cta\nA,en,Save 30% on every plan,Start free trial\nB,de,Jetzt 30% sparen,Kostenlos testen');
  const [template, setTemplate] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ versions: VersionSummary[]; notices: string[] } | null>(null);
  const nameTemplate = template ?? props.state?.preferences.nameTemplate ?? '{master}/{w}x{h}/{variant}/{locale}';
  const pasted = mode === 'rows' ? readRows(rowsText) : { rows: [] as VariantRow[], problems: [] as string[] };
  const masters = frames.filter((frame) => !frame.versionOf);
  const variantsPerSize = mode === 'master' ? 1 : mode === 'write' ? count : pasted.rows.length;
  const total = Math.max(1, masters.length) * sizes.length * variantsPerSize;

  async function importCsv(file: File | undefined) {
    if (file) setRowsText(await file.text());
  }

  async function generate() {
    setBusy(true);
    setError(null);
    try {
      const notices: string[] = [];
      let copy: CopySource = { mode: 'master' };
      if (mode === 'rows') copy = { mode: 'rows', rows: pasted.rows, source: 'pasted' };
      if (mode === 'write') {
        const slots = Object.fromEntries((masters[0]?.slots ?? []).map((slot) => [slot.name, slot.text]));
        const written = await writeCopy({
          sizes,
          count,
          locale,
          slots,
          brief: { product, keyMessage },
          kitJson: props.state?.kitJson ?? null,
          preferences: props.state!.preferences,
          hasKey: Boolean(props.state?.apiKey),
          transport: (request) => call('httpRequest', request),
        });
        copy = written.copy;
        notices.push(...written.notices);
      }
      const answer = await call('generateVersions', { sizes, copy, nameTemplate });
      setResult({ versions: answer.versions, notices: [...notices, ...answer.notices] });
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Masters selectionTick={props.selectionTick} selectedCount={props.selectedCount} onFrames={setFrames} />
      <RolesPanel />
      <Sizes state={props.state} chosen={sizes} onChange={setSizes} onState={props.onState} />
      <section class="section" aria-labelledby="copy-title">
        <h2 id="copy-title">Copy</h2>
        <div class="radios" role="radiogroup" aria-label="Where copy comes from">
          {(
            [
              ['master', 'Master copy'],
              ['write', 'Write variants'],
              ['rows', 'Paste or import'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} class="check">
              <input type="radio" name="copy-mode" checked={mode === value} onChange={() => setMode(value)} />
              {label}
            </label>
          ))}
        </div>
        {mode === 'write' && (
          <div class="stack">
            <p class="muted">
              {props.state?.preferences.provider !== 'offline' && props.state?.apiKey
                ? `Drafted by ${props.state.preferences.provider} with your key; marked as AI drafts until reviewed.`
                : 'Written offline by the built-in generator, within each size\'s length limits.'}
            </p>
            <label>
              <span class="label">Variants per size</span>
              <input class="input" type="number" min={1} max={5} value={count} onInput={(event) => setCount(Math.min(5, Math.max(1, Number(event.currentTarget.value) || 1)))} />
            </label>
            <label>
              <span class="label">Product</span>
              <input class="input" value={product} placeholder={props.state?.kit?.name ?? 'Product name'} onInput={(event) => setProduct(event.currentTarget.value)} />
            </label>
            <label>
              <span class="label">Key message</span>
              <input class="input" value={keyMessage} placeholder={masters[0]?.slots.find((slot) => slot.name === '#headline')?.text ?? 'What the reader gets'} onInput={(event) => setKeyMessage(event.currentTarget.value)} />
            </label>
            <label>
              <span class="label">Locale</span>
              <input class="input" value={locale} onInput={(event) => setLocale(event.currentTarget.value)} />
            </label>
          </div>
        )}
        {mode === 'rows' && (
          <div class="stack">
            <label>
              <span class="label">Variant rows (CSV or pasted from a sheet)</span>
              <textarea class="input" rows={4} value={rowsText} onInput={(event) => setRowsText(event.currentTarget.value)} />
            </label>
            <label class="file">
              <span class="label">Import CSV</span>
              <input type="file" accept=".csv,text/csv,.tsv,text/tab-separated-values" onChange={(event) => void importCsv(event.currentTarget.files?.[0])} />
            </label>
            <p class="muted">
              {pasted.rows.length} row(s) for {[...new Set(pasted.rows.flatMap((row) => Object.keys(row.texts)))].join(', ') || 'no layers'}.
            </p>
            {pasted.problems.map((problem) => (
              <p key={problem} class="error">
                {problem}
              </p>
            ))}
          </div>
        )}
      </section>
      <section class="section" aria-labelledby="naming-title">
        <h2 id="naming-title">Naming</h2>
        <label>
          <span class="label">Version names</span>
          <input class="input" value={nameTemplate} onInput={(event) => setTemplate(event.currentTarget.value)} />
        </label>
        <p class="muted">Tokens: {'{master} {w} {h} {size} {variant} {locale} {n}'}</p>
      </section>
      <section class="section sticky">
        <p class="muted" aria-live="polite">
          {sizes.length} size(s) × {variantsPerSize} variant(s){masters.length > 1 ? ` × ${masters.length} masters` : ''} = {total} version(s)
        </p>
        <button class="button primary" onClick={generate} disabled={busy}>
          {busy ? 'Generating…' : 'Generate versions'}
        </button>
      </section>
      <section class="section" aria-label="Results">
        <ErrorNote message={error} />
        {result && (
          <>
            <Notices notices={result.notices} />
            <ul class="list" aria-label="Generated versions">
              {result.versions.map((version) => (
                <VersionItem key={version.id} version={version} />
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
