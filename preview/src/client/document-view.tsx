import type { DocumentViewState } from '../server/state';

/** The document body as a page. */
export function DocumentPage(props: { state: DocumentViewState }) {
  return (
    <article class="doc-page" aria-label="Document">
      {props.state.paragraphs.map((text, index) => (index === 0 ? <h1 key={index}>{text}</h1> : <p key={index}>{text || '\u00a0'}</p>))}
    </article>
  );
}
