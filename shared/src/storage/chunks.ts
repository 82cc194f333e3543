// Host stores cap the size of one value (Apps Script properties: 9 KB; Figma plugin data: about
// 100 kB), so long text is stored in pieces. Pieces never split a UTF-16 surrogate pair.

function utf8Bytes(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** The size of text in UTF-8 bytes, as host stores count it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; ) {
    const codePoint = text.codePointAt(index)!;
    bytes += utf8Bytes(codePoint);
    index += codePoint > 0xffff ? 2 : 1;
  }
  return bytes;
}

/** Splits text into pieces of at most `maxBytes` UTF-8 bytes each, in order. */
export function splitUtf8Chunks(text: string, maxBytes: number): string[] {
  if (maxBytes < 4) throw new RangeError('maxBytes must be at least 4, the size of one character.');
  const chunks: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let index = 0; index < text.length; ) {
    const codePoint = text.codePointAt(index)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const size = utf8Bytes(codePoint);
    if (bytes + size > maxBytes) {
      chunks.push(text.slice(start, index));
      start = index;
      bytes = 0;
    }
    bytes += size;
    index += width;
  }
  chunks.push(text.slice(start));
  return chunks;
}

/** The inverse of splitUtf8Chunks. */
export function joinChunks(chunks: readonly string[]): string {
  return chunks.join('');
}
