import { useState } from 'preact/hooks';
import type { Preferences } from '../contract';
import type { PluginState } from './app';
import { ErrorNote, Field } from './parts';
import { call } from './rpc';

/** The team's kit (kept in the file) and this user's settings (kept on this machine). */
export function KitPanel(props: { state: PluginState | null; onState: () => void }) {
  const [url, setUrl] = useState('');
  const [pasted, setPasted] = useState('');
  const [issues, setIssues] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [apiKey, setApiKey] = useState('');
  const [draft, setDraft] = useState<Preferences | null>(null);
  const preferences = draft ?? props.state?.preferences ?? null;

  async function save(json: string) {
    setError(null);
    setMessage(null);
    const answer = await call('saveKit', { json });
    setIssues(answer.issues.map((issue) => `${issue.path}: ${issue.message}`));
    if (answer.ok && answer.kit) setMessage(`Now using ${answer.kit.name} ${answer.kit.version}.`);
    props.onState();
  }
  async function fromFile(file: File | undefined) {
    if (file) await save(await file.text());
  }
  async function fromUrl() {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      await save(await response.text());
    } catch (failure) {
      setError(`Could not fetch the kit from ${url}: ${(failure as Error).message}. The plugin may only reach the domains in its manifest; download the file and import it instead.`);
    }
  }
  async function saveSettings() {
    if (!preferences) return;
    await call('savePreferences', preferences);
    if (apiKey) {
      await call('saveApiKey', { apiKey });
      setApiKey('');
    }
    setDraft(null);
    setMessage('Settings saved on this machine.');
    props.onState();
  }
  const kit = props.state?.kit;
  return (
    <>
      <section class="section" aria-labelledby="kit-title">
        <h2 id="kit-title">Brand kit</h2>
        <p class="kit-info" aria-label="Current kit">
          {kit ? `${kit.name} ${kit.version} · ${kit.palette} colour(s) · ${kit.rules} term(s) and rule(s)` : 'No kit yet: the check covers contrast only.'}
        </p>
        <p class="muted">Kept in this file, so everyone who opens it checks against the same kit.</p>
        <label class="file">
          <span class="label">Import kit file (JSON)</span>
          <input type="file" accept=".json,application/json" onChange={(event) => void fromFile(event.currentTarget.files?.[0])} />
        </label>
        <div class="row">
          <label class="grow">
            <span class="label">Kit URL</span>
            <input class="input" type="url" value={url} placeholder="https://…/brand-kit.json" onInput={(event) => setUrl(event.currentTarget.value)} />
          </label>
          <button class="button" onClick={fromUrl} disabled={!url}>
            Import URL
          </button>
        </div>
        <label>
          <span class="label">Or paste the kit JSON</span>
          <textarea class="input" rows={3} value={pasted} onInput={(event) => setPasted(event.currentTarget.value)} />
        </label>
        <button class="button" onClick={() => void save(pasted)} disabled={!pasted.trim()}>
          Use pasted kit
        </button>
        <ErrorNote message={error} />
        {message && <p role="status">{message}</p>}
        {issues.length > 0 && (
          <ul class="issues error" aria-label="Kit problems">
            {issues.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        )}
      </section>
      {preferences && (
        <section class="section" aria-labelledby="settings-title">
          <h2 id="settings-title">Settings</h2>
          <p class="muted">Kept on this machine only, never in the file.</p>
          <Field label="Copy writer">
            <select class="input" aria-label="Provider" value={preferences.provider} onChange={(event) => setDraft({ ...preferences, provider: event.currentTarget.value as Preferences['provider'] })}>
              <option value="offline">Offline generator (no key)</option>
              <option value="openai">OpenAI</option>
              <option value="anthropic">Anthropic</option>
              <option value="gemini">Gemini</option>
            </select>
            <label>
              <span class="label">Model (optional)</span>
              <input class="input" value={preferences.model} onInput={(event) => setDraft({ ...preferences, model: event.currentTarget.value })} />
            </label>
            <label>
              <span class="label">API key {props.state?.apiKey ? `(saved: ${props.state.apiKey})` : ''}</span>
              <input class="input" type="password" autoComplete="off" value={apiKey} onInput={(event) => setApiKey(event.currentTarget.value)} />
            </label>
          </Field>
          <label>
            <span class="label">Default version names</span>
            <input class="input" value={preferences.nameTemplate} onInput={(event) => setDraft({ ...preferences, nameTemplate: event.currentTarget.value })} />
          </label>
          <button class="button primary" onClick={saveSettings}>
            Save settings
          </button>
        </section>
      )}
    </>
  );
}
