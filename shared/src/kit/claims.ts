import * as z from '../zod';
import { optionalList, someOf } from './fields';

/** Kinds of claim a reviewer must see before copy ships. */
export const claimCategories = [
  'superlatives',
  'guarantees',
  'absolutes',
  'numbers',
  'prices',
  'percentages',
  'health',
  'finance',
] as const;

export type ClaimCategory = (typeof claimCategories)[number];

const noWords = { superlatives: [], guarantees: [], absolutes: [], health: [], finance: [] };

/**
 * Claims needing review. `review` lists the categories checked; `approved` lists claim texts
 * already signed off (a claim inside one passes); `words` adds the brand's own trigger words.
 */
export const claimsSchema = () =>
  z.strictObject({
    review: someOf(claimCategories),
    approved: optionalList(),
    words: z._default(
      z.strictObject({
        superlatives: optionalList(),
        guarantees: optionalList(),
        absolutes: optionalList(),
        health: optionalList(),
        finance: optionalList(),
      }),
      noWords,
    ),
  });

export type Claims = z.output<ReturnType<typeof claimsSchema>>;

export const defaultClaims: Claims = { review: [...claimCategories], approved: [], words: noWords };
