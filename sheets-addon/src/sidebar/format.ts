// Number formats for the sidebar; fixed decimals so the same numbers always read the same.

export function percent(value: number | null, digits = 1): string {
  return value === null ? '—' : `${(value * 100).toFixed(digits)}%`;
}

export function signedPercent(value: number | null, digits = 1): string {
  if (value === null) return '—';
  const text = percent(value, digits);
  return value > 0 ? `+${text}` : text;
}

export function pValue(value: number | null): string {
  if (value === null) return '—';
  return value < 0.001 ? '< 0.001' : value.toFixed(3);
}

export function count(value: number): string {
  return value.toLocaleString('en-US');
}
