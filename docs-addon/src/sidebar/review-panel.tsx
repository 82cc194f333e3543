import { ErrorNote, useRemote } from '@onbrand/apps-script/sidebar';
import { useState } from 'preact/hooks';
import type { AuditEntry, Mark } from '../contract';
import { useAction } from './parts';
import { call } from './rpc';

function download(csv: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  link.download = 'onbrand-audit-log.csv';
  link.click();
}

/** AI text awaiting approval, rewrites awaiting a choice, and the audit log. */
export function ReviewPanel(props: { marks: readonly Mark[]; onChange: () => void }) {
  const audit = useRemote(() => call('getAuditLog', {}));
  const [message, setMessage] = useState('');
  // Error-level findings an approval stopped at, shown for the approver to confirm or go and fix.
  const [open, setOpen] = useState<{ id: string; findings: AuditEntry['findings'] } | null>(null);
  const { busy, error, run } = useAction();
  const act = (work: () => Promise<{ message: string }>) =>
    run(async () => {
      setMessage((await work()).message);
      props.onChange();
      await audit.refresh();
    });
  const approve = (id: string, confirm: boolean) =>
    act(async () => {
      const answer = await call('approveMark', { id, confirm });
      setOpen(answer.open.length ? { id, findings: answer.open } : null);
      return answer;
    });

  return (
    <>
      <section class="card" aria-labelledby="review-title">
        <h2 id="review-title">Awaiting approval ({props.marks.length})</h2>
        <p class="muted">AI text stays highlighted until a person approves it. Approving records who, when, the template, model and findings.</p>
        {message && (
          <p class="muted" role="status">
            {message}
          </p>
        )}
        <ErrorNote message={error} />
        {/* Rewrites waiting for a choice come first: the original and the rewrite both sit in the document until then. */}
        {[...props.marks].sort((a, b) => Number(b.original !== null) - Number(a.original !== null)).map((mark) => (
          <article key={mark.id} class="mark" aria-label={mark.label}>
            <strong>{mark.label}</strong> <span class="badge">{mark.kind}</span>
            {mark.needsReview && <span class="badge review">needs review: unapproved claim</span>}
            <p class="muted">
              {mark.provider} · {mark.model} · {mark.template} v{mark.templateVersion} · {mark.findings} finding{mark.findings === 1 ? '' : 's'} · fit {mark.score}
            </p>
            {mark.original !== null ? (
              <>
                <p class="muted">Original</p>
                <pre>{mark.original}</pre>
                <p class="muted">Rewrite</p>
                <pre>{mark.text}</pre>
                <div class="row">
                  <button class="button primary" disabled={busy} onClick={() => act(() => call('chooseRewrite', { id: mark.id, keep: 'rewrite' }))}>
                    Keep rewrite
                  </button>
                  <button class="button" disabled={busy} onClick={() => act(() => call('chooseRewrite', { id: mark.id, keep: 'original' }))}>
                    Keep original
                  </button>
                </div>
              </>
            ) : (
              <>
                <pre>{mark.text}</pre>
                {open?.id === mark.id ? (
                  <div role="alertdialog" aria-label={`Open findings in ${mark.label}`}>
                    <ul class="findings" aria-label="Open errors">
                      {open.findings.map((f, i) => (
                        <li key={i}>
                          <strong>{f.match || '(missing)'}</strong>: {f.message}
                        </li>
                      ))}
                    </ul>
                    <div class="row">
                      <button class="button primary" disabled={busy} onClick={() => approve(mark.id, true)}>
                        Approve anyway
                      </button>
                      <button class="button" disabled={busy} onClick={() => setOpen(null)}>
                        Not yet
                      </button>
                    </div>
                  </div>
                ) : (
                  <button class="button primary" disabled={busy} onClick={() => approve(mark.id, false)} aria-label={`Approve ${mark.label}`}>
                    Approve
                  </button>
                )}
              </>
            )}
          </article>
        ))}
      </section>
      <section class="card" aria-labelledby="audit-title">
        <h2 id="audit-title">Audit log</h2>
        <ErrorNote message={audit.error} />
        {audit.value && audit.value.entries.length === 0 && <p class="muted">Nothing approved yet.</p>}
        {audit.value && audit.value.entries.length > 0 && (
          <>
            <table class="audit" aria-label="Audit log">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Who</th>
                  <th>Piece</th>
                  <th>Findings</th>
                </tr>
              </thead>
              <tbody>
                {audit.value.entries.map((entry) => (
                  <tr key={entry.markId + entry.approvedAt}>
                    <td>{entry.approvedAt.slice(0, 16).replace('T', ' ')}</td>
                    <td>{entry.approvedBy}</td>
                    <td>
                      {entry.label} ({entry.provider})
                    </td>
                    <td>{entry.findings.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button class="button" onClick={() => download(audit.value!.csv)}>
              Download CSV
            </button>
          </>
        )}
      </section>
    </>
  );
}
