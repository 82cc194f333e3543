import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPrivacy, findPersonalData, ibanValid, luhnValid, type PrivacySettings } from '../../../shared/src/privacy';

const settings = (more: Partial<PrivacySettings> = {}): PrivacySettings => ({ ...defaultPrivacy, ...more });
const found = (text: string, more?: Partial<PrivacySettings>) => findPersonalData(text, settings(more)).map((s) => [s.kind, s.value]);

// A Luhn check digit for any digit string, so the properties can build valid and invalid card numbers.
function luhnDigit(body: string): number {
  for (let d = 0; d < 10; d++) if (luhnValid(body + d)) return d;
  throw new Error('unreachable');
}

// A valid IBAN check pair for a country and account (ISO 13616: 98 minus the mod-97 of the rearranged number).
function ibanWithCheck(country: string, account: string): string {
  const numeric = (account + country + '00').replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return `${country}${String(98 - remainder).padStart(2, '0')}${account}`;
}

describe('the personal data screen finds', () => {
  it('email addresses, with their whole local part and domain', () => {
    expect(found('Write to jane.o\'neil+promo@mail.example.co.uk today.')).toEqual([['email', "jane.o'neil+promo@mail.example.co.uk"]]);
    expect(found('Ping @brand on X or email us.')).toEqual([]);
  });

  it('phone numbers in international and common national formats', () => {
    expect(found('Call +44 20 7946 0018, +1 (415) 555-0132 or +49 30 901820.').map(([, v]) => v)).toEqual(['+44 20 7946 0018', '+1 (415) 555-0132', '+49 30 901820']);
    expect(found('Call (555) 010-0199, 555.010.0199, 1-800-555-0199, 020 7946 0018, 07700 900123 or 01 23 45 67 89.').map(([, v]) => v)).toEqual([
      '(555) 010-0199',
      '555.010.0199',
      '1-800-555-0199',
      '020 7946 0018',
      '07700 900123',
      '01 23 45 67 89',
    ]);
  });

  it('card numbers of 13 to 19 digits with spaces or dashes, only when the Luhn check passes', () => {
    expect(found('Card 4111 1111 1111 1111 on file.')).toEqual([['card', '4111 1111 1111 1111']]);
    expect(found('Card 3782-822463-10005 on file.')).toEqual([['card', '3782-822463-10005']]);
    expect(found('Card 4111 1111 1111 1112 on file.')).toEqual([]);
  });

  it('IBANs whose mod-97 check passes, and not those whose check fails', () => {
    expect(found('Pay into DE89 3704 0044 0532 0130 00 by Friday.')).toEqual([['iban', 'DE89 3704 0044 0532 0130 00']]);
    expect(found('Pay into GB82WEST12345698765432.')).toEqual([['iban', 'GB82WEST12345698765432']]);
    expect(found('Pay into DE88 3704 0044 0532 0130 00 by Friday.')).toEqual([]);
  });

  it('the national ID formats the kit names, and only those', () => {
    const text = 'SSN 123-45-6789, NINO AB 12 34 56 C, SIN 046 454 286, DNI 12345678Z.';
    expect(found(text).map(([kind, v]) => `${kind}:${v}`)).toEqual(['national-id:123-45-6789', 'national-id:AB 12 34 56 C', 'national-id:046 454 286', 'national-id:12345678Z']);
    expect(found(text, { nationalIds: ['uk-nino'] }).map(([, v]) => v)).toEqual(['AB 12 34 56 C']);
    // An SSN that cannot be issued (area 666) and a DNI with the wrong letter are not IDs.
    expect(found('Codes 666-12-3456 and 12345678A.', { nationalIds: ['us-ssn', 'es-dni'] })).toEqual([]);
  });

  it("the kit's customer and deal names as whole words, in any case", () => {
    expect(found('The ACME BANK renewal and acme bank’s pilot, not Acme Banking.', { names: ['Acme Bank'] }).map(([, v]) => v)).toEqual(['ACME BANK', 'acme bank']);
    expect(found('Northwind  Traders signed.', { names: ['Northwind Traders', 'Northwind'] })).toEqual([['name', 'Northwind  Traders']]);
  });

  it("lets through the kit's own addresses, domains and numbers", () => {
    const text = 'Email support@brand.example, sales@eu.brand.example or jane@gmail.com; call +1 800 555 0100 or (800) 555-0100 or +1 415 555 0132.';
    const allow = ['support@brand.example', '@eu.brand.example', '+1 800 555 0100'];
    expect(found(text, { allow }).map(([, v]) => v)).toEqual(['jane@gmail.com', '+1 415 555 0132']);
    expect(found('Write to ops@brand.example.', { allow: ['brand.example'] })).toEqual([]);
  });
});

