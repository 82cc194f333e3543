import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { DocCaret, DocEdit, DocPoint } from '../server/docs-editing';
import type { DrawnBlock, DrawnRun } from '../server/docs-state';
import type { DocumentViewState, EnvironmentState } from '../server/state';

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
.doc-body { outline: none; white-space: pre-wrap; caret-color: #1a73e8; }
.doc-body:focus-visible { box-shadow: 0 0 0 2px #c6dafc; border-radius: 2px; }
/* While the person is in the page the browser draws the selection; otherwise (in the sidebar) the page shows it, as Docs does. */
.doc-body:focus .doc-selected { background: transparent !important; outline: 0; }
.doc-glyph, .doc-page sup, .doc-image { user-select: none; }
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
          <Tag
            key={index}
            class={`${block.list ? `doc-list ${block.list.glyph === 'NUMBER' ? 'numbered' : 'bullet'}` : ''}${block.marked ? ' doc-ai' : ''}`}
            style={listStyle}
            data-ai={block.marked || undefined}
            data-path={block.path?.join('.')}
          >
            {block.list && (
              <span class="doc-glyph" contentEditable={false}>
                {block.list.glyph === 'NUMBER' ? '1.' : '•'}{' '}
              </span>
            )}
            {/* The paragraph's characters, and nothing else, so a DOM offset in here is a Docs offset. */}
            <span class="doc-text">{block.runs.length ? block.runs.map((run, i) => <Run key={i} run={run} />) : <br />}</span>
            {block.images > 0 && (
              <span class="doc-image" role="img" aria-label="Image" contentEditable={false}>
                🖼
              </span>
            )}
            {block.footnotes.map((n) => (
              <sup key={n} contentEditable={false}>
                {n}
              </sup>
            ))}
          </Tag>
        );
      })}
    </>
  );
}

// ——— Between the page's DOM and the document's points (paragraph path + UTF-16 offset).

const pathIn = (paragraph: HTMLElement) => paragraph.dataset.path!.split('.').map(Number);
const textOf = (paragraph: Element) => paragraph.querySelector<HTMLElement>(':scope > .doc-text')!;

function pointFromDom(editor: HTMLElement, node: Node, offset: number): DocPoint | null {
  const element = node instanceof Element ? node : node.parentElement;
  const paragraph = element?.closest<HTMLElement>('[data-path]');
  if (paragraph && editor.contains(paragraph)) {
    const text = textOf(paragraph);
    if (!text.contains(node)) {
      // On the glyph (before the text), or on a footnote mark or an image (after it).
      const atStart = Boolean(element?.closest('.doc-glyph')) || (node === paragraph && offset === 0);
      return { path: pathIn(paragraph), offset: atStart ? 0 : (text.textContent ?? '').length };
    }
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(node, offset);
    return { path: pathIn(paragraph), offset: range.toString().length };
  }
  // Between blocks (a table's edge, the editor itself): the next paragraph's start, or the last one's end.
  const probe = document.createRange();
  probe.setStart(node, offset);
  const paragraphs = [...editor.querySelectorAll<HTMLElement>('[data-path]')];
  const next = paragraphs.find((p) => probe.comparePoint(p, 0) === 1);
  if (next) return { path: pathIn(next), offset: 0 };
  const last = paragraphs[paragraphs.length - 1];
  return last ? { path: pathIn(last), offset: (textOf(last).textContent ?? '').length } : null;
}

function domFromPoint(editor: HTMLElement, point: DocPoint): [Node, number] | null {
  const text = editor.querySelector(`[data-path="${point.path.join('.')}"] > .doc-text`);
  if (!text) return null;
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  let left = point.offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (left <= node.length) return [node, left];
    left -= node.length;
    last = node;
  }
  return last ? [last, last.length] : [text, 0];
}

function caretFromDom(editor: HTMLElement): DocCaret | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.anchorNode || !selection.focusNode) return null;
  if (!editor.contains(selection.anchorNode) || !editor.contains(selection.focusNode)) return null;
  const anchor = pointFromDom(editor, selection.anchorNode, selection.anchorOffset);
  const focus = pointFromDom(editor, selection.focusNode, selection.focusOffset);
  return anchor && focus ? { anchor, focus } : null;
}

function showCaret(editor: HTMLElement, caret: DocCaret): void {
  const anchor = domFromPoint(editor, caret.anchor);
  const focus = domFromPoint(editor, caret.focus);
  if (anchor && focus) window.getSelection()?.setBaseAndExtent(anchor[0], anchor[1], focus[0], focus[1]);
}

