import { describe, expect, it } from 'vitest';
import { count, probability, pValue, sheetFormats, signedPercent } from '../../shared/src/experiments';
import { sampleTracker as sample } from './harness';

// The same figure must read the same on every surface: the status line, the portfolio, the stats
// card, the decision's reasons, the insights and the sheet's own cells (value under its format).

/** Renders a number as Sheets does under the patterns the tracker uses (conditions, sign sections, literals). */
function renderSheetsFormat(pattern: string, value: number): string {
  const sections = pattern.split(';');
  for (const section of sections) {
    const condition = section.match(/^\[([<>]=?)([\d.]+)\](.*)$/);
    if (!condition) continue;
    const [, op, limit, body] = condition as unknown as [string, string, string, string];
    const holds = op === '>' ? value > Number(limit) : op === '<' ? value < Number(limit) : op === '>=' ? value >= Number(limit) : value <= Number(limit);
    if (holds) return renderSection(body, value);
  }
  const plain = sections.filter((section) => !section.startsWith('['));
  if (plain.length >= 3 && value === 0) return renderSection(plain[2]!, value);
  if (plain.length >= 2 && value < 0) return renderSection(plain[1]!, -value);
  return renderSection(plain[0]!, value);
}

function renderSection(section: string, value: number): string {
  const literal = section.match(/^"(.*)"$/);
  if (literal) return literal[1]!;
  const isPercent = section.includes('%');
  const decimals = (section.split('.')[1] ?? '').replace(/[^0]/g, '').length;
  let text = (isPercent ? value * 100 : value).toFixed(decimals);
  if (section.includes('#,##')) text = text.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${section.match(/^[+-]/)?.[0] ?? ''}${text}${isPercent ? '%' : ''}`;
}

describe('every figure, formatted once', () => {
  it('renders the Sheets patterns as the text functions do, at and around every threshold', () => {
    for (const value of [0, 0.0002, 0.000999, 0.001, 0.0423, 0.5, 0.998, 0.999, 0.9991, 0.9998, 1]) {
      expect(renderSheetsFormat(sheetFormats.probability, value)).toBe(probability(value));
      expect(renderSheetsFormat(sheetFormats.pValue, value)).toBe(pValue(value));
    }
    for (const value of [-0.153, 0, 0.22, 1.5]) expect(renderSheetsFormat(sheetFormats.lift, value)).toBe(signedPercent(value));
    for (const value of [0, 999, 9100, 1234567]) expect(renderSheetsFormat(sheetFormats.count, value)).toBe(count(value));
    expect(probability(0.9998)).toBe('> 99.9%');
    expect(probability(0.0002)).toBe('< 0.1%');
  });

  it('shows the same decision counts, chance to beat control and plan on every surface', () => {
    const t = sample();
    const status = t.call('analyzeExperiments').message as string;
    t.call('writeInsights');
    // The status line and the portfolio count the same decisions.
    const counted = Object.fromEntries([...status.matchAll(/(\d+) (scale|iterate|stop|keep-running)/g)].map(([, n, decision]) => [decision, Number(n)]));
    const portfolio = t.call('getPortfolio');
    expect(Object.fromEntries(portfolio.decisions.map((d: { decision: string; count: number }) => [d.decision, d.count]))).toEqual(counted);
    // The experiment still collecting its sample makes its use case (recorded as designed) running.
    const stage = (name: string) => portfolio.stages.find((s: { stage: string }) => s.stage === name).count;
    expect(stage('running')).toBe(counted['keep-running']);
    expect(stage('designed')).toBe(0);
    expect(portfolio.bubbles.find((b: { name: string }) => b.name === 'Weekly insight digest')?.stage ?? 'running').toBe('running');

    // Subject lines' B beats control with a probability just short of 1.
    const card = t.call('getStatsCard', { experiment: 'Subject lines' }).card;
    const chance = card.arms[1].probabilityToBeatControl as number;
    expect(chance).toBeGreaterThan(0.999);
    expect(chance).toBeLessThan(1);
    expect(probability(chance)).toBe('> 99.9%');
    expect(card.reasons[0]).toContain('> 99.9% chance to beat control');
    const results = t.sheet('Results');
    const header = results.snapshot()[0]!;
    const column = header.indexOf('P(beat) to date') + 1;
    expect(renderSheetsFormat(results.formatAt(3, column)!, results.snapshot()[2]![column - 1] as number)).toBe('> 99.9%');
    const reasons = t.records('Results')[1]!.Reasons;
    expect(String(reasons)).toContain('> 99.9% chance to beat control');
    const winner = t.records('Insights').find((row) => row.Kind === 'winner')!;
    expect(String(winner.Narrative)).toContain('> 99.9% probability that B is truly better');

    // A plan of thousands reads with its separator in the card and in the peeking warning alike.
    const digest = t.call('getStatsCard', { experiment: 'Insight digest' }).card;
    expect(digest.plannedPerArm).toBeGreaterThan(999);
    expect(digest.peeking.message).toContain(`planned ${count(digest.plannedPerArm)} visitors per arm`);
    expect(renderSheetsFormat(t.sheet('Experiments').formatAt(4, t.sheet('Experiments').snapshot()[0]!.indexOf('Sample per arm') + 1)!, digest.plannedPerArm)).toBe(count(digest.plannedPerArm));
  });
});
