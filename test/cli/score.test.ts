import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { scoreCommand } from '../../shared/src/cli/commands/score';
import { parseCsv } from '../../shared/src/csv';
import { runCommand } from '../fixtures/stats/run-cli';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/stats/${name}`, import.meta.url), 'utf8');

const run = (files: Record<string, string>, ...argv: string[]) => runCommand(scoreCommand, argv, files);

describe('onbrand score', () => {
  const files = { 'cases.csv': fixture('use-cases.csv') };

  it('prints the rows ranked as CSV with score and rank, other columns passing through', async () => {
    const { code, stdout } = await run(files, 'cases.csv');
    expect(code).toBe(0);
    const parsed = parseCsv(stdout);
    if (!parsed.ok) throw new Error('output is not CSV');
    const [header, ...rows] = parsed.value;
    expect(header).toEqual(['Name', 'Owner', 'IMPACT', 'Feasibility', 'Risk', 'Readiness', 'Notes', 'score', 'rank']);
    expect(rows.map((row) => row[0])).toEqual(['Personalized subject lines', 'Creative variants', 'Send-time model', 'Churn forecasting']);
    expect(rows.map((row) => row[8])).toEqual(['1', '2', '3', '4']);
    // 100 × (0.4·(5−1) + 0.25·(4−1) + 0.2·(3−1) + 0.15·(5−3)) / 4 = 76.25
    expect(rows[0][7]).toBe('76.25');
    expect(rows[0][6]).toBe('needs "brand" review, soon');
  });

  it('prints a JSON array of row objects with --format json, keeping file order among ties', async () => {
    const { stdout } = await run(files, 'cases.csv', '--format', 'json');
    const rows = JSON.parse(stdout);
    expect(rows[0]).toMatchObject({ Name: 'Personalized subject lines', Owner: 'Ana', IMPACT: 5, score: 76.25, rank: 1 });
    expect(rows[1].Name).toBe('Creative variants');
    expect(rows[2].score).toBe(rows[1].score);
  });

  it('applies the weights given, rescaled to sum to 1', async () => {
    const { stdout } = await run(files, 'cases.csv', '--format', 'json', '--weights', 'impact=1,feasibility=0,readiness=0,risk=0');
    const rows = JSON.parse(stdout);
    // Both impact-5 rows score 100; the one earlier in the file ranks first.
    expect(rows.slice(0, 2).map((row: { Name: string; score: number; rank: number }) => [row.Name, row.score, row.rank])).toEqual([
      ['Churn forecasting', 100, 1],
      ['Personalized subject lines', 100, 2],
    ]);
  });

  it.each([
    [['--weights', 'speed=1'], 'unknown weight "speed"'],
    [['--weights', 'impact=-1'], '--weights.impact'],
    [['--format', 'xml'], '--format must be csv or json'],
  ])('exits 2 on bad options: %j', async (flags, message) => {
    const { code, stderr } = await run(files, 'cases.csv', ...flags);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('exits 2 naming the missing column', async () => {
    const { code, stderr } = await run({ 'x.csv': 'name,impact,feasibility,readiness\nA,1,2,3\n' }, 'x.csv');
    expect(code).toBe(2);
    expect(stderr).toContain('column risk: the header has no "risk" column');
  });

  it('exits 2 naming the row and column of every bad cell', async () => {
    const { code, stderr } = await run({ 'x.csv': 'name,impact,feasibility,risk,readiness\nA,5,4,2,3\nB,high,4,2,3\nC,5,4,-2,3\n' }, 'x.csv');
    expect(code).toBe(2);
    expect(stderr).toContain('row 3: impact is text ("high"), not a number');
    expect(stderr).toContain('row 4: risk must be from 1 to 5, got -2');
  });

  it('reads the CSV from standard input when the file is -', async () => {
    const { code, stdout } = await runCommand(scoreCommand, ['-', '--format', 'json'], {}, 'name,impact,feasibility,risk,readiness\r\nOnly,5,5,1,5\r\n');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([{ name: 'Only', impact: 5, feasibility: 5, risk: 1, readiness: 5, score: 100, rank: 1 }]);
  });

  it('scores with weights near the largest double as with the same weights scaled down', async () => {
    const huge = await run(files, 'cases.csv', '--weights', 'impact=1e308,feasibility=1e308,readiness=5e307,risk=5e307', '--format', 'json');
    const small = await run(files, 'cases.csv', '--weights', 'impact=2,feasibility=2,readiness=1,risk=1', '--format', 'json');
    expect(huge.code).toBe(0);
    expect(JSON.parse(huge.stdout)).toEqual(JSON.parse(small.stdout));
    expect(JSON.parse(huge.stdout)[0].score).toBeGreaterThan(0);
  });

  it('keeps cells beyond the header, under new column names', async () => {
    const { code, stdout } = await run({ 'x.csv': 'name,impact,feasibility,risk,readiness\nA,5,4,2,3,extra note,more\nB,4,4,2,3\n' }, 'x.csv', '--format', 'json');
    expect(code).toBe(0);
    const [first, second] = JSON.parse(stdout);
    expect(first).toMatchObject({ name: 'A', column6: 'extra note', column7: 'more' });
    expect(second).toMatchObject({ name: 'B', column6: '', column7: '' });
  });

  it('never writes over the file\'s own score and rank columns', async () => {
    const { code, stdout } = await run({ 'x.csv': 'name,impact,feasibility,risk,readiness,Score,rank,onbrand_rank\nA,5,4,2,3,mine,7,x\n' }, 'x.csv');
    expect(code).toBe(0);
    const parsed = parseCsv(stdout);
    if (!parsed.ok) throw new Error('output is not CSV');
    expect(parsed.value[0]).toEqual(['name', 'impact', 'feasibility', 'risk', 'readiness', 'Score', 'rank', 'onbrand_rank', 'onbrand_score', 'onbrand_rank_2']);
    expect(parsed.value[1]!.slice(5)).toEqual(['mine', '7', 'x', '80', '1']);
  });

  it('writes cells that look like formulas as text', async () => {
    const { stdout } = await run({ 'x.csv': 'name,impact,feasibility,risk,readiness,notes\n"=HYPERLINK(""http://evil.example"")",5,4,2,3,@SUM(A1)\n' }, 'x.csv');
    const parsed = parseCsv(stdout);
    if (!parsed.ok) throw new Error('output is not CSV');
    expect(parsed.value[1]![0]).toBe('\'=HYPERLINK("http://evil.example")');
    expect(parsed.value[1]![5]).toBe("'@SUM(A1)");
  });

  it('exits 2 on a file it cannot read or parse', async () => {
    expect((await run({}, 'missing.csv')).stderr).toContain('cannot read the CSV file "missing.csv"');
    expect((await run({ 'x.csv': 'name,impact\n"open' }, 'x.csv')).stderr).toContain('x.csv line 2: a quoted field is never closed');
  });
});
