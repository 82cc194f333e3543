import { parseWith, type Parsed } from '../issues';
import { once } from '../once';
import * as z from '../zod';

const text = () => z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

/** A campaign brief: what the content pack is about. */
export const briefSchema = once(() =>
  z.object({
    campaign: text(),
    product: text(),
    audience: text(),
    keyMessage: text(),
    benefits: z.array(text()).check(z.minLength(1, 'needs at least one benefit')),
    cta: text(),
    offer: z.optional(z.string().check(z.trim())),
    approvedClaims: z.optional(z.array(text())),
    channels: z.optional(z.array(text())),
  }),
);

export type Brief = z.output<ReturnType<typeof briefSchema>>;

/** Validates a brief object, naming every bad field by path (`benefits[2]`). */
export function parseBrief(data: unknown): Parsed<Brief> {
  return parseWith(briefSchema(), data);
}

/** Parses brief JSON text; never throws. */
export function parseBriefJson(source: string): Parsed<Brief> {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    return { ok: false, issues: [{ path: '(root)', message: `the brief is not valid JSON (${(error as Error).message})` }] };
  }
  return parseBrief(data);
}
