import { luhnValid } from './checksums';

/** One national ID format: how it is written, and a check that rules out look-alikes. */
export interface NationalIdFormat {
  id: string;
  name: string;
  pattern: RegExp;
  valid?: (match: string) => boolean;
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

// Spanish DNI check letters, indexed by the number mod 23 (Ministerio del Interior, Real Decreto 1553/2005).
const dniLetters = 'TRWAGMYFPDXBNJZSQVHLCKE';

/**
 * The national ID formats a kit can name. Each pattern needs the separators people write, so a bare run
 * of digits (an order or tracking number) is never taken for an ID. Patterns are global and sticky-free.
 */
export const nationalIdFormats: readonly NationalIdFormat[] = [
  {
    // SSA: area 001–899 but not 666, group 01–99, serial 0001–9999; written 123-45-6789 or 123 45 6789.
    id: 'us-ssn',
    name: 'US Social Security number',
    pattern: /(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])/g,
  },
  {
    // HMRC NIM39110: two prefix letters (not D, F, I, Q, U or V; the second not O; not BG, GB, KN, NK, NT, TN, ZZ), six digits, suffix A–D.
    id: 'uk-nino',
    name: 'UK National Insurance number',
    pattern: /\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g,
  },
  {
    // Canadian Social Insurance number: nine digits in threes, Luhn-checked (Employment and Social Development Canada).
    id: 'ca-sin',
    name: 'Canadian Social Insurance number',
    pattern: /(?<![\d-])\d{3}([- ])\d{3}\1\d{3}(?![\d-])/g,
    valid: (match) => luhnValid(digitsOf(match)),
  },
  {
    // Spanish DNI: eight digits and a check letter.
    id: 'es-dni',
    name: 'Spanish DNI number',
    pattern: /\b\d{8}-?[A-Z]\b/g,
    valid: (match) => dniLetters[Number(digitsOf(match)) % 23] === match.slice(-1),
  },
];
