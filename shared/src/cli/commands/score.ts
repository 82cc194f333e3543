import { parseArgs } from 'node:util';
import { describeIssues, type Issue } from '../../issues';
import { parseCsv, toRecords, writeCsv } from '../../csv';
import { defaultWeights, findUseCaseColumns, parseWeights, scoreUseCaseTable } from '../../experiments';
import { UsageError, type CliIo, type Command } from '../command';
import { readInput } from '../read-input';

// `onbrand score`: the qualification score and rank for a CSV of use cases. The columns name,
// impact, feasibility, risk and readiness are found case-insensitively; other columns pass through.
// Rows print best first with `score` (0–100) and `rank` (1 is best; ties keep file order). Those
// columns are added, never written over: a file that has its own `score` or `rank` keeps it, and
// the new columns take the first free name of onbrand_score, onbrand_score_2, … Cells beyond the
// header are kept too, under column names like column8.
// Row numbers in messages count the header as row 1, as a spreadsheet does.

const usage = 'onbrand score FILE.csv [--weights impact=0.4,feasibility=0.25,readiness=0.2,risk=0.15] [--format csv|json]';
const scoreColumns = ['impact', 'feasibility', 'risk', 'readiness'] as const;

/** `name`, or the first of onbrand_name, onbrand_name_2, … that no column uses (compared case-blind). */
function freeName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((key) => key.toLowerCase()));
  if (!used.has(name)) return name;
  let candidate = `onbrand_${name}`;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `onbrand_${name}_${n}`;
  return candidate;
}

async function readCsvFile(io: CliIo, path: string): Promise<string[][]> {
  const parsed = parseCsv(await readInput(io, path, 'CSV file'));
  if (!parsed.ok) throw new UsageError(describeIssues(parsed.issues.map((issue) => ({ ...issue, path: `${path} ${issue.path}` }))));
  if (parsed.value.length === 0) throw new UsageError(`${path} is empty: it needs a header row`);
  return parsed.value;
}

export const scoreCommand: Command = {
  name: 'score',
  summary: 'Score and rank AI use cases from a CSV (impact, feasibility, risk, readiness)',
  usage,
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { weights: { type: 'string' }, format: { type: 'string' } }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}\nUsage: ${usage}`);
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new UsageError(`give exactly one CSV file\nUsage: ${usage}`);
    const format = values.format ?? 'csv';
    if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, got "${format}"`);
    const weights = values.weights === undefined ? { ok: true as const, value: defaultWeights } : parseWeights(values.weights);
    if (!weights.ok) throw new UsageError(describeIssues(weights.issues.map((issue) => ({ ...issue, path: `--${issue.path}` }))));

    const [given, ...rows] = await readCsvFile(io, positionals[0]);
    // A row longer than the header keeps its extra cells: the header gains blank names for them.
    const width = Math.max(given.length, ...rows.map((row) => row.length));
    const header = [...given, ...Array<string>(width - given.length).fill('')];
    // Only the score columns are read: stage and RICE columns pass through untouched, as any other.
    const columns = findUseCaseColumns(header, false);
    if (!columns.ok) throw new UsageError(describeIssues(columns.issues));
    const result = scoreUseCaseTable(header, rows, { weights: weights.value, extras: false });
    if (!result.ok) throw new UsageError(describeIssues(result.issues));
    const bad: Issue[] = result.value.statuses.filter((s) => s.status !== 'OK' && s.status !== '').map((s) => ({ path: `row ${s.rowNumber}`, message: s.status }));
    if (bad.length > 0) throw new UsageError(describeIssues(bad));

    const { keys, records } = toRecords([header, ...rows]);
    const scoreKey = freeName('score', keys);
    const rankKey = freeName('rank', [...keys, scoreKey]);
    const ranked = result.value.ranked.map((useCase): Record<string, string | number> => {
      const record: Record<string, string | number> = { ...records[useCase.rowNumber - 2] };
      for (const name of scoreColumns) record[keys[columns.value[name]]] = useCase.inputs[name];
      // Rounding to 10 places drops floating-point noise (67.49999999999999) and nothing else.
      return { ...record, [scoreKey]: Number(useCase.score.toFixed(10)), [rankKey]: useCase.rank };
    });
    if (format === 'json') {
      io.stdout(JSON.stringify(ranked, null, 2) + '\n');
      return 0;
    }
    const outKeys = [...keys, scoreKey, rankKey];
    io.stdout(writeCsv([outKeys, ...ranked.map((row) => outKeys.map((key) => row[key]))]));
    return 0;
  },
};
