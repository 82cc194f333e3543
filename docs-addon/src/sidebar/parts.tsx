import type { ComponentChildren } from 'preact';
import type { KitSummary } from '../contract';
import { useState } from 'preact/hooks';

/** A labelled form control. */
export function Field(props: { label: string; children: ComponentChildren }) {
  return (
    <label class="field">
      <span>{props.label}</span>
      {props.children}
    </label>
  );
}

/** Notices and issues from the server, as plain lists. */
export function Notes(props: { notices?: readonly string[]; issues?: readonly { path: string; message: string }[] }) {
  return (
    <>
      {props.issues && props.issues.length > 0 && (
        <ul class="notices error" role="alert" aria-label="Problems">
          {props.issues.map((issue, i) => (
            <li key={i}>
              {issue.path}: {issue.message}
            </li>
          ))}
        </ul>
      )}
      {props.notices && props.notices.length > 0 && (
        <ul class="notices" aria-label="Notices">
          {props.notices.map((notice, i) => (
            <li key={i}>{notice}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Runs a server call with a busy flag and an error message. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run<T>(work: () => Promise<T>): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (failure) {
      setError((failure as Error).message);
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}

export const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** A channel picker over the kit's channels, with "any" first. */
export function ChannelSelect(props: { kit: KitSummary | null; value: string; onChange: (value: string) => void; any: string }) {
  return (
    <Field label="Channel">
      <select value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{props.any}</option>
        {props.kit?.channels.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
