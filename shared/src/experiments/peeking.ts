// Peeking: reading a fixed-horizon test before its planned sample is reached inflates the false
// positive rate well past α (Armitage, McPherson & Rowe 1969; Johari et al. 2017, "Peeking at A/B
// tests"). The warning fires whenever any arm is still short of the planned visitors per arm.

import { count } from './format';

export interface PeekingCheck {
  /** Share of the planned sample reached by the smallest arm, 0 to 1 (capped). */
  progress: number;
  peeking: boolean;
  message: string;
}

/** Checks whether results are being read before every arm has its planned visitors. */
export function checkPeeking(visitorsPerArm: readonly number[], plannedPerArm: number): PeekingCheck {
  const smallest = visitorsPerArm.length > 0 ? Math.min(...visitorsPerArm) : 0;
  const progress = plannedPerArm > 0 ? Math.min(1, smallest / plannedPerArm) : 1;
  const peeking = plannedPerArm > 0 && smallest < plannedPerArm;
  const percent = Math.floor(progress * 100);
  const message = peeking
    ? `Only ${percent}% of the planned ${count(plannedPerArm)} visitors per arm so far: a result read now can be a false alarm.`
    : 'The planned sample has been reached.';
  return { progress, peeking, message };
}
