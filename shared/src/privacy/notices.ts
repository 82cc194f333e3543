import type { HeldBack } from './mask';

const kindNames: Record<HeldBack['kind'], [string, string]> = {
  email: ['email address', 'email addresses'],
  phone: ['phone number', 'phone numbers'],
  card: ['card number', 'card numbers'],
  iban: ['IBAN', 'IBANs'],
  'national-id': ['national ID number', 'national ID numbers'],
  name: ['customer or deal name', 'customer or deal names'],
};

/** "1 email address, 2 phone numbers and 1 card number": kinds and counts, never values. */
export function describeHeldBack(heldBack: readonly HeldBack[]): string {
  const parts = heldBack.map(({ kind, count }) => `${count} ${kindNames[kind][count === 1 ? 0 : 1]}`);
  return parts.length <= 1 ? (parts[0] ?? 'nothing') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

// Every notice below starts so, so a surface can pick them out of a result's notices.
const heldBackStart = 'Held back from ';
const inventedStart = 'The model wrote ';

// Provider labels are written to start a sentence ("The OpenAI-compatible server"); these use them inside one.
const inSentence = (provider: string) => provider.replace(/^The /, 'the ');

/** What the user is told when personal data was masked: kinds and counts, never values. */
export function heldBackNotice(provider: string, heldBack: readonly HeldBack[]): string {
  return `${heldBackStart}${inSentence(provider)}: ${describeHeldBack(heldBack)}; they are back in place in the answer.`;
}

/** What the user is told about placeholders the model made up, which were left as written. */
export function inventedNotice(placeholders: readonly string[]): string {
  const one = placeholders.length === 1;
  return `${inventedStart}${one ? 'a placeholder' : 'placeholders'} the request never held (${placeholders.join(', ')}), left as written: check ${one ? 'it' : 'them'} before use.`;
}

/** Why nothing was sent under the kit's `block` policy. */
export function blockedMessage(provider: string, heldBack: readonly HeldBack[]): string {
  return `Nothing was sent to ${inSentence(provider)}: the brand kit's privacy policy blocks personal data, and the text holds ${describeHeldBack(heldBack)}. Take them out, or ask whoever keeps the kit to set privacy.policy to "mask".`;
}

/** Whether a notice is one of the privacy screen's. */
export function isPrivacyNotice(notice: string): boolean {
  return notice.startsWith(heldBackStart) || notice.startsWith(inventedStart);
}
