import type { DrawnBlock, DrawnRun } from '../server/docs-state';
import type { DocumentViewState } from '../server/state';

function Run(props: { run: DrawnRun }) {
  const { run } = props;
  const style = { color: run.color ?? undefined, background: run.background ?? undefined };
  let content = <>{run.text}</>;
  if (run.bold) content = <strong>{content}</strong>;
  if (run.italic) content = <em>{content}</em>;
  if (run.link) content = <a href={run.link} onClick={(e) => e.preventDefault()}>{content}</a>;
  return (
    <span style={style} class={run.selected ? 'doc-selected' : undefined} data-selected={run.selected || undefined}>
      {content}
    </span>
  );
}

// The preview's stylesheet is shared; the document's own look travels with its view.
const css = `
.doc-page h2 { font-size: 19px; font-weight: 400; margin: 18px 0 6px; }
.doc-page h3 { font-size: 16px; font-weight: 700; margin: 14px 0 4px; }
.doc-page p, .doc-list { margin: 0 0 8px; }
.doc-selected { background: #c6dafc !important; outline: 1px solid #8ab4f8; }
.doc-table { border-collapse: collapse; width: 100%; margin: 8px 0; }
.doc-table td { border: 1px solid #dadce0; padding: 4px 8px; vertical-align: top; }
.doc-table td p { margin: 0; }
.doc-header, .doc-footer { color: #5f6368; font-size: 12px; border-bottom: 1px dashed #dadce0; margin-bottom: 16px; }
.doc-footer { border-bottom: 0; border-top: 1px dashed #dadce0; margin: 16px 0 0; }
.doc-footnotes { font-size: 12px; color: #5f6368; border-top: 1px solid #dadce0; padding-top: 6px; }
.doc-ai { box-shadow: inset 3px 0 0 #f9ab00; padding-left: 6px; }
.doc-page a { color: #1a73e8; }
`;

const tags: Record<string, 'h1' | 'h2' | 'h3' | 'h4'> = { TITLE: 'h1', HEADING1: 'h1', HEADING2: 'h2', HEADING3: 'h3', HEADING4: 'h4' };

function Blocks(props: { blocks: DrawnBlock[] }) {
  return (
    <>
      {props.blocks.map((block, index) => {
        if (block.kind === 'table')
          return (
            <table key={index} class="doc-table">
              <tbody>
                {block.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, c) => (
                      <td key={c}>
                        <Blocks blocks={cell} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        const Tag = block.list ? 'div' : (tags[block.heading] ?? 'p');
        const listStyle = block.list ? { paddingLeft: `${18 + block.list.level * 18}px` } : undefined;
        return (
          <Tag key={index} class={`${block.list ? `doc-list ${block.list.glyph === 'NUMBER' ? 'numbered' : 'bullet'}` : ''}${block.marked ? ' doc-ai' : ''}`} style={listStyle} data-ai={block.marked || undefined}>
            {block.list && <span class="doc-glyph">{block.list.glyph === 'NUMBER' ? '1.' : '•'} </span>}
            {block.runs.length ? block.runs.map((run, i) => <Run key={i} run={run} />) : '\u00a0'}
            {block.images > 0 && <span class="doc-image" role="img" aria-label="Image">🖼</span>}
            {block.footnotes.map((n) => (
              <sup key={n}>{n}</sup>
            ))}
          </Tag>
        );
      })}
    </>
  );
}

/** The document as a page: header, body (headings, lists, tables, styled runs, the selection, AI marks), footnotes and footer. */
export function DocumentPage(props: { state: DocumentViewState }) {
  const { state } = props;
  return (
    <article class="doc-page" aria-label="Document">
      <style>{css}</style>
      {state.header && (
        <header class="doc-header" aria-label="Header">
          <Blocks blocks={state.header} />
        </header>
      )}
      <div aria-label="Body">
        <Blocks blocks={state.body} />
      </div>
      {state.footnotes.length > 0 && (
        <ol class="doc-footnotes" aria-label="Footnotes">
          {state.footnotes.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ol>
      )}
      {state.footer && (
        <footer class="doc-footer" aria-label="Footer">
          <Blocks blocks={state.footer} />
        </footer>
      )}
    </article>
  );
}
