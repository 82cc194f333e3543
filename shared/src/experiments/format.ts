// The one place experiment figures are formatted, for every surface: reasons and narratives, the
// sidebar, and the number formats of the sheet's columns. Each text function and its Sheets
// pattern agree on decimals, signs and thresholds, so a figure reads the same wherever it shows.
// Fixed decimals keep texts deterministic; a missing figure (null) reads as a dash.

const dash = '—';

/** A percentage without sign: 0.9512 → "95.1%". */
export function percent(value: number | null, digits = 1): string {
  return value === null ? dash : `${(value * 100).toFixed(digits)}%`;
}

/** A signed percentage: 0.123 → "+12.3%". */
export function signedPercent(value: number | null, digits = 1): string {
  if (value === null) return dash;
  const text = percent(value, digits);
  return value > 0 ? `+${text}` : text;
}

/**
 * A probability, never rounded to certainty: 0.9998 → "> 99.9%", 0.0002 → "< 0.1%", 0.42 → "42.0%".
 * A chance of 100.0% would claim more than any finite sample can show.
 */
export function probability(value: number | null): string {
  if (value === null) return dash;
  if (value > 0.999) return '> 99.9%';
  if (value < 0.001) return '< 0.1%';
  return percent(value);
}

/** A p-value's figure: "< 0.001" or "0.042". */
export function pValue(value: number | null): string {
  if (value === null) return dash;
  return value < 0.001 ? '< 0.001' : value.toFixed(3);
}

/** A p-value as people read it in a sentence: "p < 0.001" or "p = 0.042". */
export function pText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${pValue(p)}`;
}

/** A count as people read it, with thousands separators: 9100 → "9,100". */
export function count(value: number): string {
  const [whole, fraction] = Math.abs(value).toString().split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** A count with its noun: 1 → "1 row", 3 → "3 rows". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The periods a run pools: "week 1", "week 1 to week 4 (4 periods)", or "" when none is named. */
export function periodSpan(periods: readonly string[]): string {
  const named = periods.filter(Boolean);
  if (named.length <= 1) return named[0] ?? '';
  return `${named[0]} to ${named[named.length - 1]} (${plural(named.length, 'period')})`;
}

/** The Sheets number formats that render a cell as the functions above render its figure. */
export const sheetFormats = {
  /** As `count`. */
  count: '#,##0',
  /** A conversion rate, as `percent(value, 2)`. */
  rate: '0.00%',
  /** A lift or interval bound, as `signedPercent`. */
  lift: '+0.0%;-0.0%;0.0%',
  /** As `pValue`. */
  pValue: '[<0.001]"< 0.001";0.000',
  /** As `probability`. */
  probability: '[>0.999]"> 99.9%";[<0.001]"< 0.1%";0.0%',
} as const;

/** A difference of two rates in percentage points, signed: 0.0042 → "+0.42 pp". */
export function signedPoints(value: number | null): string {
  if (value === null) return dash;
  const text = `${(value * 100).toFixed(2)} pp`;
  return value > 0 ? `+${text}` : text;
}
