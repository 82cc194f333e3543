import { AuditDownloads, ErrorNote, Outcome, ReasonForm, ReportForm, useRemote } from '@onbrand/apps-script/sidebar';
import { useState } from 'preact/hooks';
import type { FindingSummary, Mark } from '../contract';
import { Field, useAction } from './parts';
import { call } from './rpc';

type Open = { id: string; form: 'errors'; findings: FindingSummary[] } | { id: string; form: 'report' | 'reject' };

/** AI text awaiting approval, rewrites awaiting a choice, and the audit trail. */
export function ReviewPanel(props: { marks: readonly Mark[]; onChange: () => void }) {
  const audit = useRemote(() => call('getAuditLog', {}));
  const [message, setMessage] = useState('');
  const [escalation, setEscalation] = useState('');
  // The one form open under a mark: the error-level findings an approval stopped at, a report, or a rejection.
  const [open, setOpen] = useState<Open | null>(null);
  const { busy, error, run } = useAction();
  const act = (work: () => Promise<{ message: string; escalation?: string }>) =>
    run(async () => {
      const answer = await work();
      setMessage(answer.message);
      setEscalation(answer.escalation ?? '');
      props.onChange();
      await audit.refresh();
    });
  const approve = (id: string, confirm: boolean) =>
    act(async () => {
      const answer = await call('approveMark', { id, confirm });
      setOpen(answer.open.length ? { id, form: 'errors', findings: answer.open } : null);
      return answer;
    });
  const closeAfter = (work: () => Promise<{ message: string; escalation?: string }>) =>
    act(async () => {
      const answer = await work();
      setOpen(null);
      return answer;
    });
  const reportButton = (mark: Mark) => (
    <button class="button" disabled={busy} onClick={() => setOpen({ id: mark.id, form: 'report' })} aria-label={`Report a problem with ${mark.label}`}>
      Report a problem
    </button>
  );

  return (
    <>
      <section class="card" aria-labelledby="review-title">
        <h2 id="review-title">Awaiting approval ({props.marks.length})</h2>
        <p class="muted">AI text stays highlighted until a person approves it. Approving records who, when, the template, model and findings.</p>
        <Outcome message={message} escalation={escalation} />
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
                  {reportButton(mark)}
                </div>
              </>
            ) : (
              <>
                <pre>{mark.text}</pre>
                {open?.id === mark.id && open.form === 'errors' ? (
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
                  <div class="row">
                    <button class="button primary" disabled={busy} onClick={() => approve(mark.id, false)} aria-label={`Approve ${mark.label}`}>
                      Approve
                    </button>
                    <button class="button" disabled={busy} onClick={() => setOpen({ id: mark.id, form: 'reject' })} aria-label={`Reject ${mark.label}`}>
                      Reject
                    </button>
                    {reportButton(mark)}
                  </div>
                )}
              </>
            )}
            {open?.id === mark.id && open.form === 'reject' && (
              <ReasonForm label={`Reject ${mark.label}`} action="Reject and remove" busy={busy} onSubmit={(reason) => closeAfter(() => call('rejectMark', { id: mark.id, reason }))} onCancel={() => setOpen(null)} />
            )}
            {open?.id === mark.id && open.form === 'report' && (
              <ReportForm subject={mark.label} busy={busy} onSend={(kind, note) => closeAfter(() => call('reportMark', { id: mark.id, kind, note }))} onCancel={() => setOpen(null)} />
            )}
          </article>
        ))}
      </section>
      <section class="card" aria-labelledby="audit-title">
        <h2 id="audit-title">Audit log</h2>
        <ErrorNote message={audit.error} />
        {audit.value && audit.value.records.length === 0 && <p class="muted">Nothing recorded yet.</p>}
        {audit.value && audit.value.records.length > 0 && (
          <>
            <table class="audit" aria-label="Audit log">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Who</th>
                  <th>Action</th>
                  <th>What</th>
                </tr>
              </thead>
              <tbody>
                {[...audit.value.records].reverse().map((record, i) => (
                  <tr key={i}>
                    <td>{record.when.slice(0, 16).replace('T', ' ')}</td>
                    <td>{record.who}</td>
                    <td>{record.action}</td>
                    <td title={record.detail}>
                      {record.subject}
                      {record.provider ? ` (${record.provider})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <AuditDownloads csv={audit.value.csv} json={audit.value.json} baseName="onbrand-audit-log" />
          </>
        )}
      </section>
    </>
  );
}

/** Who may approve AI text in this document, for a team without a shared kit; the kit's list wins. */
export function ApproversCard() {
  const current = useRemote(() => call('getApprovers', {}));
  const [text, setText] = useState<string | null>(null);
  const [answer, setAnswer] = useState<{ message: string; problems: string[] } | null>(null);
  const { busy, error, run } = useAction();
  const save = () =>
    run(async () => {
      const saved = await call('saveApprovers', { content: text ?? '' });
      setAnswer(saved);
      await current.refresh();
    });
  const value = text ?? current.value?.approvers.join(', ') ?? '';
  return (
    <section class="card" aria-labelledby="approvers-title">
      <h2 id="approvers-title">Approvers</h2>
      <p class="muted">
        {current.value?.kitNames ? 'The brand kit names who may approve AI text; its list applies.' : 'Name who may approve AI text in this document (emails or @domain). Empty lets anyone who can edit approve.'}
      </p>
      <Field label="Content approvers">
        <input value={value} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
      </Field>
      <button class="button" disabled={busy} onClick={save}>
        Save approvers
      </button>
      <ErrorNote message={error ?? current.error} />
      {answer && (
        <p class="muted" role="status" aria-label="Approvers saved">
          {answer.message} {answer.problems.join('; ')}
        </p>
      )}
    </section>
  );
}
