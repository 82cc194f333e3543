import { RpcFailure } from '@onbrand/shared/rpc';
import type { DocumentSummary } from '../contract';
import { headingLevel } from './channel-sections';
import type { MappedParagraph } from './offset-map';

// The document is reached only through this port: reads gather plain text in a handful of calls,
// and writes touch one element at a time through editAsText(), so formatting around an edit stays.

type Doc = GoogleAppsScript.Document.Document;
type Element = GoogleAppsScript.Document.Element;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Text = GoogleAppsScript.Document.Text;
/** What holds paragraphs: the body, a header or footer, a footnote's contents, a table cell. */
export type Container = GoogleAppsScript.Document.Body;
type Section = Pick<GoogleAppsScript.Document.Body, 'getText' | 'getParagraphs' | 'getChild'>;

/** Reads the document's title and body text in two calls, whatever its length. */
export function readDocumentSummary(document: Doc): DocumentSummary {
  const text = document.getBody().getText();
  const paragraphs = text.split('\n').filter((line) => line.trim() !== '');
  const wordCount = paragraphs.reduce((sum, line) => sum + line.trim().split(/\s+/).length, 0);
  return { id: document.getId(), title: document.getName(), paragraphCount: paragraphs.length, wordCount };
}

function addLines(out: MappedParagraph[], section: string, lines: readonly string[]): void {
  lines.forEach((text, index) => out.push({ section, ref: index, text, base: 0 }));
}

/**
 * Every paragraph's text, by section, from one getText() per section: a section's text is its
 * paragraphs (list items and table-cell paragraphs included) joined by '\n', in the order of
 * getParagraphs(), so line i is paragraph i. The body, where tables live, is checked against its
 * paragraph count; if the two disagree, its paragraphs are read one by one instead, which is slow
 * but keeps every offset exact.
 */
export function gatherDocument(doc: Doc): MappedParagraph[] {
  const out: MappedParagraph[] = [];
  const body = doc.getBody();
  const lines = body.getText().split('\n');
  const paragraphs = body.getParagraphs();
  addLines(out, 'body', lines.length === paragraphs.length ? lines : paragraphs.map((paragraph) => paragraph.getText()));
  const header = doc.getHeader();
  if (header) addLines(out, 'header', header.getText().split('\n'));
  const footer = doc.getFooter();
  if (footer) addLines(out, 'footer', footer.getText().split('\n'));
  doc.getFootnotes().forEach((footnote, index) => addLines(out, `footnote.${index}`, footnote.getFootnoteContents().getText().split('\n')));
  return out;
}

/**
 * Which of the body's paragraph lines sit in which table (by the table's order), from one getTables()
 * and two reads per table: a table's text has one line per cell paragraph, as the body's has, and
 * the paragraphs before it are the body children before it plus the earlier tables' lines. When the
 * counts do not add up to the body's, no table is reported rather than a wrong one.
 */
export function tableLines(body: GoogleAppsScript.Document.Body, lineCount: number): Map<number, number> {
  const out = new Map<number, number>();
  let tableLinesBefore = 0;
  const tables = body.getTables();
  for (const [t, table] of tables.entries()) {
    const count = table.getText().split('\n').length;
    const first = body.getChildIndex(table) - t + tableLinesBefore;
    if (first + count > lineCount) return new Map();
    for (let i = 0; i < count; i++) out.set(first + i, t);
    tableLinesBefore += count;
  }
  return out;
}

const T = () => DocumentApp.ElementType;

function isParagraphLike(type: GoogleAppsScript.Document.ElementType): boolean {
  return type === T().PARAGRAPH || type === T().LIST_ITEM;
}

function sectionId(type: GoogleAppsScript.Document.ElementType): string | null {
  if (type === T().BODY_SECTION) return 'body';
  if (type === T().HEADER_SECTION) return 'header';
  if (type === T().FOOTER_SECTION) return 'footer';
  return null;
}

/** The paragraph or list item holding an element (itself when it is one). */
export function paragraphOf(element: Element | null): Paragraph | null {
  let node: Element | null = element;
  while (node && !isParagraphLike(node.getType())) node = node.getParent() as Element | null;
  return node as Paragraph | null;
}

/** A paragraph's section and child-index path from it, found by walking up: a few calls per paragraph. */
export function pathOf(paragraph: Element): { section: string; path: number[] } | null {
  const path: number[] = [];
  let node: Element = paragraph;
  for (;;) {
    const parent = node.getParent() as (Element & { getChildIndex(child: Element): number }) | null;
    if (!parent) return null;
    path.unshift(parent.getChildIndex(node));
    const section = sectionId(parent.getType());
    if (section) return { section, path };
    if (parent.getType() === T().FOOTNOTE_SECTION) return null;
    node = parent;
  }
}

