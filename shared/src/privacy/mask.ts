import { findPersonalData, personalDataKinds, type PersonalDataKind } from './detect';
import { defaultPrivacy, type PrivacySettings } from './policy';

/** How much of one kind was held back: never the values, so it can go to an audit log. */
export interface HeldBack {
  kind: PersonalDataKind;
  count: number;
}

/** The answer with the originals back in, and placeholders the model wrote that the request never held. */
export interface Restored {
  text: string;
  invented: string[];
}

/** Texts screened together, so one value gets one placeholder across all of them. */
export interface Screened {
  texts: string[];
  /** Distinct values held back, per kind, in the kinds' order. */
  heldBack: HeldBack[];
  /** Puts the originals back where their placeholders come back; `escape` fits a value to the answer's format. */
  restore(answer: string, escape?: (value: string) => string): Restored;
}

// The word in a placeholder for each kind: "[email 1]", "[id 2]".
const placeholderWords: Record<PersonalDataKind, string> = { email: 'email', phone: 'phone', card: 'card', iban: 'iban', 'national-id': 'id', name: 'name' };

// A placeholder as a model may write it back: any case, spaces inside the brackets or none.
const placeholderPattern = /\[\s*(email|phone|card|iban|id|name)\s*(\d{1,4})\s*\]/gi;
const keyOf = (word: string, n: string | number) => `${word.toLowerCase()} ${Number(n)}`;

/**
 * Replaces the personal data in texts bound for a model with typed placeholders (`[email 1]`). The same
 * value gets the same placeholder everywhere; numbers a text already uses as a placeholder are skipped,
 * and such text is never "restored".
 */
export function screenTexts(texts: readonly string[], settings: PrivacySettings = defaultPrivacy): Screened {
  const already = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(placeholderPattern)) already.add(keyOf(m[1]!, m[2]!));
  const byValue = new Map<string, string>();
  const values = new Map<string, string>();
  const next = new Map<PersonalDataKind, number>();
  const counts = new Map<PersonalDataKind, number>();
  const placeholderFor = (kind: PersonalDataKind, value: string) => {
    const id = `${kind}\u0000${kind === 'email' || kind === 'name' ? value.toLowerCase() : value.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`;
    let key = byValue.get(id);
    if (!key) {
      let n = next.get(kind) ?? 0;
      do n++;
      while (already.has(keyOf(placeholderWords[kind], n)));
      next.set(kind, n);
      key = keyOf(placeholderWords[kind], n);
      byValue.set(id, key);
      values.set(key, value);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    return `[${key}]`;
  };
  const out = texts.map((text) => {
    let masked = '';
    let from = 0;
    for (const span of findPersonalData(text, settings)) {
      masked += text.slice(from, span.start) + placeholderFor(span.kind, span.value);
      from = span.end;
    }
    return masked + text.slice(from);
  });
  const heldBack = personalDataKinds.flatMap((kind) => (counts.has(kind) ? [{ kind, count: counts.get(kind)! }] : []));
  return {
    texts: out,
    heldBack,
    restore(answer, escape = (value) => value) {
      const invented = new Set<string>();
      const text = answer.replace(placeholderPattern, (whole, word: string, n: string) => {
        const key = keyOf(word, n);
        const value = values.get(key);
        if (value !== undefined) return escape(value);
        if (!already.has(key)) invented.add(`[${key}]`);
        return whole;
      });
      return { text, invented: [...invented] };
    },
  };
}
