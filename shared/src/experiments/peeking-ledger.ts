import { sequentialOverLooks, type SequentialResult } from './sequential';
import type { Arm } from './two-proportion';

// The peeking ledger: every analysis of a running experiment is one look, kept with its time and
// the data it saw per arm. Sequential intervals are computed from the looks' data, so the ledger
// is the evidence for how often, and on what, a running experiment was read.

export interface ArmData extends Arm {
  arm: string;
}

export interface Look {
  when: string;
  experiment: string;
  segment: string;
  /** Control first. */
  arms: ArmData[];
}

/** "control 552/12000; B 673/12000": conversions over visitors per arm, control first. */
export const lookDataText = (arms: readonly ArmData[]): string => arms.map((arm) => `${arm.arm} ${arm.conversions}/${arm.visitors}`).join('; ');

/** Reads lookDataText back; null when a part is not "arm conversions/visitors". */
export function readLookData(text: string): ArmData[] | null {
  const arms: ArmData[] = [];
  for (const part of text.split(';')) {
    const match = /^\s*(.+?)\s+(\d+)\s*\/\s*(\d+)\s*$/.exec(part);
    if (!match) return null;
    arms.push({ arm: match[1]!, conversions: Number(match[2]), visitors: Number(match[3]) });
  }
  return arms.length >= 2 ? arms : null;
}

/** Whether this data is new since the last look: the same numbers read again teach nothing and are no new peek. */
export const isNewLook = (previous: Look | undefined, arms: readonly ArmData[]): boolean => !previous || lookDataText(previous.arms) !== lookDataText(arms);

export interface VariantSequence {
  arm: string;
  /** The result as of each look, in look order (null until the data can say anything). */
  byLook: (SequentialResult | null)[];
}

/**
 * Each variant's always-valid interval and p-value over the looks, at α split over the variants.
 * `plannedPerArm` tunes the sequence to be narrowest at the planned sample.
 */
export function sequentialByVariant(looks: readonly Look[], alpha: number, plannedPerArm: number): VariantSequence[] {
  const first = looks[0];
  if (!first) return [];
  const variants = first.arms.slice(1).map((arm) => arm.arm);
  const each = alpha / Math.max(1, variants.length);
  return variants.map((arm) => {
    const pairs = looks.flatMap((look) => {
      const control = look.arms[0];
      const variant = look.arms.find((candidate) => candidate.arm === arm);
      return control && variant ? [{ control, variant }] : [];
    });
    return { arm, byLook: sequentialOverLooks(pairs, each, 2 * plannedPerArm) };
  });
}
