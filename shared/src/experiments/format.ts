// Plain-language number formats for reasons and narratives; fixed decimals keep them deterministic.

/** A signed percentage: 0.123 → "+12.3%". */
export function signedPercent(value: number, digits = 1): string {
  const text = percent(value, digits);
  return value > 0 ? `+${text}` : text;
}

/** A percentage without sign: 0.9512 → "95.1%". */
export function percent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)}%`;
}

/** A p-value as people read it: "p < 0.001" or "p = 0.042". */
export function pText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** A count with its noun: 1 → "1 row", 3 → "3 rows". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The periods a run pools: "week 1", "week 1 to week 4 (4 periods)", or "" when none is named. */
export function periodSpan(periods: readonly string[]): string {
  const named = periods.filter(Boolean);
  if (named.length <= 1) return named[0] ?? '';
  return `${named[0]} to ${named[named.length - 1]} (${plural(named.length, 'period')})`;
}

/** A count as people read it, with thousands separators: 9100 → "9,100". */
export function count(value: number): string {
  const [whole, fraction] = Math.abs(value).toString().split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
