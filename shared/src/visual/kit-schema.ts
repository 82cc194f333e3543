import { isHex } from '../color/hex';
import { parseWith, type Parsed } from '../issues';
import { once } from '../once';
import * as z from '../zod';

// The visual part of a brand kit. Every field is optional, so a kit without visual rules
// still parses; a rule with no data (an empty palette, no fonts) simply does not run.

const hexColor = () => z.string().check(z.refine(isHex, { message: 'expected a hex colour like #0B1F3A' }));
const filled = () => z.string().check(z.minLength(1));
const nonNegative = () => z.number().check(z.gte(0));
const positive = () => z.number().check(z.gt(0));
const pixels = () => z.int().check(z.gt(0));

// Settings for an exact output format (width × height), overriding the general ones.
const formats = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z._default(z.array(z.object({ name: z.optional(z.string()), width: pixels(), height: pixels(), ...shape })), []);

/** A named brand colour. */
const paletteColor = () => z.object({ name: filled(), hex: hexColor() });

/** An allowed font family; without `styles`, every style of the family is allowed. */
const allowedFont = () => z.object({ family: filled(), styles: z.optional(z.array(filled())) });

/**
 * Minimum text size in output pixels. The most specific entry wins: an exact format
 * (width × height), then the output's size class, then `default`.
 * Size classes go by the output's shorter side: small ≤ 120 px (leaderboards, mobile banners),
 * medium ≤ 600 px (rectangles, skyscrapers), large above (social posts and stories).
 */
const minTextSize = () =>
  z.object({
    default: z._default(positive(), 12),
    classes: z.optional(
      z.object({ small: z.optional(positive()), medium: z.optional(positive()), large: z.optional(positive()) }),
    ),
    formats: formats({ minimum: positive() }),
  });

/** How the logo is found and how much room it needs. */
const logoRule = () =>
  z.object({
    /** A layer is the logo when its name contains this text, ignoring case (`#logo` finds "#logo-white"). */
    namePattern: z._default(filled(), '#logo'),
    /** Clear space on every side, as a share of the logo's shorter side (0.25 = a quarter of its height for a wide logo). */
    clearSpace: z._default(nonNegative(), 0.25),
  });

// One number for every side, or one per side.
const margin = () =>
  z.union([nonNegative(), z.object({ top: nonNegative(), right: nonNegative(), bottom: nonNegative(), left: nonNegative() })]);
const marginUnit = () => z._default(z.enum(['share', 'px']), 'share');

/**
 * Safe zones: no text inside the margin. A `share` margin is a share of the frame's width
 * (left, right) or height (top, bottom); `px` is output pixels. `formats` override it for an exact width × height.
 */
const safeZone = () => z.object({ margin: margin(), unit: marginUnit(), formats: formats({ margin: margin(), unit: marginUnit() }) });

/** The visual section of a kit; parsing `{}` gives the defaults every creative check starts from. */
export const visualKitSchema = once(() =>
  z.object({
    palette: z._default(z.array(paletteColor()), []),
    /** Largest CIEDE2000 distance at which a colour still counts as the palette colour. */
    paletteTolerance: z._default(nonNegative(), 2.3),
    fonts: z._default(z.array(allowedFont()), []),
    minTextSize: z.optional(minTextSize()),
    /** WCAG level for text contrast. */
    contrast: z._default(z.enum(['AA', 'AAA']), 'AA'),
    logo: z._default(logoRule(), { namePattern: '#logo', clearSpace: 0.25 }),
    safeZone: z.optional(safeZone()),
  }),
);

export type VisualKit = z.output<ReturnType<typeof visualKitSchema>>;
export type Margin = number | { top: number; right: number; bottom: number; left: number };

/** Validates a kit's `visual` section on its own, naming problems by their path in the kit (`visual.palette[1].hex`). */
export function parseVisualKit(data: unknown): Parsed<VisualKit> {
  const parsed = parseWith(visualKitSchema(), data ?? {});
  if (parsed.ok) return parsed;
  return {
    ok: false,
    issues: parsed.issues.map((issue) => ({
      ...issue,
      path: issue.path === '(root)' ? 'visual' : `visual.${issue.path}`.replace('.[', '['),
    })),
  };
}
