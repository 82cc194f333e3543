// "a" or "an" goes by the sound that follows, not the letter: an hour, a user, an FAQ, a URL.
// Every place that puts a new word after an article (a kit fix, a term swap in a draft) asks here.

// Words whose first letter is a vowel but whose first sound is not (a user, a one-off, a European).
const consonantSound = /^(?:u(?:ni(?!n|mp|nt)|s[aeiu]|r[aeio]|t[ei]|bi|ku|k[^\p{L}]?)|eu|ew|one(?![\p{L}])|once|ouija)/iu;
// Words whose first letter is a consonant but whose first sound is a vowel (an hour, an heir).
const vowelSound = /^(?:hour|honest|honou?r|heir)/iu;
// Letters said with a vowel sound first when spelled out: an F, an H, an L, an M, an N, an R, an S, an X.
const vowelLetters = 'AEFHILMNORSX';

/** The indefinite article for a word or phrase, by how its first word is said. */
export function articleFor(phrase: string): 'a' | 'an' {
  const word = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/u.exec(phrase)?.[0] ?? '';
  if (word === '') return 'a';
  // Numbers: eight, eleven, eighteen and eighty… start with a vowel sound.
  if (/^\d/.test(word)) return /^(?:8|11(?!\d{2})|18(?!\d{2}))/.test(word.replace(/[,.].*$/, '')) ? 'an' : 'a';
  // Initialisms are said letter by letter (an FAQ, a URL, an SMS); a capital run of two to five letters is one.
  const letters = /^[A-Z]{2,5}s?$/.exec(word) ? word : /^[A-Z](?=[-.]|$)/.test(word) ? word : '';
  if (letters) return vowelLetters.includes(letters[0]!) ? 'an' : 'a';
  if (vowelSound.test(word)) return 'an';
  if (consonantSound.test(word)) return 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/**
 * Where `[start, end)` of a text becomes `replacement`: the start and text of the replacement that also
 * puts a right "a" or "an" before it when one stands just before the range ("a whitelist" → "an allowlist").
 * The article keeps its own capitals ("A" → "An").
 */
export function withArticle(text: string, start: number, end: number, replacement: string): { start: number; replacement: string } {
  const before = /(?:^|[^\p{L}\p{N}])(an?) $/iu.exec(text.slice(Math.max(0, start - 4), start));
  if (!before) return { start, replacement };
  const next = (replacement + text.slice(end)).trimStart();
  if (!/^[\p{L}\p{N}]/u.test(next)) return { start, replacement };
  const article = before[1]!;
  const wanted = articleFor(next);
  if (article.toLowerCase() === wanted) return { start, replacement };
  const cased = article === article.toUpperCase() && article.length > 1 ? wanted.toUpperCase() : article[0] === 'A' ? wanted[0]!.toUpperCase() + wanted.slice(1) : wanted;
  return { start: start - article.length - 1, replacement: `${cased} ${replacement}` };
}
