import type { ComponentChildren } from 'preact';
import type { VersionSummary } from '../contract';

/** Messages after an operation: what was left out, what to review. */
export function Notices(props: { notices: readonly string[] }) {
  if (!props.notices.length) return null;
  return (
    <ul class="notices" aria-label="Notices">
      {props.notices.map((notice) => (
        <li key={notice} class="notice">
          {notice}
        </li>
      ))}
    </ul>
  );
}

export function ErrorNote(props: { message: string | null }) {
  return props.message ? (
    <p class="error" role="alert">
      {props.message}
    </p>
  ) : null;
}

/** A labelled group of controls. */
export function Field(props: { label: string; children: ComponentChildren; hint?: string }) {
  return (
    <fieldset class="field">
      <legend>{props.label}</legend>
      {props.children}
      {props.hint && <p class="muted">{props.hint}</p>}
    </fieldset>
  );
}

/** One version: its size, variant and locale, what the resize did and its flags. */
export function VersionItem(props: { version: VersionSummary; children?: ComponentChildren; footer?: ComponentChildren }) {
  const { version } = props;
  return (
    <li class="version" data-version-id={version.id}>
      <div class="version-head">
        {props.children}
        <span class="name" title={version.name}>
          {version.name}
        </span>
        {version.stale && (
          <span class="badge stale" title="The master changed after this version was made">
            stale
          </span>
        )}
        {version.aiGenerated && !version.review.startsWith('approved') && (
          <span class="badge ai" title={`Copy drafted by ${version.provenance}; ${version.review || 'review before it ships'}`}>
            {version.review.startsWith('rejected') ? 'AI draft · rejected' : 'AI draft'}
          </span>
        )}
        {version.aiGenerated && version.review.startsWith('approved') && (
          <span class="badge" title={`Copy drafted by ${version.provenance}; ${version.review}`}>
            AI · approved
          </span>
        )}
        {version.flags.length > 0 && <span class="badge flag">{version.flags.length} flag(s)</span>}
      </div>
      <details>
        <summary>What changed</summary>
        <ul class="actions">
          {version.actions.map((action) => (
            <li key={action}>{action}</li>
          ))}
        </ul>
        {version.flags.length > 0 && (
          <ul class="flags" aria-label="Flags">
            {version.flags.map((flag, index) => (
              <li key={index}>{flag.message}</li>
            ))}
          </ul>
        )}
      </details>
      {props.footer}
    </li>
  );
}
