import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../shared/src/cli/commands';
import { parseKitJson } from '../../shared/src/kit';
import { fixAll, lintText } from '../../shared/src/lint';
import { runCli } from '../fixtures/stats/run-cli';

// Every fault the CLI meets must end in a clear message: exit 0, 1 or 2, no stack trace on either
// stream, and each run done within `bound` ms, far above what any input here needs, so only a hang
// (a backtracking pattern, a loop that never settles) can cross it. The suite takes seconds. The CLI runs in-process through
// `main`, with files in memory and output captured, as the real binary runs it.
const bound = 5_000;
const runs = 500;

const exampleKit = readFileSync(new URL('../../examples/kits/ledgerline.json', import.meta.url), 'utf8');
const snapshot = readFileSync(new URL('../../examples/snapshots/ledgerline-master.json', import.meta.url), 'utf8');

async function cli(argv: string[], files: Record<string, string>, stdin = '') {
  const started = performance.now();
  const result = await runCli(argv, commands, files, stdin);
  return { ...result, ms: performance.now() - started };
}

function expectClean(result: { code: number; stdout: string; stderr: string; ms: number }) {
  expect([0, 1, 2]).toContain(result.code);
  expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(result.stdout + result.stderr).not.toMatch(/\bnull\b.*\n?.*(pValue|perVariant)|"(pValue|perVariant|score)": null/);
  expect(result.ms).toBeLessThan(bound);
}

// Regex-ish fragments, hostile and plain, for kit patterns.
const patternPiece = fc.constantFrom('a', 'a*', '(a+)+', '.*', '\\s*', '(?=x)', '\\1', '[a-', '(', ')', '{2,}', 'b', '\\b', '$', '^', '|', '(?<n>a)', '\\p{L}+', 'é', '😀', '{1,1000}');
const pattern = fc.array(patternPiece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
const textPiece = fc.constantFrom('a', 'aaaa', ' ', '  ', 'b', 'Ledgerline', 'utilize', 'A/P', '!', '\n', '😀', 'é', '# ', 'Here', 'here', '\uFEFF', '=SUM(1)', '-', '"');
const text = fc.array(textPiece, { maxLength: 60 }).map((parts) => parts.join(''));

const rule = fc.oneof(
  fc.record({ type: fc.constant('existence'), id: fc.constant('e'), message: fc.constant('%s'), pattern }),
  fc.record({ type: fc.constant('occurrence'), id: fc.constant('o'), message: fc.constant('m'), token: pattern, max: fc.integer({ min: -1, max: 3 }) }),
  fc.record({ type: fc.constant('substitution'), id: fc.constant('s'), message: fc.constant('%s'), regex: fc.boolean(), swap: fc.dictionary(pattern, fc.constantFrom('x', 'Y', ''), { maxKeys: 3 }) }),
  fc.record({ type: fc.constant('capitalization'), id: fc.constantFrom('c1', 'c2'), message: fc.constant('m'), style: fc.constantFrom('title', 'sentence', 'upper', 'lower'), scope: fc.constantFrom('text', 'headings', 'lines') }),
  fc.record({ type: fc.constantFrom('repetition', 'length', 'nonsense'), id: fc.constant('r'), message: fc.constant('m') }),
);
// Any of them may start with a byte-order mark, as Windows editors save files.
const kitText = fc.tuple(
  fc.boolean(),
  fc.oneof(
    fc.array(rule, { maxLength: 4 }).map((rules) => JSON.stringify({ schemaVersion: 1, name: 'Fuzz', version: '1.0.0', rules })),
    fc.constantFrom(exampleKit, exampleKit.slice(0, 200), '', '{}', 'null', '[]', '{"schemaVersion": 2}'),
  ),
).map(([bom, kit]) => (bom ? `\uFEFF${kit}` : kit));

describe('the CLI under generated input', { timeout: 30_000 }, () => {
  it('lints any kit and text with a clear outcome', async () => {
    await fc.assert(
      fc.asyncProperty(kitText, text, fc.constantFrom('text', 'json'), async (kit, copy, format) => {
        expectClean(await cli(['lint', 'copy.txt', '--kit', 'kit.json', '--format', format], { 'kit.json': kit, 'copy.txt': copy }));
      }),
      { numRuns: runs },
    );
  });

  it('checks and resizes with any kit', async () => {
    await fc.assert(
      fc.asyncProperty(kitText, fc.constantFrom('300x250', '0x0', '99999x1', 'abc', '728x90,300x250'), async (kit, sizes) => {
        const files = { 'kit.json': kit, 'master.json': snapshot };
        expectClean(await cli(['check', 'master.json', '--kit', 'kit.json'], files));
        expectClean(await cli(['resize', 'master.json', '--to', sizes, '--kit', 'kit.json'], files));
      }),
      { numRuns: runs / 2 },
    );
  });

  it('scores any CSV', async () => {
    const cell = fc.constantFrom('1', '5', '3', '0', '-1', '1e308', 'x', '', '=cmd', '"q"', 'a,b', '\uFEFF', 'score', 'rank');
    const csv = fc.array(fc.array(cell, { maxLength: 8 }).map((cells) => cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')), { maxLength: 6 });
    const header = fc.constantFrom('name,impact,feasibility,risk,readiness', 'name,impact,feasibility,risk,readiness,score,rank', '\uFEFFname,impact,feasibility,risk,readiness', 'a,b', '');
    await fc.assert(
      fc.asyncProperty(header, csv, fc.constantFrom('csv', 'json'), fc.option(fc.constantFrom('impact=1e308', 'impact=-1', 'risk=0,impact=0,feasibility=0,readiness=0', 'x=1', 'impact=abc')), async (head, rows, format, weights) => {
        const argv = ['score', 'cases.csv', '--format', format, ...(weights ? ['--weights', weights] : [])];
        expectClean(await cli(argv, { 'cases.csv': [head, ...rows].join('\n') }));
      }),
      { numRuns: runs },
    );
  });

  it('computes or refuses any statistics', async () => {
    const num = fc.oneof(fc.constantFrom('0', '1', '-1', '1e308', '-1e308', '1e-300', '5%', '9007199254740993', 'NaN', 'x', '0.5', '2'), fc.double().map(String));
    const statsArgs = fc.oneof(
      fc.tuple(num, num, num, num).map(([b, m, a, p]) => ['sample-size', `--baseline=${b}`, `--mde=${m}`, `--alpha=${a}`, `--power=${p}`]),
      fc.tuple(num, num, num, num).map(([v1, c1, v2, c2]) => ['ab', `--control=${v1}:${c1}`, `--variant=${v2}:${c2}`]),
      fc.tuple(num, num, num, num, num, num).map(([m1, s1, n1, m2, s2, n2]) => ['ttest', `--control=${m1},${s1},${n1}`, `--variant=${m2},${s2},${n2}`]),
    );
    await fc.assert(
      fc.asyncProperty(statsArgs, async (argv) => {
        expectClean(await cli(['stats', ...argv], {}));
      }),
      { numRuns: runs * 3 },
    );
  });
});

describe('fixes under generated kits and texts', { timeout: 30_000 }, () => {
  it('settle in one fix-all, whatever rules the kit holds', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 4 }), text, (rules, copy) => {
        const parsed = parseKitJson(JSON.stringify({ schemaVersion: 1, name: 'Fuzz', version: '1.0.0', rules }));
        if (!parsed.ok) return;
        const lint = (t: string) => lintText(t, parsed.value).findings;
        const once = fixAll(copy, lint).text;
        expect(fixAll(once, lint).text).toBe(once);
      }),
      { numRuns: runs * 2 },
    );
  });
});
