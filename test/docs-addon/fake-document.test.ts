import { describe, expect, it } from 'vitest';
import { CallLog } from '../../preview/src/call-log';
import { FakeDocument, FakeParagraph, FakeTable, parseInline } from '../../preview/src/apps-script/fake-document';

const make = (blocks: string[]) => {
  const calls = new CallLog();
  return { calls, doc: new FakeDocument('Doc', blocks, calls) };
};

describe('the DocumentApp fake', () => {
  it('reads fixture markup into headings, list items, tables, runs, footnotes, header and footer', () => {
    const { doc } = make(['header: Top', '# Title', '- **bold** and [link](https://x.test)', '| a | b |', '| c | d |', 'Note[^Source.]', 'footer: Bottom']);
    const [title, item, table] = doc.body.children as [FakeParagraph, FakeParagraph, FakeTable];
    expect(title.heading).toBe('HEADING1');
    expect(item.type).toBe('LIST_ITEM');
    expect(item.text.snapshotRuns().map((r) => [r.text, r.attributes.BOLD, r.attributes.LINK_URL])).toEqual([
      ['bold', true, null],
      [' and ', null, null],
      ['link', null, 'https://x.test'],
    ]);
    expect(table.rows.map((row) => row.cells.map((cell) => cell.snapshotText()))).toEqual([['a', 'b'], ['c', 'd']]);
    expect(doc.snapshotFootnotes().map((f) => f.contents.snapshotText())).toEqual(['Source.']);
    expect(doc.header!.snapshotText()).toBe('Top');
    expect(doc.footer!.snapshotText()).toBe('Bottom');
    expect(doc.body.snapshotText()).toBe('Title\nbold and link\na\nb\nc\nd\nNote');
  });

  it('edits text by UTF-16 offsets, deleting inclusively and inserting with the style before', () => {
    const { doc, calls } = make(['Go 🚀 **now**']);
    const text = (doc.body.children[0] as FakeParagraph).editAsText();
    text.deleteText(3, 4);
    expect(text.getText()).toBe('Go  now');
    text.insertText(7, '!');
    expect(text.isBold(7)).toBe(true);
    expect(text.getTextAttributeIndices()).toEqual([0, 4]);
    text.setBackgroundColor(0, 1, '#ff0');
    expect(text.getBackgroundColor(0)).toBe('#ff0');
    text.setAttributes(0, 1, { BACKGROUND_COLOR: null, ITALIC: true });
    expect(text.getAttributes(0)).toMatchObject({ BACKGROUND_COLOR: null, ITALIC: true });
    expect(() => text.deleteText(5, 99)).toThrow(/within the text/);
    expect(calls.count('Text.deleteText')).toBe(2);
    expect(calls.count('Paragraph.editAsText')).toBe(1);
  });

  it('inserts paragraphs by child index and keeps one paragraph in a section', () => {
    const { doc } = make(['One']);
    const body = doc.getBody();
    body.insertParagraph(0, 'Zero').setHeading('HEADING2');
    body.appendListItem('Item');
    expect(body.getParagraphs().map((p) => p.getText())).toEqual(['Zero', 'One', 'Item']);
    expect(body.getChildIndex(body.getChild(2))).toBe(2);
    const single = make(['Only']).doc.getBody();
    expect(() => single.removeChild(single.getChild(0))).toThrow(/last paragraph/);
  });

  it('builds ranges of whole and partial elements, selects them and names them', () => {
    const { doc } = make(['Alpha beta', 'Gamma']);
    const [first, second] = doc.body.children as FakeParagraph[];
    const range = doc.newRange().addElement(first!.editAsText(), 6, 9).addElement(second!).build();
    doc.setSelection(range);
    expect(doc.getCursor()).toBeNull();
    expect(doc.snapshot().selection).toEqual(['beta', 'Gamma']);
    const items = doc.getSelection()!.getRangeElements();
    expect(items.map((i) => [i.isPartial(), i.getStartOffset(), i.getEndOffsetInclusive()])).toEqual([
      [true, 6, 9],
      [false, -1, -1],
    ]);
    const named = doc.addNamedRange('onbrand.ai.1', range);
    expect(doc.getNamedRangeById(named.getId())?.getName()).toBe('onbrand.ai.1');
    expect(doc.getNamedRanges('onbrand.ai.1')).toHaveLength(1);
    named.remove();
    expect(doc.getNamedRanges()).toEqual([]);
    expect(() => doc.newRange().addElement(first!, 0, 1)).toThrow(/Text element/);
  });

  it('drops a cursor or selection whose element was removed', () => {
    const { doc } = make(['One', 'Two']);
    const second = doc.body.children[1] as FakeParagraph;
    doc.setCursor(doc.newPosition(second.editAsText(), 1));
    doc.getBody().removeChild(second);
    expect(doc.getCursor()).toBeNull();
  });

  it('reads plain strings as they are', () => {
    expect(parseInline('Plain text, 2 * 3 = 6')).toEqual(['Plain text, 2 * 3 = 6']);
  });
});
