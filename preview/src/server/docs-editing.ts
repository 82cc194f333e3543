import {
  FakeListItem,
  FakeParagraph,
  FakePosition,
  FakeRange,
  FakeRangeElement,
  FakeText,
  paragraphOf,
  type FakeContainer,
  type FakeDocument,
  type TextAttributes,
} from '../apps-script/fake-document';

/**
 * What the person does on the preview's document page, applied to the fake document the way Docs
 * applies it: typing, deleting, Enter and plain-text paste at the caret, and the caret or selection
 * itself, which the add-on then reads through getCursor() and getSelection(). Edits change the
 * document's fields directly, without counting calls: the person is not the add-on.
 */

/** A place in the body: child indices down to a paragraph (through table, row and cell), and a UTF-16 offset in its text. */
export interface DocPoint {
  path: number[];
  offset: number;
}
export interface DocCaret {
  anchor: DocPoint;
  focus: DocPoint;
}
export type DocEdit =
  | { kind: 'select'; caret: DocCaret }
  | { kind: 'insert'; text: string; caret?: DocCaret }
  | { kind: 'delete'; direction: 'backward' | 'forward'; caret?: DocCaret }
  | { kind: 'split'; caret?: DocCaret };

interface Point {
  paragraph: FakeParagraph;
  offset: number;
}
interface Caret {
  anchor: Point;
  focus: Point;
}

// The caret the page last set, kept as element references so it follows the blocks when the add-on
// inserts or removes others; used while the document's cursor or selection is still the one it set.
const pageCarets = new WeakMap<FakeDocument, { caret: Caret; cursor: FakePosition | null; selection: FakeRange | null }>();

/** The body's paragraphs in reading order (table cells row by row). */
const ordered = (document: FakeDocument) => document.body.snapshotParagraphs();

function isInBody(document: FakeDocument, paragraph: FakeParagraph): boolean {
  let node: unknown = paragraph;
  while (node && node !== document.body) node = (node as { parent: unknown }).parent;
  return node === document.body;
}

/** The child-index path of a body paragraph, or null when it is not in the body. */
export function pathOf(document: FakeDocument, paragraph: FakeParagraph): number[] | null {
  if (!isInBody(document, paragraph)) return null;
  const path: number[] = [];
  let node: { parent: unknown } = paragraph;
  while (node !== document.body) {
    const parent = node.parent as { children: unknown[] } & { parent: unknown };
    path.unshift(parent.children.indexOf(node));
    node = parent;
  }
  return path;
}

function resolve(document: FakeDocument, point: DocPoint, where: string): Point {
  let node: { children?: readonly unknown[] } = document.body;
  for (const [depth, index] of point.path.entries()) {
    const next = node.children?.[index];
    if (next === undefined) throw new Error(`${where}: the path ${JSON.stringify(point.path)} has no element at step ${depth + 1} (index ${index}).`);
    node = next as typeof node;
  }
  if (!(node instanceof FakeParagraph)) throw new Error(`${where}: the path ${JSON.stringify(point.path)} ends at a ${(node as { type?: string }).type ?? 'non-element'}, not a paragraph.`);
  const length = node.text.chars.length;
  if (!Number.isInteger(point.offset) || point.offset < 0 || point.offset > length) throw new Error(`${where}: offset ${point.offset} is outside the paragraph's text (length ${length}).`);
  return { paragraph: node, offset: point.offset };
}

const before = (document: FakeDocument, a: Point, b: Point): boolean => {
  if (a.paragraph === b.paragraph) return a.offset < b.offset;
  const all = ordered(document);
  return all.indexOf(a.paragraph) < all.indexOf(b.paragraph);
};
const collapsed = (caret: Caret) => caret.anchor.paragraph === caret.focus.paragraph && caret.anchor.offset === caret.focus.offset;
const sorted = (document: FakeDocument, caret: Caret): [Point, Point] => (before(document, caret.focus, caret.anchor) ? [caret.focus, caret.anchor] : [caret.anchor, caret.focus]);

/** Docs' range for a selection: a partial Text for part of a paragraph, the paragraph itself when all of it is selected. */
function rangeOf(document: FakeDocument, start: Point, end: Point): FakeRange {
  const all = ordered(document);
  const items: FakeRangeElement[] = [];
  for (const paragraph of all.slice(all.indexOf(start.paragraph), all.indexOf(end.paragraph) + 1)) {
    const length = paragraph.text.chars.length;
    const from = paragraph === start.paragraph ? start.offset : 0;
    const to = paragraph === end.paragraph ? end.offset : length;
    if (from === 0 && to === length) {
      // An empty paragraph counts only when the selection runs through it.
      if (length > 0 || (paragraph !== start.paragraph && paragraph !== end.paragraph)) items.push(new FakeRangeElement(paragraph, -1, -1, document.calls));
    } else if (from < to) items.push(new FakeRangeElement(paragraph.text, from, to - 1, document.calls));
  }
  return new FakeRange(items, document.calls);
}

