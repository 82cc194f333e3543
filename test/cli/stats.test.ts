import { describe, it, expect } from 'vitest';
import { statsCommand } from '../../shared/src/cli/commands/stats';
import { expectRelative, reference } from '../shared/experiments/reference';
import { runCommand } from '../fixtures/stats/run-cli';

async function run(...argv: string[]) {
  const result = await runCommand(statsCommand, argv);
  return { ...result, json: result.code === 0 ? JSON.parse(result.stdout) : undefined };
}

describe('onbrand stats sample-size', () => {
  it('prints the sample per variant, exactly as the reference computes it', async () => {
    for (const row of reference.sampleSize) {
      const flags = ['--baseline', String(row.baseline), `--mde=${row.mde}`, '--alpha', String(row.alpha), '--power', String(row.power)];
      const { code, json } = await run('sample-size', ...flags, ...(row.absolute ? ['--absolute'] : []));
      expect(code).toBe(0);
      expect(json.perVariant).toBe(row.perVariant);
      expect(json.total).toBe(2 * row.perVariant);
      expect(json.mdeType).toBe(row.absolute ? 'absolute' : 'relative');
    }
  });
  it('uses α 0.05 and power 0.8 by default', async () => {
    const { json } = await run('sample-size', '--baseline', '0.1', '--mde', '0.1');
    expect(json).toMatchObject({ perVariant: 14751, alpha: 0.05, power: 0.8, p1: 0.1 });
  });
  it('exits 2 when the baseline is not strictly between 0 and 1', async () => {
    for (const baseline of ['0', '1', '1.5', 'abc']) {
      const { code, stderr } = await run('sample-size', '--baseline', baseline, '--mde', '0.1');
      expect(code).toBe(2);
      expect(stderr).toContain('--baseline: the baseline rate must be between 0 and 1');
    }
  });
});

