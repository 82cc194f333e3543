/** Whole days needed to reach the sample: ceil(perArm × arms / daily traffic); Infinity without traffic. */
export function durationDays(perArm: number, arms: number, dailyTraffic: number): number {
  if (!(dailyTraffic > 0)) return Infinity;
  return Math.ceil((perArm * arms) / dailyTraffic);
}
