import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gatherDocument } from '../../docs-addon/src/server/document-port';
import { OffsetMap, type MappedParagraph } from '../../docs-addon/src/server/offset-map';
import { installDocs } from './install';

const lines = (...texts: string[]): MappedParagraph[] => texts.map((text, ref) => ({ section: 'body', ref, text, base: 0 }));

/** The text at a span, read back from the paragraph it names. */
const at = (paragraphs: readonly MappedParagraph[], span: { ref: number | number[]; start: number; end: number }) => {
  const paragraph = paragraphs.find((p) => p.ref === span.ref)!;
  return paragraph.text.slice(span.start - paragraph.base, span.end - paragraph.base);
};

describe('the offset map between the flat text and paragraphs', () => {
  it('counts an emoji as two UTF-16 units, as Docs does', () => {
    const paragraphs = lines('Launch 🚀🚀 today', 'Use the whitelist');
    const map = new OffsetMap(paragraphs);
    const start = map.flat.indexOf('whitelist');
    const span = map.toSpan(start, start + 9)!;
    expect(span).toEqual({ section: 'body', ref: 1, start: 8, end: 17 });
    expect(at(paragraphs, span)).toBe('whitelist');
    expect(map.toFlat(span)).toEqual({ start, end: start + 9 });
  });

  it('keeps combining marks and astral characters inside their paragraph', () => {
    const paragraphs = lines('Cafe\u0301 𝒜 menu', 'Cafe\u0301 again');
    const map = new OffsetMap(paragraphs);
    const start = map.flat.lastIndexOf('Cafe\u0301');
    expect(map.toSpan(start, start + 5)).toEqual({ section: 'body', ref: 1, start: 0, end: 5 });
  });

  it('maps right-to-left text by logical order, like the document stores it', () => {
    const paragraphs = lines('שלום עולם', 'مرحبا بالعالم');
    const map = new OffsetMap(paragraphs);
    const start = map.flat.indexOf('بالعالم');
    expect(at(paragraphs, map.toSpan(start, start + 7)!)).toBe('بالعالم');
  });

  it('gives empty paragraphs their own place, so later offsets do not shift', () => {
    const paragraphs = lines('', '', 'text', '');
    const map = new OffsetMap(paragraphs);
    expect(map.flat).toBe('\n\ntext\n');
    expect(map.toSpan(2, 6)).toEqual({ section: 'body', ref: 2, start: 0, end: 4 });
    expect(map.toSpan(0, 0)).toEqual({ section: 'body', ref: 0, start: 0, end: 0 });
  });

  it('refuses a span that crosses a paragraph break', () => {
    const map = new OffsetMap(lines('one', 'two'));
    expect(map.toSpan(1, 6)).toBeNull();
  });

  it('adds the base of a partly selected paragraph', () => {
    const map = new OffsetMap([{ section: 'body', ref: [3], text: 'whitelist here', base: 10 }]);
    expect(map.toSpan(0, 9)).toEqual({ section: 'body', ref: [3], start: 10, end: 19 });
    expect(map.toFlat({ section: 'body', ref: [3], start: 10, end: 19 })).toEqual({ start: 0, end: 9 });
    expect(map.toFlat({ section: 'body', ref: [3], start: 2, end: 5 })).toBeNull();
  });

  it('reads a table cell as its own paragraph, at its place in the body', () => {
    const env = installDocs(['Intro 👋', '| Channel | Copy |', '| Email | Add to the whitelist |', 'Outro']);
    const paragraphs = gatherDocument(env.document as never);
    const map = new OffsetMap(paragraphs);
    const start = map.flat.indexOf('whitelist');
    const span = map.toSpan(start, start + 9)!;
    expect(span).toEqual({ section: 'body', ref: 4, start: 11, end: 20 });
    expect(env.document.body.snapshotParagraphs()[4]!.snapshotText().slice(span.start, span.end)).toBe('whitelist');
  });

  it('round-trips every span inside a paragraph, whatever the text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '🚀', 'é', '\u0301', 'ש', '𝒜') });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), fc.nat(), (texts, pick, a, b) => {
        const paragraphs = lines(...texts);
        const map = new OffsetMap(paragraphs);
        const index = pick % texts.length;
        const length = texts[index]!.length;
        const [start, end] = [a % (length + 1), b % (length + 1)].sort((x, y) => x - y) as [number, number];
        const flat = map.toFlat({ section: 'body', ref: index, start, end })!;
        expect(map.flat.slice(flat.start, flat.end)).toBe(texts[index]!.slice(start, end));
        expect(map.toSpan(flat.start, flat.end)).toEqual({ section: 'body', ref: index, start, end });
      }),
    );
  });
});

describe('gathering the body', () => {
  it('reads paragraph by paragraph when the body text does not line up with its paragraphs', () => {
    const env = installDocs(['Intro', '| a | b |', 'Use the whitelist']);
    // A host that joins table cells with tabs would put fewer lines in getText() than paragraphs.
    env.document.body.getText = () => 'Intro\na\tb\nUse the whitelist';
    const paragraphs = gatherDocument(env.document as never);
    expect(paragraphs.map((p) => p.text)).toEqual(['Intro', 'a', 'b', 'Use the whitelist']);
    expect(env.calls.count('Paragraph.getText')).toBe(4);
  });

  it('takes the body text as it is when it lines up, reading no paragraph on its own', () => {
    const env = installDocs(['Intro', '| a | b |', 'Use the whitelist']);
    gatherDocument(env.document as never);
    expect(env.calls.count('Paragraph.getText')).toBe(0);
    expect(env.calls.count('Body.getText')).toBe(1);
  });
});