// Offset of a Text element inside its paragraph: the lengths of the Text siblings before it.
function textBase(paragraph: Paragraph, text: Element): number {
  const index = paragraph.getChildIndex(text);
  let base = 0;
  for (let i = 0; i < index; i++) {
    const sibling = paragraph.getChild(i);
    if (sibling.getType() === T().TEXT) base += sibling.asText().getText().length;
  }
  return base;
}

/** The selected text, paragraph by paragraph, with each part's place; images and other non-text are left out. */
export function gatherSelection(doc: Doc): { paragraphs: MappedParagraph[]; skipped: number } | null {
  const selection = doc.getSelection();
  if (!selection) return null;
  const paragraphs: MappedParagraph[] = [];
  let skipped = 0;
  for (const item of selection.getRangeElements()) {
    const element = item.getElement();
    const type = element.getType();
    const paragraph = type === T().TEXT ? paragraphOf(element) : isParagraphLike(type) ? (element as Paragraph) : null;
    const place = paragraph ? pathOf(paragraph) : null;
    if (!paragraph || !place) {
      skipped++;
      continue;
    }
    if (type === T().TEXT) {
      const full = element.asText().getText();
      const base = textBase(paragraph, element);
      const [start, end] = item.isPartial() ? [item.getStartOffset(), item.getEndOffsetInclusive() + 1] : [0, full.length];
      paragraphs.push({ section: place.section, ref: place.path, text: full.slice(start, end), base: base + start });
    } else paragraphs.push({ section: place.section, ref: place.path, text: paragraph.getText(), base: 0 });
  }
  return { paragraphs, skipped };
}

/** Finds paragraphs by reference, reading each section and its paragraph list at most once per execution. */
export function paragraphFinder(doc: Doc): (sectionId: string, ref: number | readonly number[]) => Paragraph | null {
  const sections = new Map<string, Section | null>();
  const lists = new Map<string, Paragraph[]>();
  const sectionOf = (id: string): Section | null => {
    if (!sections.has(id)) {
      const footnote = /^footnote\.(\d+)$/.exec(id);
      sections.set(
        id,
        id === 'body' ? doc.getBody()
        : id === 'header' ? doc.getHeader()
        : id === 'footer' ? doc.getFooter()
        : footnote ? (doc.getFootnotes()[Number(footnote[1])]?.getFootnoteContents() ?? null)
        : null,
      );
    }
    return sections.get(id)!;
  };
  return (sectionId, ref) => {
    const section = sectionOf(sectionId);
    if (!section) return null;
    try {
      if (typeof ref === 'number') {
        if (!lists.has(sectionId)) lists.set(sectionId, section.getParagraphs());
        return lists.get(sectionId)![ref] ?? null;
      }
      let node: Element = section.getChild(ref[0]!);
      for (const index of ref.slice(1)) node = (node as unknown as { getChild(i: number): Element }).getChild(index);
      return isParagraphLike(node.getType()) ? (node as Paragraph) : null;
    } catch {
      // The structure changed since the check (a table or paragraph removed): treat it as gone.
      return null;
    }
  };
}

