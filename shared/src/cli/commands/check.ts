import { parseArgs } from 'node:util';
import { describeIssues, type Issue } from '../../issues';
import { parseKitJson } from '../../kit';
import {
  brandFitScore,
  checkCreative,
  parseSnapshotJson,
  parseVisualKit,
  placeNodes,
  type CreativeSnapshot,
  type VisualKit,
} from '../../visual';
import { UsageError, type CliIo, type Command } from '../command';
import { readInput } from '../read-input';

// `onbrand check`: the visual rules over a creative snapshot file, in the lint JSON shape with the
// layer (`node`) in place of text offsets. Exit 0 clean, 1 with any error-level finding, 2 for bad usage,
// a bad kit or a bad snapshot (every bad path named on stderr).

const usage = 'onbrand check SNAPSHOT.json --kit KIT [--format text|json]';

/** Loads a kit and its visual rules, or the issues that make it unusable, each prefixed with the file. */
export async function loadVisualKit(io: CliIo, path: string): Promise<{ visual?: VisualKit; issues: Issue[] }> {
  const text = await readInput(io, path, 'kit');
  const kit = parseKitJson(text);
  const prefix = (issues: Issue[]) => issues.map((issue) => ({ path: `${path}: ${issue.path}`, message: issue.message }));
  if (!kit.ok) return { issues: prefix(kit.issues) };
  // A kit schema that validates `visual` hands it over parsed; otherwise it is validated here.
  const parsed = (kit.value as { visual?: VisualKit }).visual;
  if (parsed) return { visual: parsed, issues: [] };
  const raw = (JSON.parse(text) as { visual?: unknown }).visual;
  if (raw === undefined) return { issues: [] };
  const visual = parseVisualKit(raw);
  return visual.ok ? { visual: visual.value, issues: [] } : { issues: prefix(visual.issues) };
}

/** Loads a snapshot file, or the issues that make it unusable, each prefixed with the file. */
export async function loadSnapshot(io: CliIo, path: string): Promise<{ snapshot?: CreativeSnapshot; issues: Issue[] }> {
  const parsed = parseSnapshotJson(await readInput(io, path, 'snapshot'));
  return parsed.ok
    ? { snapshot: parsed.value, issues: [] }
    : { issues: parsed.issues.map((issue) => ({ path: `${path}: ${issue.path}`, message: issue.message })) };
}

/** Parses flags strictly, turning node's errors into usage errors. */
export function parseFlags<T extends Record<string, { type: 'string' }>>(argv: string[], options: T, usageLine: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: ${usageLine}`);
  }
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check a creative snapshot against the kit\'s visual rules (palette, fonts, sizes, contrast, logo, safe zones)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { kit: { type: 'string' }, format: { type: 'string' } }, usage);
    if (positionals.length !== 1) throw new UsageError(`give exactly one snapshot file\nUsage: ${usage}`);
    if (!values.kit) throw new UsageError(`--kit KIT is required\nUsage: ${usage}`);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got "${format}"`);
    const path = positionals[0]!;

    const kit = await loadVisualKit(io, values.kit);
    const input = await loadSnapshot(io, path);
    const issues = [...kit.issues, ...input.issues];
    if (issues.length || !input.snapshot) throw new UsageError(describeIssues(issues));

    const findings = checkCreative(input.snapshot, { visual: kit.visual });
    const score = brandFitScore(findings, placeNodes(input.snapshot).length);
    if (format === 'json') {
      const listed = findings.map(({ rule, severity, message, node, match, suggestions }) => ({
        rule,
        severity,
        message,
        node: { id: node.id, name: node.name },
        match,
        suggestions,
      }));
      io.stdout(JSON.stringify({ files: [{ path, score, findings: listed }] }, null, 2) + '\n');
    } else {
      for (const finding of findings)
        io.stdout(`${path}:${finding.node.name || finding.node.id} ${finding.severity} ${finding.rule} ${finding.message}\n`);
    }
    return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
  },
};
