// The text engine on a large workload: about 100,000 words (about 700 KB) of generated English
// prose and a kit of 1,000 substitution terms, one in a hundred words being a term. Reports:
//  - lintMBps: the engine's throughput (warm: the kit is compiled once and cached, as on every surface);
//  - lintVsCombinedRegex: engine time ÷ one combined regular expression of the same terms (budget ≤ 2);
//  - lintSpeedupVsTextlintPrh: textlint + textlint-rule-prh time ÷ engine time, both warm (budget ≥ 100);
//  - lintDoubleTextRatio: time on twice the text ÷ time on the text (budget ≤ 2, ±20%);
//  - lintTenfoldKitRatio: time with 10,000 terms ÷ time with 1,000 (budget ≤ 1.5).
// Times are the fastest of 21 alternating runs after 5 warm-up runs. The kit turns claims review off so only the terms are measured.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextlintKernel, type TextlintKernelRule } from '@textlint/kernel';
import textPlugin from '@textlint/textlint-plugin-text';
import { parseKit, type BrandKit } from '../../shared/src/kit';
import { compileKit, lintText } from '../../shared/src/lint';
import { seededNumbers } from './measure';

// Prose from common English words and coined ones, seeded so every run lints the same text.
const common = 'the of and to a in is it you that he was for on are with as his they be at one have this from or had by not word but what some we can out other were all there when up use your how said an each she which do their time if will way about many then them write would like so these her long make thing see him two has look more day could go come did number sound no most people my over know water than call first who may down side been now find'.split(' ');
const onsets = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'st', 'tr', 'pl', 'gr', 'sh', 'ch', 'br'];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
const codas = ['', 'n', 'r', 's', 't', 'l', 'nd', 'st', 'ck', 'm'];

function coined(next: () => number, syllables: number, marker: string): string {
  let word = '';
  for (let i = 0; i < syllables; i++) {
    word += onsets[Math.floor(next() * onsets.length)]! + vowels[Math.floor(next() * vowels.length)]! + codas[Math.floor(next() * codas.length)]!;
  }
  return word + marker;
}

/** `count` distinct terms; every key ends in "x", which no prose word does, so terms appear only where placed. */
function terms(count: number, seed: number): [string, string][] {
  const next = seededNumbers(seed);
  const out = new Map<string, string>();
  while (out.size < count) {
    const key = next() < 0.2 ? `${coined(next, 2, 'x')} ${coined(next, 1, 'x')}` : coined(next, 2 + Math.floor(next() * 2), 'x');
    if (!out.has(key)) out.set(key, coined(next, 2, ''));
  }
  return [...out];
}

