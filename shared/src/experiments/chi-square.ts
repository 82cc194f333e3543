import { gammaQ } from './incomplete-gamma';

/** Upper tail P(X ≥ x) of a χ² distribution with k degrees of freedom: Q(k/2, x/2). */
export function chiSquareSurvival(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}