/** Puts the page's caret into the document: a cursor when collapsed, a selection otherwise, as Docs has one or the other. */
function commit(document: FakeDocument, caret: Caret): void {
  if (collapsed(caret)) {
    const { paragraph, offset } = caret.focus;
    // On an empty paragraph Docs reports the paragraph itself, at offset 0.
    document.cursor = paragraph.text.chars.length ? new FakePosition(paragraph.text, offset, document.calls) : new FakePosition(paragraph, 0, document.calls);
    document.selection = null;
  } else {
    const [start, end] = sorted(document, caret);
    const range = rangeOf(document, start, end);
    document.selection = range.elements.length ? range : null;
    document.cursor = null;
  }
  pageCarets.set(document, { caret, cursor: document.cursor, selection: document.selection });
}

/** The caret as the document has it now: the page's own, or the one the add-on set (a cursor, or the span of a selection). */
function currentCaret(document: FakeDocument): Caret | null {
  const mine = pageCarets.get(document);
  const clamp = (point: Point): Point => ({ paragraph: point.paragraph, offset: Math.min(point.offset, point.paragraph.text.chars.length) });
  if (mine && document.cursor === mine.cursor && document.selection === mine.selection && isInBody(document, mine.caret.anchor.paragraph) && isInBody(document, mine.caret.focus.paragraph))
    return { anchor: clamp(mine.caret.anchor), focus: clamp(mine.caret.focus) };
  if (document.cursor) {
    const paragraph = paragraphOf(document.cursor.element);
    if (!paragraph || !isInBody(document, paragraph)) return null;
    const offset = document.cursor.element instanceof FakeText ? document.cursor.offset : 0;
    const point = clamp({ paragraph, offset });
    return { anchor: point, focus: point };
  }
  const items = document.selection?.elements.filter((item) => {
    const paragraph = paragraphOf(item.element);
    return paragraph !== null && isInBody(document, paragraph);
  });
  if (!items?.length) return null;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const anchor = clamp({ paragraph: paragraphOf(first.element)!, offset: first.start >= 0 ? first.start : 0 });
  const lastParagraph = paragraphOf(last.element)!;
  const focus = clamp({ paragraph: lastParagraph, offset: last.start >= 0 ? last.endInclusive + 1 : lastParagraph.text.chars.length });
  return { anchor, focus };
}

/** The caret for the page to draw, as paths and offsets, or null when there is none in the body. */
export function caretState(document: FakeDocument): DocCaret | null {
  const caret = currentCaret(document);
  if (!caret) return null;
  const point = (p: Point): DocPoint => ({ path: pathOf(document, p.paragraph)!, offset: p.offset });
  return { anchor: point(caret.anchor), focus: point(caret.focus) };
}

// ——— Text changes that keep partial range elements (selection, named ranges) on the same characters, as Docs does.

function rangesOf(document: FakeDocument): FakeRangeElement[][] {
  const lists = document.namedRanges.map((named) => named.range.elements);
  if (document.selection) lists.push(document.selection.elements);
  return lists;
}

/** Moves partial range elements over a text change at `at` that removed `removed` characters and inserted `inserted`. */
function followChange(document: FakeDocument, text: FakeText, at: number, removed: number, inserted: number): void {
  for (const items of rangesOf(document)) {
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i]!;
      if (item.element !== text || item.start < 0) continue;
      // Removed characters take their offsets with them; inserted ones push later offsets on.
      const afterRemoval = (offset: number, isEnd: boolean) => (offset < at ? offset : offset >= at + removed ? offset - removed : isEnd ? at - 1 : at);
      let start = afterRemoval(item.start, false);
      let end = afterRemoval(item.endInclusive, true);
      if (start >= at) start += inserted;
      if (end >= at) end += inserted;
      if (end < start) items.splice(i, 1);
      else items[i] = new FakeRangeElement(text, start, end, item.calls);
    }
  }
}

/** Moves partial range elements on `from` (offsets at or after `fromOffset`) to `to`, shifted by `delta`. */
function moveRanges(document: FakeDocument, from: FakeText, fromOffset: number, to: FakeText, delta: number): void {
  for (const items of rangesOf(document)) {
    for (const [i, item] of items.entries()) {
      if (item.element === from && item.start >= fromOffset) items[i] = new FakeRangeElement(to, item.start + delta, item.endInclusive + delta, item.calls);
    }
  }
}

