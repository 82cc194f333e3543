/** An sRGB colour with 8-bit channels. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const hexPattern = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Reads `#RRGGBB` or `#RGB` (the `#` is optional); undefined when the text is not a hex colour. */
export function parseHex(text: string): Rgb | undefined {
  const match = hexPattern.exec(text.trim());
  if (!match) return undefined;
  let digits = match[1]!;
  if (digits.length === 3) digits = digits.replace(/./g, (d) => d + d);
  const value = parseInt(digits, 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}

/** True when the text is a hex colour `parseHex` accepts. */
export function isHex(text: string): boolean {
  return hexPattern.test(text.trim());
}

/** Writes a colour as upper-case `#RRGGBB`, rounding and clamping each channel. */
export function toHex({ r, g, b }: Rgb): string {
  const channel = (c: number) => Math.min(255, Math.max(0, Math.round(c))).toString(16).padStart(2, '0');
  return `#${channel(r)}${channel(g)}${channel(b)}`.toUpperCase();
}

/** Normalises any accepted hex spelling to upper-case `#RRGGBB`; undefined when not a hex colour. */
export function normalizeHex(text: string): string | undefined {
  const rgb = parseHex(text);
  return rgb && toHex(rgb);
}

/** Converts Figma's 0–1 channels to 8-bit channels. */
export function rgbFromUnit(r: number, g: number, b: number): Rgb {
  return { r: r * 255, g: g * 255, b: b * 255 };
}
