import { parseArgs } from 'node:util';
import type { Finding } from '../../findings';
import { describeIssues } from '../../issues';
import { listChannels, parseKitJson, resolveChannel, type BrandKit } from '../../kit';
import { lintText } from '../../lint';
import { UsageError, type CliIo, type Command } from '../command';
import { readInput } from '../read-input';

const usage = 'onbrand lint [FILE ...|-] --kit KIT [--channel ID] [--format text|json]';

/** Reads and validates a kit file; every problem is printed with the kit's path, then the command exits 2. */
export async function loadKit(io: CliIo, path: string): Promise<BrandKit> {
  const parsed = parseKitJson(await readInput(io, path, 'kit'));
  if (!parsed.ok) {
    const lines = describeIssues(parsed.issues).split('\n').map((line) => `  ${line}`).join('\n');
    throw new UsageError(`the kit ${path} is not valid:\n${lines}`);
  }
  return parsed.value;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: { kit: { type: 'string' }, channel: { type: 'string' }, format: { type: 'string', default: 'text' } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: ${usage}`);
  }
}

interface FileResult {
  path: string;
  score: number;
  findings: Finding[];
}

// The JSON contract other tools read: these fields, in this order.
const findingJson = (f: Finding) => ({
  rule: f.rule,
  severity: f.severity,
  message: f.message,
  start: f.start,
  end: f.end,
  line: f.line,
  column: f.column,
  match: f.match,
  suggestions: f.suggestions,
});

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Check copy against a brand kit',
  usage,
  async run(argv, io) {
    const { values, positionals } = parse(argv);
    if (!values.kit) throw new UsageError(`--kit KIT is required.\nUsage: ${usage}`);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be "text" or "json", not "${format}".`);
    const kit = await loadKit(io, values.kit);
    if (values.channel !== undefined && !resolveChannel(kit, values.channel)) {
      const known = listChannels(kit).map((channel) => channel.id).join(', ');
      throw new UsageError(`unknown channel "${values.channel}"; the kit knows: ${known}`);
    }
    const paths = positionals.length > 0 ? positionals : ['-'];
    const texts: string[] = [];
    const unreadable: string[] = [];
    for (const path of paths) {
      try {
        texts.push(await readInput(io, path, 'file'));
      } catch (error) {
        unreadable.push((error as Error).message);
      }
    }
    if (unreadable.length > 0) throw new UsageError(unreadable.join('\n'));
    const results: FileResult[] = paths.map((path, i) => ({ path, ...lintText(texts[i]!, kit, { channel: values.channel }) }));
    if (format === 'json') {
      const files = results.map((r) => ({ path: r.path, score: r.score, findings: r.findings.map(findingJson) }));
      io.stdout(JSON.stringify({ files }, null, 2) + '\n');
    } else {
      const lines = results.flatMap((r) => r.findings.map((f) => `${r.path}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}\n`));
      io.stdout(lines.join(''));
    }
    return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  },
};
