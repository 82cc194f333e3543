import type { DocsEnvironment } from '../apps-script';
import { applyEdit, caretState, parseEdit, pathOf } from './docs-editing';
import { FakeParagraph, FakeTable, FakeText, type FakeContainer, type FakeDocument, type TextAttributes } from '../apps-script/fake-document';

export interface DrawnRun {
  text: string;
  bold: boolean;
  italic: boolean;
  link: string | null;
  color: string | null;
  background: string | null;
  selected: boolean;
}
export type DrawnBlock =
  | { kind: 'table'; rows: DrawnBlock[][][] }
  | { kind: 'paragraph'; path: number[] | null; heading: string; list: null | { glyph: string; level: number }; runs: DrawnRun[]; footnotes: number[]; images: number; marked: boolean };

// Selected [start, end) per paragraph, from the selection's range elements.
function selectedSpans(document: FakeDocument): Map<FakeParagraph, [number, number]> {
  const spans = new Map<FakeParagraph, [number, number]>();
  for (const item of document.selection?.elements ?? []) {
    const element = item.element;
    const paragraph = element instanceof FakeText ? (element.parent as FakeParagraph) : element instanceof FakeParagraph ? element : null;
    if (!paragraph) continue;
    spans.set(paragraph, item.start >= 0 ? [item.start, item.endInclusive + 1] : [0, paragraph.text.chars.length]);
  }
  return spans;
}

function drawRuns(paragraph: FakeParagraph, selected: [number, number] | undefined): DrawnRun[] {
  const runs: DrawnRun[] = [];
  const { chars, attrs } = paragraph.text;
  const style = (a: TextAttributes | undefined, isSelected: boolean) => ({
    bold: a?.BOLD === true,
    italic: a?.ITALIC === true,
    link: a?.LINK_URL ?? null,
    color: a?.FOREGROUND_COLOR ?? null,
    background: a?.BACKGROUND_COLOR ?? null,
    selected: isSelected,
  });
  for (let i = 0; i < chars.length; i++) {
    const next = style(attrs[i], selected !== undefined && i >= selected[0] && i < selected[1]);
    const last = runs[runs.length - 1];
    if (last && (Object.keys(next) as (keyof typeof next)[]).every((key) => last[key] === next[key])) last.text += chars[i];
    else runs.push({ text: chars[i]!, ...next });
  }
  return runs;
}

/** The document as the preview draws it: sections of blocks with styled runs, the selection and AI marks. */
export function documentState(environment: DocsEnvironment) {
  const document = environment.document;
  const selected = selectedSpans(document);
  const marked = new Set(document.namedRanges.flatMap((named) => named.range.elements.map((item) => item.element)));
  const footnotes = document.snapshotFootnotes();
  const draw = (container: FakeContainer): DrawnBlock[] =>
    container.children.map((child): DrawnBlock => {
      if (child instanceof FakeTable) return { kind: 'table', rows: child.rows.map((row) => row.cells.map((cell) => draw(cell))) };
      return {
        kind: 'paragraph',
        path: pathOf(document, child),
        heading: child.heading,
        list: 'glyph' in child ? { glyph: String(child.glyph), level: Number((child as { nesting?: number }).nesting ?? 0) } : null,
        runs: drawRuns(child, selected.get(child)),
        footnotes: child.children.flatMap((c) => (footnotes.includes(c as never) ? [footnotes.indexOf(c as never) + 1] : [])),
        images: child.children.filter((c) => c.type === 'INLINE_IMAGE').length,
        marked: marked.has(child),
      };
    });
  return {
    kind: 'docs' as const,
    paragraphs: document.body.paragraphs,
    header: document.header ? draw(document.header) : null,
    body: draw(document.body),
    footer: document.footer ? draw(document.footer) : null,
    footnotes: footnotes.map((footnote) => footnote.contents.snapshotText()),
    namedRanges: document.namedRanges.map((named) => named.name),
    caret: caretState(document),
  };
}

/** Applies an edit the person made on the document page (see docs-editing.ts). */
export function editDocument(environment: DocsEnvironment, edit: unknown): void {
  applyEdit(environment.document, parseEdit(edit));
}
