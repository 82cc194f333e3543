import { ErrorNote } from '@onbrand/apps-script/sidebar';
import { useState } from 'preact/hooks';
import type { KitSummary, Settings } from '../contract';
import { Field, Notes, useAction } from './parts';
import { call } from './rpc';
import { ApproversCard } from './review-panel';

type Provider = { id: string; label: string; defaultModel: string };

/** The brand kit (from a file or a URL, for this document or as the user's default) and the model settings. */
export function SettingsPanel(props: { kit: KitSummary | null; settings: Settings | null; providers: readonly Provider[]; onChange: () => void }) {
  const [scope, setScope] = useState<'document' | 'user'>('document');
  const [url, setUrl] = useState('');
  const [issues, setIssues] = useState<{ path: string; message: string }[]>([]);
  const [notice, setNotice] = useState('');
  const [provider, setProvider] = useState(props.settings?.provider ?? 'offline');
  const [model, setModel] = useState(props.settings?.model ?? '');
  const [baseUrl, setBaseUrl] = useState(props.settings?.baseUrl ?? '');
  const [apiKey, setApiKey] = useState('');
  const { busy, error, run } = useAction();

  const importJson = (json: string) =>
    run(async () => {
      const result = await call('importKit', { json, scope });
      setIssues(result.issues);
      setNotice(result.ok ? `Imported ${result.kit.name} ${result.kit.version}.` : 'The kit was not imported; fix these and try again.');
      props.onChange();
    });
  const fromFile = (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) void file.text().then(importJson);
  };
  // The sidebar fetches the URL itself, so a kit can come from any host that allows it, not only the add-on's allow-list.
  const fromUrl = () =>
    run(async () => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`The URL answered ${response.status}.`);
      await importJson(await response.text());
    });
  const save = () =>
    run(async () => {
      const saved = await call('saveSettings', { provider, model, baseUrl, ...(apiKey ? { apiKey } : {}) });
      setApiKey('');
      setNotice(saved.notice ? `Settings saved. ${saved.notice}` : 'Settings saved.');
      props.onChange();
    });

  return (
    <>
      <section class="card" aria-labelledby="kit-title">
        <h2 id="kit-title">Brand kit</h2>
        {props.kit && (
          <p data-testid="kit-name">
            {props.kit.name} {props.kit.version} <span class="badge">{props.kit.source === 'starter' ? 'starter kit' : props.kit.source === 'user' ? 'your default' : 'this document'}</span>
          </p>
        )}
        <Field label="Save the imported kit">
          <select value={scope} onChange={(e) => setScope((e.target as HTMLSelectElement).value as 'document' | 'user')}>
            <option value="document">For this document</option>
            <option value="user">As my default</option>
          </select>
        </Field>
        <Field label="Kit file (JSON)">
          <input type="file" accept=".json,application/json" onChange={fromFile} />
        </Field>
        <Field label="Or kit URL">
          <input type="url" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} placeholder="Link to a kit file" />
        </Field>
        <button class="button" onClick={fromUrl} disabled={busy || !url}>
          Import from URL
        </button>
        <Notes issues={issues} />
      </section>
      <section class="card" aria-labelledby="model-title">
        <h2 id="model-title">Model</h2>
        <Field label="Provider">
          <select value={provider} onChange={(e) => setProvider((e.target as HTMLSelectElement).value)}>
            {props.providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </Field>
        {provider !== 'offline' && (
          <>
            <Field label="Model">
              <input value={model} placeholder={props.providers.find((p) => p.id === provider)?.defaultModel} onInput={(e) => setModel((e.target as HTMLInputElement).value)} />
            </Field>
            {provider === 'openai-compatible' && (
              <Field label="Base URL">
                <input type="url" value={baseUrl} onInput={(e) => setBaseUrl((e.target as HTMLInputElement).value)} />
              </Field>
            )}
            <Field label={`API key${props.settings?.keyMask ? ` (saved: ${props.settings.keyMask})` : ''}`}>
              <input type="password" autocomplete="off" value={apiKey} placeholder="Paste a new key to replace it" onInput={(e) => setApiKey((e.target as HTMLInputElement).value)} />
            </Field>
            <p class="muted">The key stays in your user properties: other editors of this document cannot read it, and it is never shown again.</p>
          </>
        )}
        <button class="button primary" onClick={save} disabled={busy}>
          Save settings
        </button>
      </section>
      <ErrorNote message={error} />
      {notice && (
        <p class="muted" role="status">
          {notice}
        </p>
      )}
      <ApproversCard />
    </>
  );
}
