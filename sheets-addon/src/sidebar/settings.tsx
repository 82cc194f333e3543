import { useEffect, useState } from 'preact/hooks';
import { ErrorNote } from '@onbrand/apps-script/sidebar';
import type { SettingsChange, SettingsView } from '../contract';

type Numbers = Record<string, string>;

const weightFields = [
  ['impact', 'Impact'],
  ['feasibility', 'Feasibility'],
  ['readiness', 'Data readiness'],
  ['risk', 'Risk'],
] as const;
const thresholdFields = [
  ['qualifyAt', 'Qualify at score'],
  ['parkBelow', 'Park below score'],
  ['maxRisk', 'Highest risk passed'],
  ['winnerLift', 'Winning lift (0.1 = 10%)'],
  ['fallingPeriods', 'Falling periods'],
  ['graceDays', 'Days overdue'],
] as const;
const providers = [
  ['offline', 'Offline (no account)'],
  ['openai', 'OpenAI'],
  ['anthropic', 'Anthropic'],
  ['gemini', 'Gemini'],
  ['openai-compatible', 'OpenAI-compatible server'],
] as const;

function numbersOf(values: Record<string, number>): Numbers {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));
}

/** Reads the form's numbers, naming the first that is not one. */
function parseNumbers(values: Numbers, labels: readonly (readonly [string, string])[]): Record<string, number> | string {
  const out: Record<string, number> = {};
  for (const [key, label] of labels) {
    const value = Number(values[key]);
    if (values[key]!.trim() === '' || !Number.isFinite(value)) return `${label} must be a number.`;
    out[key] = value;
  }
  return out;
}

/**
 * Weights, thresholds, the insight writer and the brand kit. The API key field is write-only: the
 * server never sends the key back, only a masked hint that one is saved.
 */
export function SettingsForm(props: { settings: SettingsView | null; save: (change: SettingsChange) => Promise<void> }) {
  const settings = props.settings;
  const [weights, setWeights] = useState<Numbers>({});
  const [thresholds, setThresholds] = useState<Numbers>({});
  const [provider, setProvider] = useState('offline');
  const [model, setModel] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [channel, setChannel] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [kitJson, setKitJson] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!settings) return;
    setWeights(numbersOf(settings.weights));
    setThresholds(numbersOf(settings.thresholds));
    setProvider(settings.provider);
    setModel(settings.model);
    setBaseUrl(settings.baseUrl);
    setChannel(settings.channel);
  }, [settings]);

  if (!settings) return null;

  async function submit(event: Event) {
    event.preventDefault();
    setSaved('');
    const w = parseNumbers(weights, weightFields);
    const t = parseNumbers(thresholds, thresholdFields);
    if (typeof w === 'string' || typeof t === 'string') return setError(typeof w === 'string' ? w : (t as string));
    const change: SettingsChange = { weights: w, thresholds: t, provider: provider as SettingsChange['provider'], model, baseUrl, channel };
    if (apiKey !== '') change.apiKey = apiKey;
    if (kitJson.trim() !== '') change.kitJson = kitJson;
    setSaving(true);
    setError(null);
    try {
      await props.save(change);
      setApiKey('');
      setKitJson('');
      setSaved('Settings saved.');
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setSaving(false);
    }
  }

  const field = (id: string, label: string, value: string, set: (value: string) => void) => (
    <label class="field" key={id}>
      <span>{label}</span>
      <input id={id} inputMode="decimal" value={value} onInput={(event) => set((event.target as HTMLInputElement).value)} />
    </label>
  );

  return (
    <section class="card" aria-labelledby="settings-title">
      <details>
        <summary>
          <h2 id="settings-title" class="inline">Settings</h2>
        </summary>
        {!settings.ready && <p class="muted">Set up the tracker to keep settings in its Settings sheet.</p>}
        {settings.issues.map((issue, i) => <p key={i} class="warning">{issue.path}: {issue.message}</p>)}
        <form onSubmit={submit}>
          <fieldset>
            <legend>Score weights</legend>
            {weightFields.map(([key, label]) => field(`weight-${key}`, label, weights[key] ?? '', (value) => setWeights({ ...weights, [key]: value })))}
          </fieldset>
          <fieldset>
            <legend>Thresholds</legend>
            {thresholdFields.map(([key, label]) => field(`threshold-${key}`, label, thresholds[key] ?? '', (value) => setThresholds({ ...thresholds, [key]: value })))}
          </fieldset>
          <fieldset>
            <legend>Insight writer</legend>
            <label class="field">
              <span>Provider</span>
              <select value={provider} onChange={(event) => setProvider((event.target as HTMLSelectElement).value)}>
                {providers.map(([id, label]) => <option key={id} value={id}>{label}</option>)}
              </select>
            </label>
            <label class="field">
              <span>Model</span>
              <input value={model} placeholder="provider default" onInput={(event) => setModel((event.target as HTMLInputElement).value)} />
            </label>
            {provider === 'openai-compatible' && (
              <label class="field">
                <span>Server URL</span>
                <input type="url" value={baseUrl} placeholder="https://models.example.com/v1" onInput={(event) => setBaseUrl((event.target as HTMLInputElement).value)} />
              </label>
            )}
            {provider !== 'offline' && (
              <label class="field">
                <span>API key</span>
                <input
                  type="password"
                  autoComplete="off"
                  value={apiKey}
                  placeholder={settings.provider === provider && settings.apiKeyMasked ? `saved ${settings.apiKeyMasked}` : 'not set'}
                  onInput={(event) => setApiKey((event.target as HTMLInputElement).value)}
                />
              </label>
            )}
            {provider !== 'offline' && <p class="muted">The key is kept in your own user properties, never in the sheet. AI narratives are marked for review.</p>}
          </fieldset>
          <fieldset>
            <legend>Brand check</legend>
            <p class="muted" data-testid="kit-name">Kit: {settings.kitName ?? 'none yet'}</p>
            <label class="field">
              <span>Channel</span>
              <input value={channel} placeholder="e.g. email-subject" onInput={(event) => setChannel((event.target as HTMLInputElement).value)} />
            </label>
            <label class="field stacked">
              <span>Brand kit JSON (replaces the file's kit)</span>
              <textarea rows={3} value={kitJson} onInput={(event) => setKitJson((event.target as HTMLTextAreaElement).value)} />
            </label>
          </fieldset>
          <ErrorNote message={error} />
          {saved && <p role="status" class="muted">{saved}</p>}
          <button class="button primary" type="submit" disabled={saving}>{saving ? 'Saving…' : 'Save settings'}</button>
        </form>
      </details>
    </section>
  );
}
