import { countSyllables, sentenceSpans } from './sentences';
import { wordSpans } from './words';

/** Counts behind the readability formulas. */
export interface ReadingStats {
  words: number;
  sentences: number;
  syllables: number;
}

/** Words, sentences and syllables in a text; a caller that knows the text's structure passes its sentence count. */
export function readingStats(text: string, sentenceCount = sentenceSpans(text).length): ReadingStats {
  const words = wordSpans(text);
  const syllables = words.reduce((sum, word) => sum + countSyllables(word.text), 0);
  return { words: words.length, sentences: Math.max(1, sentenceCount), syllables };
}

/** Flesch–Kincaid grade = 0.39·(words/sentences) + 11.8·(syllables/words) − 15.59 (Kincaid et al., 1975). */
export function fleschKincaidGrade(stats: ReadingStats): number {
  if (stats.words === 0) return 0;
  return 0.39 * (stats.words / stats.sentences) + 11.8 * (stats.syllables / stats.words) - 15.59;
}

/** Flesch reading ease = 206.835 − 1.015·(words/sentences) − 84.6·(syllables/words) (Flesch, 1948). */
export function fleschReadingEase(stats: ReadingStats): number {
  if (stats.words === 0) return 100;
  return 206.835 - 1.015 * (stats.words / stats.sentences) - 84.6 * (stats.syllables / stats.words);
}