function splice(document: FakeDocument, paragraph: FakeParagraph, at: number, removed: number, inserted = ''): void {
  const text = paragraph.text;
  // Typed text takes the style of the character before it; at the start of a paragraph, of the one after.
  const style: TextAttributes = text.attrs[at - 1] ?? text.attrs[at] ?? {};
  text.chars = text.chars.slice(0, at) + inserted + text.chars.slice(at + removed);
  text.attrs.splice(at, removed, ...Array.from({ length: inserted.length }, () => style));
  followChange(document, text, at, removed, inserted.length);
}

function containerOf(paragraph: FakeParagraph): FakeContainer {
  return paragraph.parent as FakeContainer;
}

/** Joins `second` onto the end of `first` (Backspace at the start of a paragraph); returns where they meet. */
function merge(document: FakeDocument, first: FakeParagraph, second: FakeParagraph): Point {
  const offset = first.text.chars.length;
  first.text.chars += second.text.chars;
  first.text.attrs.push(...second.text.attrs);
  moveRanges(document, second.text, 0, first.text, offset);
  for (const child of second.children.filter((c) => !(c instanceof FakeText))) {
    child.parent = first;
    first.children.push(child);
  }
  const container = containerOf(second);
  container.children.splice(container.children.indexOf(second), 1);
  second.parent = null;
  return { paragraph: first, offset };
}

/** A list item that loses its bullet becomes a plain paragraph in the same place, keeping its text element. */
function unlist(item: FakeListItem): FakeParagraph {
  const paragraph = new FakeParagraph(item.calls, item.text);
  for (const child of item.children.filter((c) => !(c instanceof FakeText))) {
    child.parent = paragraph;
    paragraph.children.push(child);
  }
  const container = containerOf(item);
  container.children.splice(container.children.indexOf(item), 1, paragraph);
  paragraph.parent = container;
  item.parent = null;
  return paragraph;
}

/** Enter: splits the paragraph at the point as Docs does; returns the start of the new paragraph. */
function split(document: FakeDocument, point: Point): Point {
  const { paragraph, offset } = point;
  const text = paragraph.text;
  // Enter on an empty list item ends the list there.
  if (paragraph instanceof FakeListItem && text.chars.length === 0) return { paragraph: unlist(paragraph), offset: 0 };
  let next: FakeParagraph;
  if (paragraph instanceof FakeListItem) {
    const item = new FakeListItem(paragraph.calls);
    item.glyph = paragraph.glyph;
    item.nesting = paragraph.nesting;
    item.listId = paragraph.listId;
    next = item;
  } else {
    next = new FakeParagraph(paragraph.calls);
    // A new line after the end of a heading is normal text.
    next.heading = offset === text.chars.length && offset > 0 ? 'NORMAL' : paragraph.heading;
  }
  next.text.chars = text.chars.slice(offset);
  next.text.attrs = text.attrs.slice(offset);
  moveRanges(document, text, offset, next.text, -offset);
  text.chars = text.chars.slice(0, offset);
  text.attrs = text.attrs.slice(0, offset);
  const container = containerOf(paragraph);
  container.children.splice(container.children.indexOf(paragraph) + 1, 0, next);
  next.parent = container;
  return { paragraph: next, offset: 0 };
}

/** Deletes what lies between two points. Blocks between them go only when both ends share a container, so a table is never torn. */
function deleteBetween(document: FakeDocument, start: Point, end: Point): Point {
  if (start.paragraph === end.paragraph) {
    splice(document, start.paragraph, start.offset, end.offset - start.offset);
    return start;
  }
  const container = containerOf(start.paragraph);
  if (container === containerOf(end.paragraph)) {
    const from = container.children.indexOf(start.paragraph);
    const to = container.children.indexOf(end.paragraph);
    for (const block of container.children.splice(from + 1, to - from - 1)) block.parent = null;
    splice(document, start.paragraph, start.offset, start.paragraph.text.chars.length - start.offset);
    splice(document, end.paragraph, 0, end.offset);
    return merge(document, start.paragraph, end.paragraph);
  }
  // Across a table's edge: clear the selected text in each paragraph, keep every block.
  const all = ordered(document);
  for (const paragraph of all.slice(all.indexOf(start.paragraph), all.indexOf(end.paragraph) + 1)) {
    const from = paragraph === start.paragraph ? start.offset : 0;
    const to = paragraph === end.paragraph ? end.offset : paragraph.text.chars.length;
    if (to > from) splice(document, paragraph, from, to - from);
  }
  return start;
}

