import { ErrorNote } from '@onbrand/apps-script/sidebar';
import { useState } from 'preact/hooks';
import type { Inserted, TemplateInfo } from '../contract';
import { InsertedReport } from './draft-panel';
import { Field, useAction } from './parts';
import { call } from './rpc';

/** Pick a built-in template, fill the form generated from its typed inputs, insert the result. */
export function TemplatesPanel(props: { templates: readonly TemplateInfo[]; onChange: () => void }) {
  const [id, setId] = useState(props.templates[0]?.id ?? '');
  const template = props.templates.find((t) => t.id === id);
  const [values, setValues] = useState<Record<string, string>>({});
  const [result, setResult] = useState<Inserted | null>(null);
  const { busy, error, run } = useAction();
  const valueOf = (name: string, sample: string) => values[`${id}:${name}`] ?? sample;
  const set = (name: string) => (e: Event) => setValues({ ...values, [`${id}:${name}`]: (e.target as HTMLInputElement).value });

  const insert = () =>
    run(async () => {
      const vars = Object.fromEntries(template!.fields.map((f) => [f.name, valueOf(f.name, f.sample)]));
      setResult(await call('runTemplate', { templateId: id, vars }));
      props.onChange();
    });

  return (
    <section class="card" aria-labelledby="templates-title">
      <h2 id="templates-title">Templates</h2>
      <Field label="Template">
        <select value={id} onChange={(e) => setId((e.target as HTMLSelectElement).value)}>
          {props.templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.id} (v{t.version})
            </option>
          ))}
        </select>
      </Field>
      {template && (
        <>
          <p class="muted">
            {template.description}
            {!template.offline && ' Needs a model (Settings).'}
          </p>
          {template.fields.map((field) => (
            <Field key={`${id}:${field.name}`} label={`${field.label}${field.required ? '' : ' (optional)'}${field.kind === 'list' ? ' — one a line' : ''}`}>
              {field.kind === 'choice' ? (
                <select value={valueOf(field.name, field.sample)} onChange={set(field.name)}>
                  {field.choices.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              ) : field.kind === 'list' || field.kind === 'json' ? (
                <textarea value={valueOf(field.name, field.sample)} onInput={set(field.name)} />
              ) : (
                <input inputMode={field.kind === 'number' ? 'numeric' : 'text'} value={valueOf(field.name, field.sample)} onInput={set(field.name)} />
              )}
            </Field>
          ))}
          <button class="button primary" onClick={insert} disabled={busy}>
            {busy ? 'Working…' : 'Insert at cursor'}
          </button>
        </>
      )}
      <ErrorNote message={error} />
      <InsertedReport result={result} />
    </section>
  );
}
