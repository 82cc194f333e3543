// Grapheme clusters without Intl.Segmenter (Figma's sandbox and Apps Script may lack it).
// This covers what ad copy contains: a base character with combining marks, CRLF, flag pairs,
// emoji with skin tones, variation selectors and ZWJ sequences, and keycaps. Hangul jamo
// sequences and Indic conjuncts may count as more than one; precomposed text is the norm there.
const cluster =
  /\r\n|\p{RI}\p{RI}|\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F|\u20E3)*(?:\u200D\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F)*)*|[#*0-9]\uFE0F?\u20E3|\P{M}\p{M}*|\p{M}+/gu;

/** Splits text into user-perceived characters. */
export function graphemes(text: string): string[] {
  return text.match(cluster) ?? [];
}

/** The number of user-perceived characters, as channels count length. */
export function graphemeCount(text: string): number {
  return graphemes(text).length;
}
