import { ibanValid, luhnValid } from './checksums';
import { nationalIdFormats } from './national-ids';
import { defaultPrivacy, type PrivacySettings } from './policy';

/** The kinds of personal data the screen finds. */
export const personalDataKinds = ['email', 'phone', 'card', 'iban', 'national-id', 'name'] as const;
export type PersonalDataKind = (typeof personalDataKinds)[number];

/** One piece of personal data in a text: `[start, end)` in UTF-16 offsets. */
export interface PersonalSpan {
  kind: PersonalDataKind;
  start: number;
  end: number;
  value: string;
}

const alnum = (text: string) => text.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
const digitsOf = (text: string) => text.replace(/\D/g, '');

// Emails are found from each "@" outwards rather than by one pattern, which would rescan every letter
// of a long word for a local part (quadratic time on text with no "@").
const localChar = /[A-Za-z0-9._%+'-]/;
const domainAt = /[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/y;

function emails(text: string, push: (start: number, end: number) => void): void {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    // RFC 5321 caps a local part at 64 characters.
    while (start > 0 && at - start < 64 && localChar.test(text[start - 1]!)) start--;
    while (start < at && /[.'-]/.test(text[start]!)) start++;
    if (start === at) continue;
    domainAt.lastIndex = at + 1;
    const domain = domainAt.exec(text);
    if (domain) push(start, at + 1 + domain[0].length);
  }
}

// Card numbers: 13–19 digits, single spaces or dashes between them, an issuer's first digit (2–6: Mastercard,
// Amex, Visa, Discover, JCB, UnionPay and Diners all start so) and a Luhn check.
const cardPattern = /(?<![\d-])[2-6](?:[ -]?\d){12,18}(?![ -]?\d)/g;

const ibanPattern = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;

// A phone candidate: digit groups with one separator between them, optionally a leading "+" and an
// area code in brackets. Groups are separated, so the pattern cannot backtrack over ways to split digits.
const phonePattern = /(?<![\w+@/.,$€£¥#-])\+?(?:\(\d{1,5}\)|\d+)(?:[ .-]?\(\d{1,5}\)\d*|[ .-]\d+)*/g;

// Text before a number that makes it an order, ticket or version number rather than a phone number.
const notPhoneBefore = /(?:#|\b(?:order|invoice|ref|reference|sku|tracking|item|serial|model|part|version|case|ticket|account|batch|lot)\b(?:\s*(?:no\.?|number|#|id))?)\s*[:.]?\s*$/i;

function phoneShape(candidate: string): boolean {
  const digits = digitsOf(candidate);
  if (candidate.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
  const groups = candidate.split(/[ .-]+|(?<=\))|(?=\()/).map((g) => g.replace(/[()]/g, '')).filter(Boolean);
  const sizes = groups.map((g) => g.length).join(',');
  // North American Numbering Plan: (555) 010-0199, 555-010-0199, 1-800-555-0199.
  if (sizes === '3,3,4' || (sizes === '1,3,3,4' && groups[0] === '1')) return true;
  // Trunk prefix 0 (UK, France, Germany, Australia and others): 020 7946 0018, 07700 900123, 01 23 45 67 89.
  if (digits.startsWith('0') && !digits.startsWith('00') && digits.length >= 10 && digits.length <= 11) {
    return groups.every((g) => g.length >= 2) && groups.length <= 5;
  }
  return false;
}

function phones(text: string, push: (start: number, end: number) => void): void {
  for (const m of text.matchAll(phonePattern)) {
    let candidate = m[0];
    const start = m.index;
    if (!candidate.startsWith('+') && notPhoneBefore.test(text.slice(Math.max(0, start - 24), start))) continue;
    // A number run on into the next one ("0800 123 4567 2 times") is tried again without its last groups.
    while (candidate && !phoneShape(candidate)) {
      const shorter = candidate.replace(/[ .-]?(?:\(\d*\)\d*|\d+)$/, '');
      candidate = shorter === candidate ? '' : shorter;
    }
    if (!candidate) continue;
    const end = start + candidate.length;
    // A percentage, a decimal or a fraction is not a phone number.
    if (/^(?:[%\w]|[.,/]\d)/.test(text.slice(end, end + 2))) continue;
    push(start, end);
  }
}

function escapeName(name: string): string {
  return name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

// Kit names as one whole-word, case-insensitive pattern, longest first so "Acme Bank" wins over "Acme".
const namePatterns = new Map<string, RegExp | null>();
function namePattern(names: readonly string[]): RegExp | null {
  const key = names.join('\n');
  if (!namePatterns.has(key)) {
    const alternatives = names.filter((n) => n.trim()).sort((a, b) => b.length - a.length).map(escapeName);
    namePatterns.set(key, alternatives.length ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu') : null);
  }
  return namePatterns.get(key)!;
}

/** Whether the kit lets this value through: its own addresses, domains and numbers. */
export function isAllowed(kind: PersonalDataKind, value: string, allow: readonly string[]): boolean {
  if (kind === 'email') {
    const email = value.toLowerCase();
    const domain = email.slice(email.lastIndexOf('@') + 1);
    return allow.some((entry) => {
      const e = entry.trim().toLowerCase();
      if (e.includes('@') && !e.startsWith('@')) return e === email;
      const d = e.replace(/^@/, '');
      return d.includes('.') && (domain === d || domain.endsWith(`.${d}`));
    });
  }
  if (kind === 'name') return allow.some((entry) => entry.trim().toLowerCase() === value.toLowerCase());
  const own = kind === 'phone' ? digitsOf(value) : alnum(value);
  return allow.some((entry) => {
    const e = kind === 'phone' ? digitsOf(entry) : alnum(entry);
    if (e.length < 7) return false;
    if (e === own) return true;
    // The same phone number with or without its country code (+1 800… and 800…).
    return kind === 'phone' && Math.abs(e.length - own.length) <= 3 && (e.endsWith(own) || own.endsWith(e));
  });
}

/**
 * Finds personal data in text: emails, mod-97-valid IBANs, Luhn-valid card numbers, the national ID
 * formats the kit names, the kit's customer or deal names and phone numbers. Where two overlap, the
 * earlier kind in that order wins. What the kit allows is left out.
 */
export function findPersonalData(text: string, settings: PrivacySettings = defaultPrivacy): PersonalSpan[] {
  const spans: PersonalSpan[] = [];
  const taken = (start: number, end: number) => spans.some((s) => s.start < end && start < s.end);
  const pusher = (kind: PersonalDataKind, valid: (value: string) => boolean = () => true) => (start: number, end: number) => {
    const value = text.slice(start, end);
    if (taken(start, end) || !valid(value) || isAllowed(kind, value, settings.allow)) return;
    spans.push({ kind, start, end, value });
  };
  const each = (pattern: RegExp, push: (start: number, end: number) => void) => {
    for (const m of text.matchAll(pattern)) push(m.index, m.index + m[0].length);
  };
  emails(text, pusher('email'));
  // An IBAN's account part can itself pass the Luhn check, so IBANs are taken before cards.
  each(ibanPattern, pusher('iban', ibanValid));
  each(cardPattern, pusher('card', (v) => luhnValid(digitsOf(v)) && !/^0+$/.test(digitsOf(v))));
  const named = settings.nationalIds;
  for (const format of nationalIdFormats) {
    if (!named || named.includes(format.id)) each(format.pattern, pusher('national-id', format.valid));
  }
  const names = namePattern(settings.names);
  if (names) each(names, pusher('name'));
  phones(text, pusher('phone'));
  return spans.sort((a, b) => a.start - b.start);
}