describe('onbrand stats ab', () => {
  it('prints every variant with the contract keys, matching the reference', async () => {
    const { code, json } = await run('ab', '--control', '10000:500', '--variant', '10000:560', '--variant', '10000:530');
    expect(code).toBe(0);
    expect(Object.keys(json.variants[0])).toEqual(expect.arrayContaining(['visitors', 'conversions', 'rate', 'lift', 'ciLow', 'ciHigh', 'pValue', 'pValueAdjusted', 'probabilityToBeatControl', 'significant']));
    const row = reference.zTest.find((r: { control: number[]; variant: number[] }) => r.control[0] === 10000 && r.variant[1] === 560);
    expectRelative(json.variants[0].pValue, row.pValue);
    expectRelative(json.variants[0].ciLow, row.liftLow, 1e-9);
    expect(json.variants[0].lift).toBeCloseTo(0.12, 12);
    expect(json.variants[0].pValueAdjusted).toBeCloseTo(Math.min(1, 2 * Math.min(json.variants[0].pValue, json.variants[1].pValue)), 12);
    expect(json.srm).toEqual({ pValue: 1, mismatch: false });
  });
  it('tests an equal split across all arms, control included', async () => {
    const srm = reference.srm.find((r: { visitors: number[] }) => r.visitors.join() === '10000,10321,9800');
    const { json } = await run('ab', '--control', '10000:500', '--variant', '10321:520', '--variant', '9800:480');
    expectRelative(json.srm.pValue, srm.pValue);
    expect(json.srm.mismatch).toBe(srm.pValue < 0.001);
    const broken = await run('ab', '--control', '5000:250', '--variant', '5000:260', '--variant', '5600:300');
    expect(broken.json.srm.mismatch).toBe(true);
  });
  it('marks significance against the α given', async () => {
    const loose = await run('ab', '--control', '1000:100', '--variant', '1000:125', '--alpha', '0.1');
    const strict = await run('ab', '--control', '1000:100', '--variant', '1000:125', '--alpha', '0.01');
    expect(loose.json.variants[0].significant).toBe(true);
    expect(strict.json.variants[0].significant).toBe(false);
  });
  it.each([
    [['--control', '100:120', '--variant', '100:5'], '--control.conversions: conversions (120) exceed visitors (100)'],
    [['--control', '100:5', '--variant=-100:5'], '--variant.visitors: visitors cannot be negative'],
    [['--control', '0:0', '--variant', '100:5'], '--control.visitors: the arm is empty'],
    [['--control', '100:5'], 'at least one --variant is required'],
    [['--control', '100:5', '--variant', '100:5', '--variant', '50:60'], '--variant #2.conversions: conversions (60) exceed visitors (50)'],
    [['--control', '100', '--variant', '100:5'], 'is not VISITORS:CONVERSIONS'],
    [['--control', '100:5', '--variant', '100:5', '--alpha', '2'], '--alpha: alpha must be between 0 and 1'],
  ])('exits 2 on bad input: %j', async (argv, message) => {
    const { code, stderr } = await run('ab', ...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('onbrand stats ttest', () => {
  it('prints Welch p-value, df, difference and interval matching SciPy', async () => {
    const row = reference.welch[0];
    const { code, json } = await run('ttest', '--control', row.control.join(','), '--variant', row.variant.join(','));
    expect(code).toBe(0);
    expectRelative(json.pValue, row.pValue);
    expectRelative(json.df, row.df, 1e-10);
    expectRelative(json.ciLow, row.ciLow, 1e-8);
    expect(json.diff).toBe(row.diff);
  });
  it('exits 2 on a negative standard deviation or a sample of one', async () => {
    expect((await run('ttest', '--control', '10,-2,30', '--variant', '11,3,25')).stderr).toContain('--control.sd: the standard deviation cannot be negative');
    expect((await run('ttest', '--control', '10,2,1', '--variant', '11,3,25')).stderr).toContain('--control.n: the sample size must be at least 2');
  });
  it('exits 2 naming the calculators when none is given', async () => {
    const { code, stderr } = await run('anova');
    expect(code).toBe(2);
    expect(stderr).toContain('sample-size, ab, ttest, revenue or detect');
  });
});

describe('onbrand stats at the edges of double precision', () => {
  it('tests means and spreads near 1e200 without overflowing', async () => {
    const { code, json } = await run('ttest', '--control', '1e200,1e200,10', '--variant', '2e200,1e200,10');
    expect(code).toBe(0);
    // The same test scaled down by 1e200: t = 1/√(2/10) ≈ 2.236, p ≈ 0.038 on 18 degrees of freedom.
    const small = await run('ttest', '--control', '1,1,10', '--variant', '2,1,10');
    expect(json.t).toBeCloseTo(small.json.t, 10);
    expect(json.pValue).toBeCloseTo(small.json.pValue, 10);
    expect(json.df).toBeCloseTo(small.json.df, 10);
  });

  it('refuses means whose difference is beyond double precision, with the reason, never printing null', async () => {
    const { code, stdout, stderr } = await runCommand(statsCommand, ['ttest', '--control=1e308,1e308,10', '--variant=-1e308,1e308,10']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/beyond what can be computed in double precision \(diff/);
  });

  it('finds the sample size for a tiny alpha instead of printing null', async () => {
    const { code, json } = await run('sample-size', '--baseline', '0.1', '--mde', '0.1', '--alpha', '1e-300');
    expect(code).toBe(0);
    expect(Number.isSafeInteger(json.perVariant)).toBe(true);
    // z for α/2 = 5e-301 is about 37.1; n grows with z², far above the 14,749 of α = 0.05.
    expect(json.perVariant).toBeGreaterThan(1_000_000);
  });

  it('refuses visitor counts above 2^53, which would be silently rounded', async () => {
    const { code, stderr } = await runCommand(statsCommand, ['ab', '--control', '9007199254740993:10', '--variant', '100:5']);
    expect(code).toBe(2);
    expect(stderr).toContain('visitors must be at most 9007199254740991 to be counted exactly, got 9007199254740993');
  });
});

describe('onbrand stats for revenue, multi-arm plans and detectability', () => {
  it('sizes three arms for Holm and says what the third arm costs', async () => {
    for (const row of reference.multiArm) {
      const { code, json } = await run('sample-size', '--baseline', String(row.baseline), `--mde=${row.mde}`, '--arms', String(row.arms), '--alpha', String(row.alpha), '--power', String(row.power));
      expect(code).toBe(0);
      expect(json).toMatchObject({ perVariant: row.perArm, total: row.total, extraVisitors: row.extraVisitors, arms: row.arms });
    }
  });
  it('tests revenue per visitor and average order value from the sums', async () => {
    const [row] = reference.revenue;
    const arm = (a: { visitors: number; conversions: number; revenue: number; revenueSquares: number }) => `${a.visitors},${a.conversions},${a.revenue},${a.revenueSquares}`;
    const { code, json } = await run('revenue', '--control', arm(row.control), '--variant', arm(row.variant));
    expect(code).toBe(0);
    expectRelative(json.revenuePerVisitor[0].pValue, row.perVisitor.pValue);
    expectRelative(json.averageOrderValue[0].pValue, row.aov.pValue);
  });
  it('names a bad revenue arm', async () => {
    const { code, stderr } = await run('revenue', '--control', '100,5,20', '--variant', '100,5,20,80');
    expect(code).not.toBe(0);
    expect(stderr).toContain('--control: "100,5,20" is not VISITORS,CONVERSIONS,REVENUE,SQUARES');
  });
  it('prints the smallest detectable lifts and whether a quarter is enough', async () => {
    const { code, json } = await run('detect', '--baseline', '0.02', '--weekly-traffic', '3000');
    expect(code).toBe(0);
    expect(json.measurableInQuarter).toBe(false);
    expectRelative(json.lifts[0].lift, reference.detectability.find((r: { baseline: number; weeks: number }) => r.baseline === 0.02 && r.weeks === 2).lift);
  });
});
