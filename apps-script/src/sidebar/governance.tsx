import { problemKinds } from '@onbrand/shared/governance';
import { useState } from 'preact/hooks';

// Governance controls both add-on sidebars share: saving the audit trail, reporting a problem with
// AI output, and giving a reason. Text reaches the page only through Preact, which escapes it.

/** Saves text as a file through the browser's download. */
export function downloadText(text: string, fileName: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = fileName;
  link.click();
}

/** "Download CSV" and "Download JSON" for the whole audit trail. */
export function AuditDownloads(props: { csv: string; json: string; baseName: string }) {
  return (
    <div class="row">
      <button class="button" onClick={() => downloadText(props.csv, `${props.baseName}.csv`, 'text/csv')}>
        Download CSV
      </button>
      <button class="button" onClick={() => downloadText(props.json, `${props.baseName}.json`, 'application/json')}>
        Download JSON
      </button>
    </div>
  );
}

/** What an approval, rejection or report did, and who handles a report (the kit's escalation contact). */
export function Outcome(props: { message: string; escalation: string }) {
  return (
    <>
      {props.message && (
        <p class="muted" role="status">
          {props.message}
        </p>
      )}
      {props.escalation && (
        <p class="notice" aria-label="Escalation">
          {props.escalation}
        </p>
      )}
    </>
  );
}

/** What is wrong with a piece of AI output, and a note; `onSend` answers with what to show. */
export function ReportForm(props: { subject: string; busy: boolean; onSend: (kind: string, note: string) => void; onCancel: () => void }) {
  const [kind, setKind] = useState<string>(problemKinds[0]);
  const [note, setNote] = useState('');
  return (
    <form
      class="report"
      aria-label={`Report a problem with ${props.subject}`}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSend(kind, note);
      }}
    >
      <label class="field">
        <span>What is wrong</span>
        <select value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
          {problemKinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Note</span>
        <textarea rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      </label>
      <SubmitRow action="Send report" busy={props.busy} onCancel={props.onCancel} />
    </form>
  );
}

/** A reason asked for before an action (rejecting, ignoring a finding) goes ahead. */
export function ReasonForm(props: { label: string; action: string; busy: boolean; onSubmit: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  return (
    <form
      class="reason"
      aria-label={props.label}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(reason);
      }}
    >
      <label class="field">
        <span>Reason</span>
        <input value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
      </label>
      <SubmitRow action={props.action} busy={props.busy} onCancel={props.onCancel} />
    </form>
  );
}

function SubmitRow(props: { action: string; busy: boolean; onCancel: () => void }) {
  return (
    <div class="row">
      <button class="button primary" type="submit" disabled={props.busy}>
        {props.action}
      </button>
      <button class="button" type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}
