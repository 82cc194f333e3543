import { problemKinds } from '@onbrand/shared/governance';
import { useState } from 'preact/hooks';
import type { VersionSummary } from '../contract';
import { ErrorNote } from './parts';
import { call } from './rpc';
import { download } from './zip';

// Reviewing a version's AI copy, reporting a problem with it, and saving the file's audit trail.
// Approval is checked on the main thread against the kit's approvers (figma.currentUser).

type Form = 'reject' | 'report' | null;

/** Approve, reject or report one version's AI copy; `onDone` gets the version as it now is. */
export function ReviewControls(props: { version: VersionSummary; onDone: (version: VersionSummary | null, message: string) => void }) {
  const { version } = props;
  const [form, setForm] = useState<Form>(null);
  const [kind, setKind] = useState<string>(problemKinds[0]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [escalation, setEscalation] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const review = (decision: 'approved' | 'rejected') =>
    run(async () => {
      const answer = await call('reviewVersions', { ids: [version.id], decision, reason: text });
      setForm(null);
      setText('');
      props.onDone(answer.versions[0] ?? null, answer.message);
    });
  const report = () =>
    run(async () => {
      const answer = await call('reportVersion', { id: version.id, kind, note: text });
      if (!answer.reported) throw new Error(answer.message);
      setForm(null);
      setText('');
      setEscalation(answer.escalation);
      props.onDone(null, answer.message);
    });
  const pending = version.review === 'awaiting approval';
  return (
    <div class="review" aria-label={`Review ${version.name}`}>
      <div class="row">
        {pending && (
          <>
            <button class="button primary" disabled={busy} onClick={() => review('approved')} aria-label={`Approve ${version.name}`}>
              Approve
            </button>
            <button class="button" disabled={busy} onClick={() => setForm('reject')} aria-label={`Reject ${version.name}`}>
              Reject
            </button>
          </>
        )}
        <button class="button" disabled={busy} onClick={() => setForm('report')} aria-label={`Report a problem with ${version.name}`}>
          Report a problem
        </button>
      </div>
      {form && (
        <form
          aria-label={form === 'reject' ? `Reject ${version.name}` : `Report a problem with ${version.name}`}
          onSubmit={(event) => {
            event.preventDefault();
            void (form === 'reject' ? review('rejected') : report());
          }}
        >
          {form === 'report' && (
            <label>
              <span class="label">What is wrong</span>
              <select class="input" value={kind} onChange={(event) => setKind(event.currentTarget.value)}>
                {problemKinds.map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            </label>
          )}
          <label>
            <span class="label">{form === 'reject' ? 'Reason' : 'Note'}</span>
            <input class="input" value={text} onInput={(event) => setText(event.currentTarget.value)} />
          </label>
          <div class="row">
            <button class="button primary" type="submit" disabled={busy}>
              {form === 'reject' ? 'Reject' : 'Send report'}
            </button>
            <button class="button" type="button" onClick={() => setForm(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <ErrorNote message={error} />
      {escalation && (
        <p class="muted" aria-label="Escalation">
          {escalation}
        </p>
      )}
    </div>
  );
}

/** The file's audit trail: how many records, and the whole of it as CSV or JSON. */
export function AuditExport() {
  const [error, setError] = useState<string | null>(null);
  const save = async (format: 'csv' | 'json') => {
    setError(null);
    try {
      const log = await call('getAuditLog', {});
      download(new TextEncoder().encode(format === 'csv' ? log.csv : log.json), `onbrand-audit-log.${format}`, format === 'csv' ? 'text/csv' : 'application/json');
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <div class="audit-export">
      <h3 class="label">Audit log</h3>
      <div class="row">
        <button class="button" onClick={() => save('csv')}>
          Download audit CSV
        </button>
        <button class="button" onClick={() => save('json')}>
          Download audit JSON
        </button>
      </div>
      <ErrorNote message={error} />
    </div>
  );
}