type Move = [alter: 'move' | 'extend', direction: 'backward' | 'forward', granularity: 'character' | 'word' | 'line' | 'lineboundary' | 'documentboundary'];

/** A caret key as a Selection.modify() step, so it can be replayed later. */
function moveFor(event: KeyboardEvent): Move | null {
  const alter = event.shiftKey ? 'extend' : 'move';
  const word = event.ctrlKey || event.altKey;
  switch (event.key) {
    case 'ArrowLeft':
      return [alter, 'backward', word ? 'word' : 'character'];
    case 'ArrowRight':
      return [alter, 'forward', word ? 'word' : 'character'];
    case 'ArrowUp':
      return [alter, 'backward', 'line'];
    case 'ArrowDown':
      return [alter, 'forward', 'line'];
    case 'Home':
      return [alter, 'backward', event.ctrlKey ? 'documentboundary' : 'lineboundary'];
    case 'End':
      return [alter, 'forward', event.ctrlKey ? 'documentboundary' : 'lineboundary'];
    default:
      return null;
  }
}

const sameCaret = (a: DocCaret | null, b: DocCaret | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The body as an editable region. Every change the browser would make is cancelled and sent to the
 * fake document instead (one at a time, in order), which then draws the page again: so the page is
 * always the document, and Docs' rules for Enter, Backspace and tables hold.
 */
function useDocumentEditing(
  editor: { current: HTMLElement | null },
  caret: DocCaret | null,
  onState: (state: EnvironmentState) => void,
  onError: (message: string | null) => void,
  onComposed: () => void,
) {
  const queue = useRef(Promise.resolve());
  // Requests not yet answered, and among them edits: while an edit is unanswered the page is behind the document.
  const pending = useRef(0);
  const edits = useRef(0);
  const latest = useRef<EnvironmentState | null>(null);
  // From handing the answer to Preact until it has drawn it, the page is behind too.
  const drawing = useRef(false);
  const behind = () => edits.current > 0 || drawing.current;
  // The caret the fake document holds, so a selection change the page itself made is not sent back.
  const known = useRef<DocCaret | null>(caret);
  const selectQueued = useRef<DocCaret | null>(null);
  // Keys pressed while the page is behind the document: caret moves, and edits typed after them,
  // replayed in order once the page has caught up, so a quick Home then Backspace lands where it should.
  const held = useRef<({ move: Move } | { edit: DocEdit })[]>([]);

  const send = (edit: DocEdit | (() => DocEdit | null)) => {
    const isEdit = typeof edit !== 'function';
    pending.current++;
    if (isEdit) edits.current++;
    queue.current = queue.current.then(async () => {
      try {
        const body = typeof edit === 'function' ? edit() : edit;
        if (!body) return;
        const response = await fetch('/api/docs/edit', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        const result = (await response.json()) as { ok: boolean; error?: string; state?: EnvironmentState };
        if (!result.ok) return onError(result.error ?? 'The edit failed.');
        onError(null);
        if (result.state?.kind === 'docs') known.current = result.state.caret;
        if (body.kind !== 'select') latest.current = result.state ?? null;
      } catch (failure) {
        onError(`The edit did not reach the document: ${(failure as Error).message}`);
      } finally {
        pending.current--;
        if (isEdit) edits.current--;
        // Draw once the queue is empty, so a burst of keys is not drawn (and the caret moved) half-way.
        if (pending.current === 0 && latest.current) {
          drawing.current = true;
          onState(latest.current);
          latest.current = null;
        } else if (!behind()) replay();
      }
    });
  };
  /** The caret to apply an edit at: the page's, when the page is up to date; otherwise the document's own. */
  const at = () => (!behind() && editor.current ? (caretFromDom(editor.current) ?? undefined) : undefined);
  const replay = () => {
    const host = editor.current;
    if (!host || document.activeElement !== host) return void (held.current = []);
    while (held.current.length && !behind()) {
      const item = held.current.shift()!;
      if ('move' in item) window.getSelection()?.modify(...item.move);
      else {
        const caret = at();
        send(caret ? { ...item.edit, caret } : item.edit);
      }
    }
  };

  useEffect(() => {
    const host = editor.current!;
    const onSelection = () => {
      if (behind() || document.activeElement !== host) return;
      const now = caretFromDom(host);
      if (!now || sameCaret(now, known.current)) return;
      // Coalesce a drag's many changes into the latest one.
      if (selectQueued.current) return void (selectQueued.current = now);
      selectQueued.current = now;
      send(() => {
        const caret = selectQueued.current;
        selectQueued.current = null;
        return caret && !sameCaret(caret, known.current) ? { kind: 'select', caret } : null;
      });
    };
    /** The edit the browser is about to make, as the document's edit; null for what the page does not take. */
    const editFor = (event: InputEvent, caret: DocCaret | undefined): DocEdit | null => {
      const withCaret = caret ? { caret } : {};
      const type = event.inputType;
      // Moving text by dragging it is not part of the page: the drop lands where the selection was.
      if (type === 'deleteByDrag' || type === 'insertFromDrop') return null;
      if (type === 'insertText' || type === 'insertReplacementText' || type === 'insertFromPaste') {
        const text = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
        return text ? { kind: 'insert', text, ...withCaret } : null;
      }
      if (type === 'insertParagraph' || type === 'insertLineBreak') return { kind: 'split', ...withCaret };
      if (!type.startsWith('delete')) return null;
      // Word and line deletes: the browser names the span it would remove.
      const target = event.getTargetRanges()[0];
      const wide = caret && !/^delete(Content(Backward|Forward)|ByCut)$/.test(type) && target && !target.collapsed;
      if (wide) {
        const anchor = pointFromDom(host, target.startContainer, target.startOffset);
        const focus = pointFromDom(host, target.endContainer, target.endOffset);
        if (anchor && focus) return { kind: 'delete', direction: 'backward', caret: { anchor, focus } };
      }
      return { kind: 'delete', direction: /Forward/.test(type) ? 'forward' : 'backward', ...withCaret };
    };
    const onBeforeInput = (event: InputEvent) => {
      event.preventDefault();
      if (held.current.length) {
        const edit = editFor(event, undefined);
        if (edit) held.current.push({ edit });
        return;
      }
      const edit = editFor(event, at());
      if (edit) send(edit);
      // Anything else (formatting, undo) is not part of the preview's document page.
    };
    // Paste is taken as plain text, whatever the clipboard holds.
    const onPaste = (event: ClipboardEvent) => {
      event.preventDefault();
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!text) return;
      if (held.current.length) return void held.current.push({ edit: { kind: 'insert', text } });
      const caret = at();
      send({ kind: 'insert', text, ...(caret ? { caret } : {}) });
    };
    // Text an input method composed is already in the DOM: send it, then draw the body afresh from the document.
    const onCompositionEnd = (event: CompositionEvent) => {
      onComposed();
      if (event.data) send({ kind: 'insert', text: event.data });
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const move = moveFor(event);
      if (!move || (!behind() && !held.current.length)) return;
      event.preventDefault();
      held.current.push({ move });
    };
    document.addEventListener('selectionchange', onSelection);
    host.addEventListener('keydown', onKeyDown);
    host.addEventListener('beforeinput', onBeforeInput);
    host.addEventListener('paste', onPaste);
    host.addEventListener('compositionend', onCompositionEnd);
    return () => {
      host.removeEventListener('compositionend', onCompositionEnd);
      host.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('selectionchange', onSelection);
      host.removeEventListener('beforeinput', onBeforeInput);
      host.removeEventListener('paste', onPaste);
    };
  }, []);

  // After the page is drawn again, put the caret back where the document has it (only while the person is in the page).
  useLayoutEffect(() => {
    known.current = caret;
    drawing.current = false;
    const host = editor.current;
    if (host && caret && !behind() && document.activeElement === host && !sameCaret(caretFromDom(host), caret)) showCaret(host, caret);
    if (!behind() && held.current.length) replay();
  });
}

/** The document as a page: header, an editable body (headings, lists, tables, styled runs, the selection, AI marks), footnotes and footer. */
export function DocumentPage(props: { state: DocumentViewState; onState: (state: EnvironmentState) => void }) {
  const { state } = props;
  const editor = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  // Text an input method composed is already in the DOM; redraw the body from the document afterwards.
  const [generation, setGeneration] = useState(0);
  useDocumentEditing(editor, state.caret, props.onState, setError, () => setGeneration((n) => n + 1));
  return (
    <article class="doc-page" aria-label="Document">
      <style>{css}</style>
      {state.header && (
        <header class="doc-header" aria-label="Header">
          <Blocks blocks={state.header} />
        </header>
      )}
      {error && (
        <p class="preview-error" role="alert">
          {error}
        </p>
      )}
      <div
        ref={editor}
        class="doc-body"
        role="textbox"
        aria-multiline="true"
        aria-label="Document body"
        contentEditable
        spellcheck={false}
      >
        <Blocks key={generation} blocks={state.body} />
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