/** Text attributes worth carrying onto replacement text. */
const kept = ['BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'LINK_URL', 'FOREGROUND_COLOR', 'BACKGROUND_COLOR', 'FONT_FAMILY', 'FONT_SIZE'];

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Replaces [start, end) of a Text, changing only the characters that differ, and gives the new
 * characters the attributes of the first one replaced (bold, link, colour) rather than whatever
 * Docs would infer. `current` is the text as just read, so no extra read is needed.
 */
export function replaceKeepingFormat(text: Text, current: string, start: number, end: number, replacement: string): void {
  let from = start;
  let to = end;
  let insert = replacement;
  while (from < to && insert && current[from] === insert[0]) {
    from++;
    insert = insert.slice(1);
  }
  while (to > from && insert && current[to - 1] === insert[insert.length - 1]) {
    to--;
    insert = insert.slice(0, -1);
  }
  // Never split an emoji's surrogate pair: widen back to the pair's start.
  if (from > start && isHigh(current.charCodeAt(from - 1))) {
    from--;
    insert = current[from] + insert;
  }
  if (to < end && isHigh(current.charCodeAt(to - 1))) {
    to++;
    insert += current[to - 1];
  }
  // A pure insertion continues the style before it, as typing does; a replacement takes the replaced text's.
  const source = to > from || from === 0 ? Math.min(from, current.length - 1) : from - 1;
  // Read before deleting: the first replaced character is the one whose style the new text takes.
  const attributes = insert && source >= 0 && current.length > 0 ? (text.getAttributes(source) as Record<string, unknown>) : null;
  if (to > from) text.deleteText(from, to - 1);
  if (insert) {
    text.insertText(from, insert);
    if (attributes) text.setAttributes(from, from + insert.length - 1, Object.fromEntries(kept.filter((k) => k in attributes).map((k) => [k, attributes[k]])));
  }
}

/** Where new paragraphs go, and how to tell the writer. */
export interface InsertionPoint {
  container: Container;
  index: number;
  where: string;
}

function headingOf(element: Element): number {
  const type = element.getType();
  return type === T().PARAGRAPH ? headingLevel(String((element as Paragraph).getHeading())) : 7;
}

// The body child after the section holding child `at`: the next heading at the section heading's level or higher.
function afterSection(body: Container, at: number): { index: number; heading: string } {
  let level = 7;
  let heading = '';
  for (let i = at; i >= 0 && level === 7; i--) {
    const child = body.getChild(i);
    level = headingOf(child);
    if (level < 7) heading = (child as Paragraph).getText();
  }
  const count = body.getNumChildren();
  for (let i = at + 1; i < count; i++) if (headingOf(body.getChild(i)) <= level && level < 7) return { index: i, heading };
  return { index: count, heading };
}

/**
 * Where new paragraphs go. After the paragraph holding the cursor (or the selection's end) when the
 * writer put it in body text; when it is in a table (where "Show in document" can leave it), a
 * header, a footer or a footnote, after the body section holding it, or at the end of the
 * document. A block never goes inside a table, so a table is never split.
 */
export function insertionPoint(doc: Doc): InsertionPoint {
  const cursor = doc.getCursor();
  let element: Element | null = cursor ? cursor.getElement() : null;
  if (!element) {
    const items = doc.getSelection()?.getRangeElements() ?? [];
    element = items.length ? items[items.length - 1]!.getElement() : null;
  }
  const body = doc.getBody();
  const end = () => ({ container: body, index: body.getNumChildren(), where: 'at the end of the document' });
  const paragraph = paragraphOf(element);
  if (!paragraph) return end();
  const parent = paragraph.getParent() as unknown as Container;
  if (parent.getType() === T().BODY_SECTION) return { container: body, index: body.getChildIndex(paragraph) + 1, where: 'after the paragraph at the cursor' };
  // The body child that holds the paragraph (a table), if the paragraph is in the body at all.
  let node: Element = paragraph;
  for (let up = node.getParent() as Element | null; up && up.getType() !== T().BODY_SECTION; up = up.getParent() as Element | null) node = up;
  if (!node.getParent() || node.getParent()!.getType() !== T().BODY_SECTION) return { ...end(), where: 'at the end of the document, as the cursor was outside the body text' };
  const after = afterSection(body, body.getChildIndex(node));
  const section = after.heading ? `after the section “${after.heading}”` : after.index === body.getNumChildren() ? 'at the end of the document' : 'before the first heading';
  return { container: body, index: after.index, where: `${section}, as the cursor was in a table` };
}

/** Whether the block at `index` is writer's text that a tagged piece inserted before it would run into. */
export function continuesText(container: Container, index: number): boolean {
  if (index >= container.getNumChildren()) return false;
  const next = container.getChild(index);
  return isParagraphLike(next.getType()) && headingOf(next) === 7 && (next as Paragraph).getText().trim() !== '';
}

/** A paragraph to insert: its text, and a heading level or list style. */
export interface NewBlock {
  text: string;
  heading?: 'HEADING2' | 'HEADING3' | 'HEADING4';
  list?: boolean;
}

/** Inserts new paragraphs at a point; nothing already there is replaced. */
export function insertBlocks(point: { container: Container; index: number }, blocks: readonly NewBlock[]): Paragraph[] {
  return blocks.map((block, i) => {
    const at = point.index + i;
    const made = block.list ? (point.container.insertListItem(at, block.text) as unknown as Paragraph) : point.container.insertParagraph(at, block.text);
    if (block.heading) made.setHeading(DocumentApp.ParagraphHeading[block.heading]);
    return made;
  });
}

/** Throws the user-facing error for a document the add-on cannot reach. */
export function activeDocument(): Doc {
  const doc = DocumentApp.getActiveDocument();
  if (!doc) throw new RpcFailure('no_document', 'Open a document first.');
  return doc;
}