// UTF-16 width of the character before or after an offset (an emoji is two units).
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
function widthBefore(chars: string, offset: number): number {
  return offset >= 2 && isLow(chars.charCodeAt(offset - 1)) && isHigh(chars.charCodeAt(offset - 2)) ? 2 : 1;
}
function widthAfter(chars: string, offset: number): number {
  return isHigh(chars.charCodeAt(offset)) && isLow(chars.charCodeAt(offset + 1)) ? 2 : 1;
}

function deleteKey(document: FakeDocument, point: Point, direction: 'backward' | 'forward'): Point {
  const { paragraph, offset } = point;
  const chars = paragraph.text.chars;
  const siblings = containerOf(paragraph).children;
  const index = siblings.indexOf(paragraph);
  if (direction === 'backward') {
    if (offset > 0) {
      const width = widthBefore(chars, offset);
      splice(document, paragraph, offset - width, width);
      return { paragraph, offset: offset - width };
    }
    // Backspace at the start of a list item takes its bullet away first.
    if (paragraph instanceof FakeListItem) return { paragraph: unlist(paragraph), offset: 0 };
    const previous = siblings[index - 1];
    return previous instanceof FakeParagraph ? merge(document, previous, paragraph) : point;
  }
  if (offset < chars.length) {
    splice(document, paragraph, offset, widthAfter(chars, offset));
    return point;
  }
  const next = siblings[index + 1];
  return next instanceof FakeParagraph ? merge(document, paragraph, next) : point;
}

function checkCaret(value: unknown, where: string): DocCaret {
  const point = (p: unknown, name: string): DocPoint => {
    const candidate = p as DocPoint | null;
    if (!candidate || !Array.isArray(candidate.path) || !candidate.path.every((n) => Number.isInteger(n) && n >= 0) || !Number.isInteger(candidate.offset))
      throw new Error(`${where}: caret.${name} must be { path: non-negative integers, offset: integer }.`);
    return candidate;
  };
  const caret = value as DocCaret | null;
  if (!caret || typeof caret !== 'object') throw new Error(`${where}: caret must be an object with anchor and focus.`);
  return { anchor: point(caret.anchor, 'anchor'), focus: point(caret.focus, 'focus') };
}

/** Reads an edit sent by the page, naming what is wrong when it is not one. */
export function parseEdit(value: unknown): DocEdit {
  const edit = value as Partial<DocEdit> & Record<string, unknown>;
  if (!edit || typeof edit !== 'object') throw new Error('The document edit must be an object.');
  const caret = edit.caret === undefined ? undefined : checkCaret(edit.caret, `The ${String(edit.kind)} edit`);
  switch (edit.kind) {
    case 'select':
      if (!caret) throw new Error('The select edit needs a caret.');
      return { kind: 'select', caret };
    case 'insert':
      if (typeof edit.text !== 'string') throw new Error('The insert edit needs text (a string).');
      return { kind: 'insert', text: edit.text, ...(caret ? { caret } : {}) };
    case 'delete':
      if (edit.direction !== 'backward' && edit.direction !== 'forward') throw new Error('The delete edit needs a direction, "backward" or "forward".');
      return { kind: 'delete', direction: edit.direction, ...(caret ? { caret } : {}) };
    case 'split':
      return { kind: 'split', ...(caret ? { caret } : {}) };
    default:
      throw new Error(`Unknown document edit "${String(edit.kind)}"; expected select, insert, delete or split.`);
  }
}

/** Applies one edit from the page at its caret (or the document's own), and leaves the caret where Docs would. */
export function applyEdit(document: FakeDocument, edit: DocEdit): void {
  const given = edit.caret ? { anchor: resolve(document, edit.caret.anchor, 'caret.anchor'), focus: resolve(document, edit.caret.focus, 'caret.focus') } : null;
  if (edit.kind === 'select') return commit(document, given!);
  const caret = given ?? currentCaret(document);
  if (!caret) throw new Error('Place the cursor in the document first: there is no cursor or selection in the body.');
  const [start, end] = sorted(document, caret);
  let point = collapsed(caret) ? start : deleteBetween(document, start, end);
  if (edit.kind === 'insert') {
    // Pasted lines become paragraphs, as plain-text paste does in Docs.
    const lines = edit.text.split(/\r\n|\r|\n/);
    for (const [i, line] of lines.entries()) {
      if (i > 0) point = split(document, point);
      if (line) splice(document, point.paragraph, point.offset, 0, line);
      point = { paragraph: point.paragraph, offset: point.offset + line.length };
    }
  } else if (edit.kind === 'split') point = split(document, point);
  else if (collapsed(caret)) point = deleteKey(document, point, edit.direction);
  commit(document, { anchor: point, focus: point });
}
