import { describe, expect, it } from 'vitest';
import { createDocsEnvironment } from '../../preview/src/apps-script';
import { FakeListItem, FakeParagraph, FakeTableCell, FakeText } from '../../preview/src/apps-script/fake-document';
import { documentState, editDocument } from '../../preview/src/server/docs-state';

// A document page's edits as the person makes them, checked through DocumentApp's own reading API.
function open(paragraphs: string[]) {
  const environment = createDocsEnvironment({ name: 'Test', paragraphs, files: {} });
  const document = environment.document;
  const edit = (value: unknown) => editDocument(environment, value);
  const texts = () => document.body.snapshotParagraphs().map((p) => p.snapshotText());
  const at = (path: number[], offset: number, focus?: [number[], number]) => ({ anchor: { path, offset }, focus: focus ? { path: focus[0], offset: focus[1] } : { path, offset } });
  return { environment, document, edit, texts, at };
}

describe('the preview document page’s edits', () => {
  it('types at the cursor, and getCursor names the Text and offset where the typing ended', () => {
    const { document, edit, texts, at } = open(['First line.', 'Second line.']);
    edit({ kind: 'insert', text: ' More', caret: at([0], 5) });
    expect(texts()).toEqual(['First More line.', 'Second line.']);
    const cursor = document.getCursor()!;
    expect(cursor.getElement().getType()).toBe('TEXT');
    expect(cursor.getOffset()).toBe(10);
    expect(cursor.getSurroundingText().getText()).toBe('First More line.');
    expect(document.getSelection()).toBeNull();
    // Without a caret the edit goes where the document's cursor is.
    edit({ kind: 'insert', text: '!' });
    expect(texts()[0]).toBe('First More! line.');
  });

  it('reports a partial selection as Docs does: a Text with start and inclusive end, whole paragraphs in between', () => {
    const { document, edit, at } = open(['Alpha beta.', 'Gamma.', 'Delta epsilon.']);
    edit({ kind: 'select', caret: at([0], 6, [[2], 5]) });
    expect(document.getCursor()).toBeNull();
    const items = document.getSelection()!.getRangeElements();
    expect(items.map((item) => [item.getElement().getType(), item.isPartial(), item.getStartOffset(), item.getEndOffsetInclusive()])).toEqual([
      ['TEXT', true, 6, 10],
      ['PARAGRAPH', false, -1, -1],
      ['TEXT', true, 0, 4],
    ]);
    // Selected backwards, the same range.
    edit({ kind: 'select', caret: at([0], 11, [[0], 6]) });
    const [only] = document.getSelection()!.getRangeElements();
    expect([only!.isPartial(), only!.getStartOffset(), only!.getEndOffsetInclusive()]).toEqual([true, 6, 10]);
  });

  it('replaces a selection across paragraphs with typed text, joining the ends', () => {
    const { edit, texts, at } = open(['Alpha beta.', 'Gamma.', 'Delta epsilon.']);
    edit({ kind: 'insert', text: 'and', caret: at([0], 6, [[2], 5]) });
    expect(texts()).toEqual(['Alpha and epsilon.']);
  });

  it('splits a paragraph on Enter; after a heading the new line is normal text; in a list it is a new item', () => {
    const { document, edit, texts, at } = open(['# Title', '- one', 'Body text.']);
    edit({ kind: 'split', caret: at([0], 5) });
    const [heading, after] = document.body.children as FakeParagraph[];
    expect([heading!.heading, after!.heading, after!.snapshotText()]).toEqual(['HEADING1', 'NORMAL', '']);
    expect(document.getCursor()!.getElement()).toBe(after);
    edit({ kind: 'split', caret: at([2], 3) });
    expect(texts()).toEqual(['Title', '', 'one', '', 'Body text.']);
    expect(document.body.children[3]).toBeInstanceOf(FakeListItem);
    // Enter on the empty item ends the list.
    edit({ kind: 'split' });
    expect(document.body.children[3]).not.toBeInstanceOf(FakeListItem);
    expect(texts()).toEqual(['Title', '', 'one', '', 'Body text.']);
  });

  it('keeps typing, Enter and Backspace inside a table cell', () => {
    const { document, edit, at } = open(['Before', '| A | B |', '| C | D |', 'After']);
    edit({ kind: 'insert', text: 'x', caret: at([1, 1, 0, 0], 1) });
    const cursor = document.getCursor()!;
    expect(cursor.getElement()).toBeInstanceOf(FakeText);
    expect(cursor.getOffset()).toBe(2);
    expect(cursor.getElement().getParent()!.getParent()).toBeInstanceOf(FakeTableCell);
    edit({ kind: 'split' });
    const cell = document.body.getTables()[0]!.getCell(1, 0);
    expect(cell.getNumChildren()).toBe(2);
    edit({ kind: 'delete', direction: 'backward' });
    edit({ kind: 'delete', direction: 'backward' });
    // Backspace at the start of a cell's first paragraph does not leave the cell.
    edit({ kind: 'delete', direction: 'backward', caret: at([1, 1, 0, 0], 0) });
    edit({ kind: 'delete', direction: 'backward' });
    expect(document.body.getTables()[0]!.getText()).toBe('A\nB\nC\nD');
    expect(document.body.snapshotParagraphs().map((p) => p.snapshotText())).toEqual(['Before', 'A', 'B', 'C', 'D', 'After']);
  });

  it('joins paragraphs with Backspace at a start and Delete at an end, and takes the bullet off a list item first', () => {
    const { edit, texts, at, document } = open(['One', '- Two', 'Three']);
    edit({ kind: 'delete', direction: 'backward', caret: at([1], 0) });
    expect(document.body.children[1]).not.toBeInstanceOf(FakeListItem);
    edit({ kind: 'delete', direction: 'backward' });
    expect(texts()).toEqual(['OneTwo', 'Three']);
    edit({ kind: 'delete', direction: 'forward', caret: at([0], 6) });
    expect(texts()).toEqual(['OneTwoThree']);
  });

  it('deletes an emoji whole, as one character', () => {
    const { edit, texts, at } = open(['Go 🚀 now']);
    edit({ kind: 'delete', direction: 'backward', caret: at([0], 5) });
    expect(texts()).toEqual(['Go  now']);
  });

  it('pastes lines of plain text as paragraphs, typed text taking the style around it', () => {
    const { edit, texts, at, document } = open(['Setup is **very** quick.']);
    edit({ kind: 'insert', text: 'y\nNext\r\nLast ', caret: at([0], 13) });
    expect(texts()).toEqual(['Setup is veryy', 'Next', 'Last  quick.']);
    const first = (document.body.children[0] as FakeParagraph).text;
    expect(first.isBold(13)).toBe(true);
  });

  it('keeps a named range on its words when the person types before it or inside it', () => {
    const { edit, at, document } = open(['Keep these words here.']);
    const text = (document.body.children[0] as FakeParagraph).text;
    const named = document.addNamedRange('mark', document.newRange().addElement(text, 5, 15).build());
    edit({ kind: 'insert', text: 'Do ', caret: at([0], 0) });
    edit({ kind: 'insert', text: 'very ', caret: at([0], 14) });
    const [item] = named.getRange().getRangeElements();
    expect(text.getText().slice(item!.getStartOffset(), item!.getEndOffsetInclusive() + 1)).toBe('these very words');
  });

  it('keeps the caret on its paragraph when the add-on inserts blocks before it', () => {
    const { environment, edit, at, document } = open(['One', 'Two']);
    edit({ kind: 'select', caret: at([1], 2) });
    document.body.insertParagraph(0, 'Inserted');
    expect(documentState(environment).caret).toEqual({ anchor: { path: [2], offset: 2 }, focus: { path: [2], offset: 2 } });
  });

  it('names what is wrong with a bad edit and leaves the document alone', () => {
    const { edit, texts, at } = open(['One']);
    expect(() => edit({ kind: 'insert', text: 'x', caret: at([3], 0) })).toThrow('caret.anchor: the path [3] has no element at step 1 (index 3).');
    expect(() => edit({ kind: 'insert', text: 'x', caret: at([0], 9) })).toThrow("caret.anchor: offset 9 is outside the paragraph's text (length 3).");
    expect(() => edit({ kind: 'bold' })).toThrow('Unknown document edit "bold"');
    expect(() => edit({ kind: 'insert', text: 'x' })).toThrow('Place the cursor in the document first');
    expect(texts()).toEqual(['One']);
  });

  it('counts none of the person’s edits as the add-on’s host calls', () => {
    const { environment, edit, at } = open(['One']);
    edit({ kind: 'insert', text: 'x', caret: at([0], 3) });
    edit({ kind: 'split' });
    expect(environment.calls.byName()).toEqual({});
  });
});
