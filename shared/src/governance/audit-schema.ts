import * as z from '../zod';
import { once } from '../once';
import { auditColumns } from './audit-record';

// The record as the add-on and plugin contracts carry it: every column text, built on first use.

export const auditRecordSchema = once(() => z.object(Object.fromEntries(auditColumns.map((column) => [column, z.string()])) as Record<(typeof auditColumns)[number], z.ZodMiniString>));

/** A finding's text as a surface sends it to be dismissed. */
export const ignoreInputSchema = once(() =>
  z.object({ rule: z._default(z.string(), ''), match: z._default(z.string(), ''), sentence: z._default(z.string(), ''), reason: z._default(z.string(), '') }),
);
