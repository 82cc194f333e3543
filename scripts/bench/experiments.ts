// Compute time of the experiments core on the Sheets workloads: scoring 5,000 use-case rows and
// analyzing 2,000 result rows through the table functions, plus probability to beat control for
// large counts (the integrated path) and mid-sized counts (the exact sum). Data is generated from
// a fixed seed, so every run measures the same work.
import { analyzeResultsTable, findInsights, probabilityToBeat, scoreUseCaseTable } from '../../shared/src/experiments';
import { medianMs, seededNumbers } from './measure';

function useCaseRows(count: number): unknown[][] {
  const random = seededNumbers(7);
  const level = () => 1 + Math.floor(random() * 5);
  return Array.from({ length: count }, (_, i) => [`Use case ${i + 1}`, 'owner', level(), level(), level(), level(), 'ideate', Math.floor(random() * 10000), 0.8, 1 + level()]);
}

function resultRows(count: number): unknown[][] {
  const random = seededNumbers(11);
  const arms = ['control', 'B', 'C', 'D'];
  return Array.from({ length: count }, (_, i) => {
    const group = Math.floor(i / arms.length);
    const visitors = 5000 + Math.floor(random() * 20000);
    const conversions = Math.floor(visitors * (0.03 + random() * 0.02));
    return [`Experiment ${group % 50}`, arms[i % arms.length], `week ${Math.floor(group / 50) + 1}`, 'all', visitors, conversions, ''];
  });
}

/** Figures in milliseconds for the experiments workloads. */
export async function benchExperiments(): Promise<Record<string, number>> {
  const header = ['Name', 'Owner', 'Impact', 'Feasibility', 'Risk', 'Readiness', 'Stage', 'Reach', 'Confidence', 'Effort'];
  const cases = useCaseRows(5000);
  const results = resultRows(2000);
  return {
    scoreUseCases5000Ms: medianMs(() => scoreUseCaseTable(header, cases)),
    analyzeResults2000Ms: medianMs(() => findInsights(analyzeResultsTable(results), { now: '2026-11-23T00:00:00Z' })),
    probBeatLargeCountsMs: medianMs(() => probabilityToBeat({ visitors: 10_000_000, conversions: 1_000_000 }, { visitors: 10_000_000, conversions: 1_003_000 })),
    probBeatExactSum20000Ms: medianMs(() => probabilityToBeat({ visitors: 400_000, conversions: 20_000 }, { visitors: 400_000, conversions: 20_400 })),
  };
}
