// The Docs add-on on the fake host: checking a 15,000-word document (600 paragraphs and 10 tables)
// through the built Code.js, as Apps Script runs it, with the Ledgerline kit. Reports the reads of
// document content it takes to gather the text (budget: 5), every DocumentApp call of the check,
// the compute time, and the DocumentApp calls and time of "fix all" on 200 safe findings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDocsEnvironment, loadAppsScript, type DocsEnvironment } from '../../preview/src/apps-script';
import type { CheckResult } from '../../docs-addon/src/contract';
import { medianMs } from './measure';

const dist = process.env.ONBRAND_DIST ?? 'dist';
const documentFamilies = ['DocumentApp.', 'Document.', 'Body.', 'HeaderSection.', 'FooterSection.', 'FootnoteSection.', 'Footnote.', 'Paragraph.', 'ListItem.', 'Table', 'Text.', 'Range', 'Position.', 'NamedRange.'];
const contentReads = ['Body.getText', 'Body.getParagraphs', 'HeaderSection.getText', 'FooterSection.getText', 'FootnoteSection.getText', 'Document.getFootnotes'];

function documentCalls(env: DocsEnvironment): number {
  return Object.entries(env.calls.byName())
    .filter(([name]) => documentFamilies.some((family) => name.startsWith(family)))
    .reduce((sum, [, n]) => sum + n, 0);
}

// A fixed linear congruential sequence (Numerical Recipes constants): the same document every run.
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
}

const vocabulary = 'finance teams close books faster with cards receipts matched spend limits approvals policy month end reconciliation ledger vendors budget controller report export sync accounting period team card'.split(' ');

/** 600 paragraphs of 24 words and 10 tables of 4×3 cells of 5 words: 15,000 words; 200 banned terms to fix. */
function workload(): string[] {
  const random = seeded(3);
  const words = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
  const blocks: string[] = [];
  let banned = 0;
  for (let i = 0; i < 600; i++) {
    // Every third paragraph holds a banned term with one safe replacement.
    const text = i % 3 === 0 && banned < 200 ? `${words(11)} whitelist ${words(12)}.` : `${words(24)}.`;
    if (i % 3 === 0 && banned < 200) banned++;
    blocks.push(i % 40 === 0 ? `## ${text}` : text);
    if (i % 60 === 59) for (let r = 0; r < 4; r++) blocks.push(`| ${[0, 1, 2].map(() => words(5)).join(' | ')} |`);
  }
  return blocks;
}

export async function benchDocs(): Promise<Record<string, unknown>> {
  const code = readFileSync(join(dist, 'docs-addon/Code.js'), 'utf8');
  const kit = readFileSync('examples/kits/ledgerline.json', 'utf8');
  const blocks = workload();
  const open = () => {
    const env = createDocsEnvironment({ name: 'Bench', paragraphs: blocks, files: {} });
    const script = loadAppsScript(code, env.services);
    const run = <T>(name: string, input: unknown = {}) => (script.run(name, [input]) as { value: T }).value;
    run('importKit', { json: kit });
    return { env, run };
  };

  const { env, run } = open();
  const words = env.document.body.snapshotText().split(/\s+/).filter(Boolean).length;
  env.calls.reset();
  const result = run<CheckResult>('checkDocument');
  const reads = contentReads.reduce((sum, name) => sum + env.calls.count(name), 0);
  const checkCalls = documentCalls(env);
  const checkMs = medianMs(() => run('checkDocument'));

  const fixes = result.findings.filter((f) => f.safe).slice(0, 200).map((f) => ({ location: f.location, expected: f.match, replacement: f.suggestions[0] }));
  let fixCalls = 0;
  let applied = 0;
  const fixMs = medianMs(() => {
    const fresh = open();
    fresh.env.calls.reset();
    applied = (fresh.run<{ applied: number }>('applyFixes', { fixes })).applied;
    fixCalls = documentCalls(fresh.env);
  }, 3);

  return {
    docsBenchWords: words,
    docsBenchParagraphs: env.document.body.snapshotParagraphs().length,
    docsCheckFindings: result.findings.length,
    docsCheckReads: reads,
    docsCheckDocumentCalls: checkCalls,
    docsCheckMs: checkMs,
    docsFixAllFixes: applied,
    docsFixAllDocumentCalls: fixCalls,
    docsFixAllMs: fixMs,
    budgets: [
      ['docsCheckReads', '≤', 5],
      ['docsFixAllFixes', '≥', 200],
    ],
  };
}
