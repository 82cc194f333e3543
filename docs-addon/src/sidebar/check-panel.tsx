import { ErrorNote, ReasonForm } from '@onbrand/apps-script/sidebar';
import { useState } from 'preact/hooks';
import type { CheckResult, DocFinding, Fix, KitSummary } from '../contract';
import { ChannelSelect, Field, Notes, useAction } from './parts';
import { call } from './rpc';

const severities = [
  ['error', 'Errors'],
  ['warning', 'Warnings'],
  ['suggestion', 'Suggestions'],
] as const;

/** The paragraph around a finding, with the match marked. */
function Context(props: { text: string; match: string }) {
  const at = props.match ? props.text.indexOf(props.match) : -1;
  if (at < 0) return <div class="context">{props.text}</div>;
  return (
    <div class="context">
      {props.text.slice(0, at)}
      <mark>{props.match}</mark>
      {props.text.slice(at + props.match.length)}
    </div>
  );
}

const fixOf = (finding: DocFinding, replacement: string): Fix => ({ location: finding.location!, expected: finding.match, replacement });

/** Check the document or the selection, list findings by severity, show and fix them. */
export function CheckPanel(props: { kit: KitSummary | null }) {
  const [scope, setScope] = useState<'document' | 'selection'>('document');
  const [channel, setChannel] = useState('');
  const [result, setResult] = useState<CheckResult | null>(null);
  const [message, setMessage] = useState('');
  // The finding whose "Ignore" form is open.
  const [ignoring, setIgnoring] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const check = () => run(async () => setResult(await call('checkDocument', { scope, channel })));
  const fix = (fixes: Fix[]) =>
    run(async () => {
      const outcome = await call('applyFixes', { fixes });
      setMessage(outcome.message);
      setResult(await call('checkDocument', { scope, channel }));
    });
  const show = (finding: DocFinding) =>
    run(async () => {
      const answer = await call('selectFinding', finding.location ? { location: finding.location } : {});
      setMessage(answer.message);
    });
  const ignore = (finding: DocFinding, reason: string) =>
    run(async () => {
      const answer = await call('ignoreFinding', { rule: finding.rule, match: finding.match, sentence: finding.sentence, reason, scope, channel });
      setMessage(answer.message);
      if (answer.ignored) {
        setIgnoring(null);
        setResult(await call('checkDocument', { scope, channel }));
      }
    });
  const safe = result?.findings.filter((f) => f.safe) ?? [];

  return (
    <section class="card" aria-labelledby="check-title">
      <h2 id="check-title">Check</h2>
      <div class="row">
        <Field label="What to check">
          <select value={scope} onChange={(e) => setScope((e.target as HTMLSelectElement).value as 'document' | 'selection')}>
            <option value="document">Whole document</option>
            <option value="selection">Selection</option>
          </select>
        </Field>
        <ChannelSelect kit={props.kit} value={channel} onChange={setChannel} any="Any (no channel rules)" />
      </div>
      <details>
        <summary class="muted">Check parts of the document for different channels</summary>
        <p class="muted">
          End a heading with a channel id in square brackets, like <code>Launch email [email-subject]</code>. The paragraphs under it are checked against that channel until the next
          heading of the same or a higher level. Other text uses the channel chosen above.
        </p>
      </details>
      <div class="row">
        <button class="button primary" onClick={check} disabled={busy}>
          {busy ? 'Working…' : 'Check'}
        </button>
        {safe.length > 0 && (
          <button class="button" onClick={() => fix(safe.map((f) => fixOf(f, f.suggestions[0]!)))} disabled={busy}>
            Fix all safe ({safe.length})
          </button>
        )}
      </div>
      <ErrorNote message={error} />
      {message && (
        <p class="muted" role="status">
          {message}
        </p>
      )}
      {result && (
        <div aria-label="Check result">
          <p>
            <span class="score" data-testid="score">
              {result.score}
            </span>{' '}
            brand fit · {result.findings.length} finding{result.findings.length === 1 ? '' : 's'}
          </p>
          {result.sections.length > 0 && (
            <ul class="notices" aria-label="Channel sections">
              {result.sections.map((s, i) => (
                <li key={i}>
                  {s.heading || 'Start'} → {s.channel ?? 'no channel'}
                </li>
              ))}
            </ul>
          )}
          <Notes notices={result.notices} />
          {result.findings.length === 0 && result.paragraphs > 0 && <p class="ok">No findings: this reads on brand.</p>}
          {severities.map(([severity, title]) => {
            const group = result.findings.filter((f) => f.severity === severity);
            return group.length ? (
              <div key={severity}>
                <h3 class="muted">
                  {title} ({group.length})
                </h3>
                <ul class="findings" aria-label={title}>
                  {group.map((finding) => (
                    <li key={finding.id} class={`finding sev-${severity}`}>
                      <button class="show" onClick={() => show(finding)} title="Show in the document">
                        {finding.message}
                        <Context text={finding.context} match={finding.match} />
                      </button>
                      {finding.location && finding.suggestions.length > 0 && (
                        <div class="row">
                          {finding.suggestions.slice(0, 3).map((s) => (
                            <button key={s} class="button fix" onClick={() => fix([fixOf(finding, s)])} disabled={busy} aria-label={`Fix “${finding.match}” to “${s}”`}>
                              → {s || '(remove)'}
                            </button>
                          ))}
                        </div>
                      )}
                      {ignoring === finding.id ? (
                        <ReasonForm label={`Ignore “${finding.match || finding.rule}” here`} action="Ignore here" busy={busy} onSubmit={(reason) => ignore(finding, reason)} onCancel={() => setIgnoring(null)} />
                      ) : (
                        <button class="button link" disabled={busy} onClick={() => setIgnoring(finding.id)} aria-label={`Ignore “${finding.match || finding.rule}” here…`}>
                          Ignore here…
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null;
          })}
        </div>
      )}
    </section>
  );
}
