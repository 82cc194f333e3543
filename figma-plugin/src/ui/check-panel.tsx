import { useState } from 'preact/hooks';
import type { CheckedFrame, CheckFinding, PluginFix } from '../contract';
import { ErrorNote, Notices } from './parts';
import { call } from './rpc';

const fixLabel = (fix: PluginFix): string =>
  fix.kind === 'fontSize' ? `Raise to ${fix.size} px` : fix.kind === 'text' ? `Use “${fix.replacement}”` : `Use ${fix.hex}`;

function FindingRow(props: { finding: CheckFinding; frameId: string; onFix: (fixes: PluginFix[]) => void; onIgnore: (frameId: string, findingId: string, reason: string) => void }) {
  const { finding } = props;
  const [reason, setReason] = useState<string | null>(null);
  const what = finding.match || finding.rule;
  return (
    <li class={`finding ${finding.severity}`} data-rule={finding.rule}>
      <button class="finding-select" onClick={() => void call('selectNode', { id: finding.nodeId })} title="Select and zoom to the layer">
        <span class="severity">{finding.severity}</span> <span class="layer-name">{finding.nodeName}</span>
        <span class="message">{finding.message}</span>
      </button>
      {finding.fix && (
        <button class="button small" onClick={() => props.onFix([finding.fix!])} title={finding.safe === false ? 'A bigger change: look before you apply it' : undefined}>
          {finding.safe === false ? 'Review fix' : 'Fix'}: {fixLabel(finding.fix)}
        </button>
      )}
      {reason === null ? (
        <button class="button small" onClick={() => setReason('')} aria-label={`Ignore “${what}” here…`}>
          Ignore here…
        </button>
      ) : (
        <form
          class="row"
          aria-label={`Ignore “${what}” here`}
          onSubmit={(event) => {
            event.preventDefault();
            props.onIgnore(props.frameId, finding.id, reason);
          }}
        >
          <input class="input" aria-label="Reason" placeholder="Why this can stay" value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
          <button class="button small" type="submit">
            Ignore
          </button>
        </form>
      )}
    </li>
  );
}

/** The brand check: findings by version, a click selects the layer, safe fixes one by one or all at once. */
export function CheckPanel() {
  const [frames, setFrames] = useState<CheckedFrame[] | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [lastScope, setLastScope] = useState<'selection' | 'versions'>('versions');
  // What the last "fix all" changed, and the fixes that put it back.
  const [summary, setSummary] = useState<{ changes: string[]; undo: PluginFix[] } | null>(null);

  async function check(scope: 'selection' | 'versions') {
    setBusy(true);
    setError(null);
    setLastScope(scope);
    try {
      const answer = await call('checkBrand', { scope });
      setFrames(answer.frames);
      setNotices(answer.notices);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function fix(fixes: PluginFix[], bulk = false) {
    try {
      const answer = await call('applyFixes', { fixes });
      setNotices(answer.skipped);
      setSummary(bulk ? { changes: answer.changes, undo: answer.undo } : null);
      await check(lastScope);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }

  async function ignore(frameId: string, findingId: string, reason: string) {
    try {
      const answer = await call('ignoreFinding', { frameId, findingId, reason });
      if (!answer.ignored) return setError(answer.message);
      setError(null);
      await check(lastScope);
      setNotices((current) => [answer.message, ...current]);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }

  const total = frames?.reduce((sum, frame) => sum + frame.findings.length, 0) ?? 0;
  // Only safe fixes go in bulk; a big colour move, or one that would break contrast, is offered on its own row.
  const safeFixes = (findings: CheckFinding[]) => findings.flatMap((finding) => (finding.fix && finding.safe !== false ? [finding.fix] : []));
  const allFixes = frames?.flatMap((frame) => safeFixes(frame.findings)) ?? [];
  async function undo(fixes: PluginFix[]) {
    setSummary(null);
    await fix(fixes);
  }
  return (
    <section class="section" aria-labelledby="check-title">
      <h2 id="check-title">Brand check</h2>
      <div class="row">
        <button class="button primary" onClick={() => check('versions')} disabled={busy}>
          Check all versions
        </button>
        <button class="button" onClick={() => check('selection')} disabled={busy}>
          Check selection
        </button>
      </div>
      <ErrorNote message={error} />
      <Notices notices={notices} />
      {frames && (
        <div class="row">
          <p class="muted grow" aria-live="polite">
            {total} finding(s) in {frames.length} frame(s).
          </p>
          {allFixes.length > 0 && (
            <button class="button" onClick={() => fix(allFixes, true)}>
              Fix all {allFixes.length} safely
            </button>
          )}
        </div>
      )}
      {summary && (
        <div class="fix-summary" role="status" aria-label="What the fixes changed">
          <p>
            Changed {summary.changes.length} thing(s) in one step; Figma's Undo puts them all back too.
          </p>
          <ul>
            {summary.changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
          {summary.undo.length > 0 && (
            <button class="button small" onClick={() => void undo(summary.undo)}>
              Undo these fixes
            </button>
          )}
        </div>
      )}
      {frames?.map((frame) => {
        const fixes = safeFixes(frame.findings);
        return (
          <article key={frame.id} class="checked" aria-label={frame.name}>
            <header class="checked-head">
              <span class="name" title={frame.name}>
                {frame.name}
              </span>
              <span class="score" title="Brand fit, 0–100">
                {frame.score}
              </span>
              {fixes.length > 1 && (
                <button class="button small" onClick={() => fix(fixes, true)}>
                  Fix all {fixes.length}
                </button>
              )}
            </header>
            {frame.findings.length === 0 ? (
              <p class="muted">On brand: no findings.</p>
            ) : (
              <ul class="findings" aria-label={`Findings in ${frame.name}`}>
                {frame.findings.map((finding) => (
                  <FindingRow key={finding.id} finding={finding} frameId={frame.id} onFix={fix} onIgnore={ignore} />
                ))}
              </ul>
            )}
          </article>
        );
      })}
    </section>
  );
}