function prose(words: number, keys: readonly string[], seed: number): string {
  const next = seededNumbers(seed);
  const vocabulary = [...common, ...Array.from({ length: 3000 }, () => coined(next, 1 + Math.floor(next() * 3), ''))];
  const paragraphs: string[] = [];
  let written = 0;
  while (written < words) {
    const sentences: string[] = [];
    const length = 4 + Math.floor(next() * 4);
    for (let s = 0; s < length; s++) {
      const parts: string[] = [];
      const n = 8 + Math.floor(next() * 13);
      for (let w = 0; w < n; w++) {
        parts.push(next() < 0.01 ? keys[Math.floor(next() * keys.length)]! : vocabulary[Math.floor(Math.pow(next(), 2) * vocabulary.length)]!);
      }
      written += n;
      const sentence = parts.join(' ');
      sentences.push(sentence.charAt(0).toUpperCase() + sentence.slice(1) + (next() < 0.1 ? ', then more.' : '.'));
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

function kitOf(swaps: readonly [string, string][]): BrandKit {
  const parsed = parseKit({
    schemaVersion: 1,
    name: 'Bench',
    version: '1.0.0',
    claims: { review: [] },
    rules: [{ type: 'substitution', id: 'terms', severity: 'warning', message: 'Use “%s” instead of “%s”.', swap: Object.fromEntries(swaps) }],
  });
  if (!parsed.ok) throw new Error('the bench kit does not parse');
  return parsed.value;
}

// Warm runs first: every surface lints many times with one compiled kit, so the steady state is
// what users feel. Workloads that are compared run alternately, and each figure is the fastest
// run: on a shared machine other processes only ever add time, so the minimum is the stable figure.
function timeTogether(runs: number, ...work: (() => unknown)[]): number[] {
  for (let i = 0; i < 5; i++) for (const run of work) run();
  const samples = work.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    work.forEach((run, w) => {
      const started = performance.now();
      run();
      samples[w]!.push(performance.now() - started);
    });
  }
  return samples.map((runs) => Math.min(...runs));
}

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// textlint-rule-prh ships no type declarations; loading it through require keeps the bench type-safe elsewhere.
const prhRule: unknown = createRequire(import.meta.url)('textlint-rule-prh');

// CommonJS modules arrive wrapped in `{ default }` or not, depending on how they are loaded.
const interop = <T>(module: T): T => ((module as { default?: T }).default ?? module);

/**
 * textlint + textlint-rule-prh with the same substitutions, in-process, warm (one run first: prh reads
 * and compiles its rules). Each of three runs is followed by engine runs, so both see the same machine
 * load; the figure compares the fastest run of each (the engine's from these and the main timing).
 */
async function textlintPrhSpeedup(text: string, swaps: readonly [string, string][], engine: () => unknown, engineFastest: number): Promise<{ ms: number; speedup: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'onbrand-prh-'));
  const rulesPath = join(dir, 'prh.yml');
  const yaml = ['version: 1', 'rules:', ...swaps.flatMap(([key, value]) => [`  - expected: ${value}`, `    pattern: ${key}`])].join('\n');
  await writeFile(rulesPath, yaml + '\n');
  const kernel = new TextlintKernel();
  const options = {
    ext: '.txt',
    filePath: join(dir, 'bench.txt'),
    plugins: [{ pluginId: 'text', plugin: interop(textPlugin) }],
    rules: [{ ruleId: 'prh', rule: interop(prhRule) as TextlintKernelRule['rule'], options: { rulePaths: [rulesPath] } }],
  };
  const first = await kernel.lintText(text, options);
  if (first.messages.length === 0) throw new Error('textlint + prh found nothing; the comparison would be meaningless');
  const textlintRuns: number[] = [];
  const engineRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await kernel.lintText(text, options);
    textlintRuns.push(performance.now() - started);
    engineRuns.push(...timeTogether(5, engine));
  }
  const ms = Math.min(...textlintRuns);
  return { ms, speedup: ms / Math.min(engineFastest, ...engineRuns) };
}

export async function benchLint(): Promise<Record<string, number>> {
  const swaps = terms(10_000, 7);
  const small = swaps.slice(0, 1_000);
  const text = prose(100_000, small.map(([key]) => key), 11);
  const kit = kitOf(small);
  const bigKit = kitOf(swaps);

  let started = performance.now();
  compileKit(kit);
  const compileMs = performance.now() - started;
  started = performance.now();
  compileKit(bigKit);
  const compileBigMs = performance.now() - started;

  const findings = lintText(text, kit).findings.length;
  const combined = new RegExp(`\\b(?:${small.map(([key]) => key).sort((a, b) => b.length - a.length).map(escape).join('|')})\\b`, 'gi');
  let regexMatches = 0;
  const doubled = `${text}\n\n${text}`;
  const [engineMs, regexMs, doubleMs, bigKitMs] = timeTogether(
    21,
    () => lintText(text, kit),
    () => {
      regexMatches = 0;
      combined.lastIndex = 0;
      while (combined.test(text)) regexMatches++;
    },
    () => lintText(doubled, kit),
    () => lintText(text, bigKit),
  ) as [number, number, number, number];
  const textlint = await textlintPrhSpeedup(text, small, () => lintText(text, kit), engineMs);

  return {
    lintCorpusKB: round(text.length / 1024, 1),
    lintCorpusWords: text.split(/\s+/).length,
    lintFindings: findings,
    lintCombinedRegexMatches: regexMatches,
    lintCompileMs: round(compileMs),
    lintCompile10kMs: round(compileBigMs),
    lintMs: round(engineMs),
    lintMBps: round(text.length / 1e6 / (engineMs / 1000), 1),
    lintCombinedRegexMs: round(regexMs),
    lintVsCombinedRegex: round(engineMs / regexMs),
    lintTextlintPrhMs: round(textlint.ms),
    lintSpeedupVsTextlintPrh: round(textlint.speedup, 0),
    lintDoubleTextRatio: round(doubleMs / engineMs),
    lintTenfoldKitRatio: round(bigKitMs / engineMs),
  };
}