// Ordinary marketing copy: prices, dates, percentages, versions, order and model numbers, times and sizes.
const ordinary = [
  'Save 20% on every plan until 31/12/2026.',
  'Now $1,299.99, was $1,499.00: that is 13.3% off.',
  'Prices from €49.90 a month, billed yearly (€598.80).',
  'Order #1234567890 ships on 2026-05-01.',
  'Your order 0123456789 is on its way.',
  'Version 2.10.4 and v10.15.7 are out; update from 1.9.12.',
  'Doors open 10:30–17:45 on 05.12.2026.',
  'Up to 4x faster, 2,500,000 users, 99.99% uptime.',
  'Tracking number 9400 1000 0000 0000 0000 00 is in your email.',
  'Ref: 2026-0413-7781. Invoice no. 00045512 is attached.',
  'Our 2026 range: 12 colours, 3 sizes, 1 price.',
  'Call it a win: 3 out of 4 teams close in 5 days.',
  'Screens from 1920x1080 to 3840 x 2160 pixels.',
  'A 30-day trial, then £12 per seat per month.',
  'Join 10 000 marketers at our 2026 summit on 14 June.',
  'Model SKU 555-0199-22 is back in stock.',
  'Open from 9 to 5, Monday to Friday; closed on 25 and 26 December.',
  'Rated 4.8/5 by 12,000 reviewers.',
  'ISBN 978-3-16-148410-0 is the second edition.',
  'Take 15% off orders over $100 with code SPRING15.',
];

describe('no false positives on ordinary marketing copy', () => {
  it.each(ordinary)('%s', (sentence) => {
    expect(findPersonalData(sentence)).toEqual([]);
  });
});

describe('detector properties', () => {
  it('finishes on bracketed digits with nothing after them, as in "+(1)"', () => {
    expect(findPersonalData('Dial +(1) or +(44) (0).')).toEqual([]);
  });

  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

  it('finds every Luhn-valid card number of 13 to 19 digits, grouped by spaces or dashes, and no Luhn-invalid one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), digits(11, 17), fc.constantFrom(' ', '-', ''), fc.integer({ min: 1, max: 9 }), (first, body, separator, wrong) => {
        const valid = `${first}${body}${luhnDigit(`${first}${body}`)}`;
        const invalid = `${first}${body}${(luhnDigit(`${first}${body}`) + wrong) % 10}`;
        const group = (n: string) => n.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
        expect(findPersonalData(`Card ${group(valid)} on file.`).filter((s) => s.kind === 'card').map((s) => s.value)).toEqual([group(valid)]);
        expect(findPersonalData(`Card ${group(invalid)} on file.`).filter((s) => s.kind === 'card')).toEqual([]);
      }),
    );
  });

  it('takes an IBAN only when its check digits are right', () => {
    fc.assert(
      fc.property(fc.constantFrom(['DE', 18], ['FR', 23], ['NL', 14], ['GB', 18]), fc.stringMatching(/^[0-9]{23}$/), fc.integer({ min: 1, max: 96 }), ([country, length], account, shift) => {
        const iban = ibanWithCheck(country as string, account.slice(0, length as number));
        expect(ibanValid(iban)).toBe(true);
        const check = Number(iban.slice(2, 4));
        const wrong = `${iban.slice(0, 2)}${String(((check - 2 + shift) % 97) + 2).padStart(2, '0')}${iban.slice(4)}`;
        expect(ibanValid(wrong)).toBe(false);
        const spaced = iban.replace(/(.{4})(?=.)/g, '$1 ');
        expect(findPersonalData(`Pay into ${spaced} today.`).map((s) => s.value)).toEqual([spaced]);
      }),
    );
  });

  it('finds nothing in prices, dates, percentages and version numbers', () => {
    const price = fc.tuple(fc.constantFrom('$', '€', '£'), fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 })).map(([c, a, b]) => `${c}${a.toLocaleString('en-US')}.${String(b).padStart(2, '0')}`);
    const date = fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2099 }), fc.constantFrom('/', '-', '.')).map(([d, m, y, s]) => [String(d).padStart(2, '0'), String(m).padStart(2, '0'), y].join(s));
    const iso = fc.tuple(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const percent = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 9 })).map(([a, b]) => `${a}.${b}%`);
    const version = fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 2, maxLength: 4 }).map((parts) => `v${parts.join('.')}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(price, date, iso, percent, version), { minLength: 1, maxLength: 6 }), (parts) => {
        expect(findPersonalData(`Save ${parts.join(' and ')} today.`)).toEqual([]);
      }),
    );
  });

  it('reports spans that hold exactly their values, in order and without overlaps, for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('', ' jane@example.com ', ' +44 20 7946 0018 ', ' 4111 1111 1111 1111 '), (text, planted) => {
        // Lines apart, so the random text cannot run on into the planted value (a digit after a card number's last group).
        const full = `${text}\n${planted}\n${text}`;
        const spans = findPersonalData(full);
        spans.forEach((span, i) => {
          expect(full.slice(span.start, span.end)).toBe(span.value);
          if (i > 0) expect(span.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
        });
        if (planted) expect(spans.some((s) => s.value === planted.trim())).toBe(true);
      }),
    );
  });
});
