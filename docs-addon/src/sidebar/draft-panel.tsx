import { ErrorNote } from '@onbrand/apps-script/sidebar';
import { parseBriefFile, parseBriefTable, type Brief } from '@onbrand/shared/generate';
import { useState } from 'preact/hooks';
import type { Inserted, KitSummary } from '../contract';
import { ChannelSelect, Field, Notes, lines, useAction } from './parts';
import { call } from './rpc';

const textFields = [
  ['campaign', 'Campaign'],
  ['product', 'Product'],
  ['audience', 'Audience'],
  ['keyMessage', 'Key message'],
  ['cta', 'Call to action'],
  ['offer', 'Offer (optional)'],
] as const;

/** What an insertion did: the new marked pieces, notices and problems. */
export function InsertedReport(props: { result: Inserted | null; label?: string }) {
  const result = props.result;
  if (!result) return null;
  return (
    <div aria-label={props.label ?? 'Draft result'}>
      <Notes notices={result.notices} issues={result.issues} />
      {result.marks.length > 0 && (
        <ul class="notices" aria-label="Inserted pieces">
          {result.marks.map((mark) => (
            <li key={mark.id}>
              {mark.label}: {mark.findings} finding{mark.findings === 1 ? '' : 's'}, brand fit {mark.score}
              {mark.needsReview && <span class="badge review"> needs review</span>}
              {mark.disclosure && <span class="badge"> disclosure added</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The brief form: drafts a content pack at the cursor; and rewriting the selection to the brand voice. */
export function DraftPanel(props: { kit: KitSummary | null; onChange: () => void }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [channels, setChannels] = useState<string[]>([]);
  const [result, setResult] = useState<Inserted | null>(null);
  const [rewritten, setRewritten] = useState<Inserted | null>(null);
  const [rewriteChannel, setRewriteChannel] = useState('');
  const [fileIssues, setFileIssues] = useState<{ path: string; message: string }[]>([]);
  const [fileNote, setFileNote] = useState('');
  const { busy, error, run } = useAction();
  const rewriting = useAction();
  const set = (name: string) => (e: Event) => setValues({ ...values, [name]: (e.target as HTMLInputElement).value });

  // The file is read here in the sidebar and only fills the form; a bad file leaves what was typed alone.
  const fill = (brief: Brief) => {
    const known = new Set(props.kit?.channels.map((c) => c.id));
    const wanted = brief.channels ?? [];
    setValues({
      ...Object.fromEntries(textFields.map(([name]) => [name, brief[name] ?? ''])),
      benefits: brief.benefits.join('\n'),
      approvedClaims: (brief.approvedClaims ?? []).join('\n'),
    });
    setChannels(wanted.filter((id) => known.has(id)));
    const unknown = wanted.filter((id) => !known.has(id));
    return unknown.length ? ` Not in the kit, so not ticked: ${unknown.join(', ')}.` : '';
  };
  // A file and a table in the document load the same way: the form changes only when the whole brief reads.
  const load = (source: string, parsed: ReturnType<typeof parseBriefFile>) => {
    setFileIssues(parsed.ok ? [] : parsed.issues);
    setFileNote(parsed.ok ? `Loaded ${source}; check the fields, then draft.${fill(parsed.value)}` : `${source} was not loaded; your brief is unchanged.`);
  };
  const fromFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const parsed = parseBriefFile(file.name, await file.text());
    input.value = '';
    load(file.name, parsed);
  };
  const fromTable = () =>
    run(async () => {
      const { rows, problem } = await call('readBriefTable', {});
      if (problem) {
        setFileIssues([]);
        setFileNote(`${problem} Your brief is unchanged.`);
      } else load('the brief table', parseBriefTable(rows));
    });

  const draft = () =>
    run(async () => {
      const brief: Record<string, unknown> = { ...values, benefits: lines(values.benefits ?? ''), approvedClaims: lines(values.approvedClaims ?? '') };
      if (!values.offer) delete brief.offer;
      if (channels.length) brief.channels = channels;
      setResult(await call('draftFromBrief', { brief }));
      props.onChange();
    });
  const rewrite = () =>
    rewriting.run(async () => {
      setRewritten(await call('rewriteSelection', { channel: rewriteChannel }));
      props.onChange();
    });

  return (
    <>
      <section class="card" aria-labelledby="draft-title">
        <h2 id="draft-title">Draft from a brief</h2>
        <p class="muted">The draft goes in at the cursor as headed sections, marked for review. Nothing you wrote is replaced.</p>
        <Field label="Brief file (JSON or Markdown)">
          <input type="file" accept=".json,.md,.markdown,application/json,text/markdown" onChange={(e) => void fromFile(e.currentTarget)} />
        </Field>
        {fileNote && (
          <p class="muted" role="status">
            {fileNote}
          </p>
        )}
        <button class="button" onClick={fromTable} disabled={busy}>
          Load brief from table
        </button>
        <p class="muted">Put the cursor in a two-column table (field | value: Product, Audience, Key message…).</p>
        <Notes issues={fileIssues} />
        {textFields.map(([name, label]) => (
          <Field key={name} label={label}>
            <input name={name} value={values[name] ?? ''} onInput={set(name)} />
          </Field>
        ))}
        <Field label="Benefits (one a line)">
          <textarea name="benefits" value={values.benefits ?? ''} onInput={set('benefits')} />
        </Field>
        <Field label="Approved claims (one a line)">
          <textarea name="approvedClaims" value={values.approvedClaims ?? ''} onInput={set('approvedClaims')} />
        </Field>
        <fieldset class="checks">
          <legend class="muted">Channels</legend>
          {props.kit?.channels.map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                checked={channels.includes(c.id)}
                onChange={(e) => setChannels((e.target as HTMLInputElement).checked ? [...channels, c.id] : channels.filter((id) => id !== c.id))}
              />{' '}
              {c.name}
            </label>
          ))}
        </fieldset>
        <button class="button primary" onClick={draft} disabled={busy}>
          {busy ? 'Working…' : 'Draft at cursor'}
        </button>
        <ErrorNote message={error} />
        <InsertedReport result={result} />
      </section>
      <section class="card" aria-labelledby="rewrite-title">
        <h2 id="rewrite-title">Rewrite the selection</h2>
        <p class="muted">The rewrite goes in below your text; keep one of them in Review.</p>
        <ChannelSelect kit={props.kit} value={rewriteChannel} onChange={setRewriteChannel} any="Any" />
        <button class="button" onClick={rewrite} disabled={rewriting.busy}>
          {rewriting.busy ? 'Working…' : 'Rewrite to brand voice'}
        </button>
        <ErrorNote message={rewriting.error} />
        <InsertedReport result={rewritten} label="Rewrite result" />
      </section>
    </>
  );
}
