import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { kitSchemaVersion, parseKit } from '../../kit';
import { UsageError, type CliIo, type Command } from '../command';
import { readInput } from '../read-input';

// Maps a Vale style (a folder of YAML rules, https://vale.sh/docs/topics/styles/) onto brand-kit
// rules. Vale's types map one to one where the meaning survives: existence, substitution,
// occurrence (a word count per scope becomes a length rule), repetition, consistency, conditional,
// capitalization and metric (the Flesch–Kincaid grade). Spelling, sequence and script rules need a
// dictionary, a part-of-speech tagger or a scripting engine, so they are listed, not mapped.

const usage = 'onbrand import-vale STYLES_DIR [--style NAME]';

type Json = Record<string, unknown>;
type Mapped = { rule: Json } | { skip: string };

const levels: Record<string, string> = { suggestion: 'suggestion', warning: 'warning', error: 'error' };

// Text with no regular-expression syntax can go to the kit's literal matcher.
const isLiteral = (token: string) => /^[\p{L}\p{N} '’&,-]+$/u.test(token);

/** Go's inline `(?i)` becomes the kit's ignoreCase flag; JavaScript has no inline flags. */
function stripInlineFlags(pattern: string): { pattern: string; ignoreCase: boolean } {
  const m = /^\(\?i\)/.exec(pattern);
  return m ? { pattern: pattern.slice(m[0].length), ignoreCase: true } : { pattern, ignoreCase: false };
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const bounded = (body: string, nonword: boolean) => (nonword ? `(?:${body})` : `\\b(?:${body})\\b`);

// Vale's exceptions (and, with `vocab` left on, the accepted vocabulary) are patterns; the kit's are
// literal words, so a pattern exception is named in the report and left out.
function exceptionsOf(vale: Json, accepted: readonly string[], notes: string[]): string[] {
  const listed = strings(vale.exceptions);
  for (const e of listed.filter((e) => !isLiteral(e))) notes.push(`the exception "${e}" is a regular expression; the kit's exceptions are literal, so it was left out`);
  const vocab = vale.vocab === false ? [] : accepted;
  return [...new Set([...listed.filter(isLiteral), ...vocab])];
}

// Vale's actions other than the ones the kit can apply give a finding without that fix.
function noteAction(vale: Json, kept: readonly string[], notes: string[]): void {
  const name = (vale.action as Json | undefined)?.name;
  if (typeof name === 'string' && !kept.includes(name)) notes.push(`the action "${name}" is not kept; findings carry the kit's own fix, if any`);
}

// Vale's `scope` picks the part of a document a rule reads; the kit's word rules read all the text.
function noteScope(vale: Json, notes: string[]): void {
  const scope = vale.scope;
  const scopes = Array.isArray(scope) ? scope.map(String) : scope === undefined ? [] : [String(scope)];
  const wide = scopes.filter((s) => s !== 'text' && s !== 'sentence' && s !== 'paragraph');
  if (wide.length > 0) notes.push(`scope ${wide.join(', ')} is not kept; the kit checks the rule on all the text`);
}

function existence(vale: Json, head: Json, ignoreCase: boolean, accepted: readonly string[], notes: string[]): Mapped {
  // Vale drops blank tokens before joining them.
  const tokens = strings(vale.tokens).filter((t) => t.trim() !== '');
  const raw = strings(vale.raw);
  const exceptions = exceptionsOf(vale, accepted, notes);
  noteAction(vale, ['remove'], notes);
  noteScope(vale, notes);
  // Vale's `action: { name: remove }`: the fix is to cut the match.
  const action = (vale.action as Json | undefined)?.name === 'remove' ? { action: 'remove' } : {};
  if (raw.length === 0 && tokens.every(isLiteral)) return { rule: { ...head, type: 'existence', tokens, ignoreCase, exceptions, ...action } };
  // As Vale's makeRegexp builds it: the joined tokens in word bounds (unless nonword), and the raw
  // parts joined into one string before them, or after them with `append: true` — one sequence, not a choice.
  const body = tokens.length > 0 ? bounded(tokens.join('|'), vale.nonword === true) : '';
  const joined = raw.join('');
  const source = vale.append === true ? body + joined : joined + body;
  const { pattern, ignoreCase: inline } = stripInlineFlags(source);
  return { rule: { ...head, type: 'existence', pattern, ignoreCase: ignoreCase || inline, exceptions, ...action } };
}

function substitution(vale: Json, head: Json, ignoreCase: boolean, accepted: readonly string[], notes: string[]): Mapped {
  const swap = (vale.swap ?? {}) as Record<string, unknown>;
  // Vale tries the longest key first, so "sign in to" wins over "sign in".
  const keys = Object.keys(swap).sort((a, b) => b.length - a.length);
  // With the replace action, Vale reads "a|b" as two suggestions.
  const split = (vale.action as Json | undefined)?.name === 'replace';
  const valueOf = (key: string) => {
    const value = String(swap[key] ?? '');
    const options = value.split('|');
    return split && options.length > 1 ? options : value;
  };
  noteAction(vale, ['replace'], notes);
  noteScope(vale, notes);
  const exceptions = exceptionsOf(vale, accepted, notes);
  // Vale's `capitalize: true` raises the suggestion's first letter for a match that starts with a capital.
  const capitalize = vale.capitalize === true ? { capitalize: true } : {};
  if (keys.every(isLiteral)) return { rule: { ...head, type: 'substitution', swap: Object.fromEntries(keys.map((key) => [key, valueOf(key)])), ignoreCase, exceptions, ...capitalize } };
  const wrapped = Object.fromEntries(keys.map((key) => [bounded(stripInlineFlags(key).pattern, vale.nonword === true), valueOf(key)]));
  const inline = keys.some((key) => stripInlineFlags(key).ignoreCase);
  return { rule: { ...head, type: 'substitution', swap: wrapped, ignoreCase: ignoreCase || inline, regex: true, exceptions, ...capitalize } };
}

const scopeOf = (scope: unknown) => (scope === 'sentence' ? 'sentence' : scope === 'paragraph' ? 'paragraph' : 'text');

function occurrence(vale: Json, head: Json, ignoreCase: boolean, notes: string[]): Mapped {
  const token = String(vale.token ?? '');
  const limits: Json = {};
  // Vale applies a limit only when it is above 0 (`o.Max > 0`, `o.Min > 0`); 0 means no limit.
  const max = typeof vale.max === 'number' && vale.max > 0 ? vale.max : undefined;
  const min = typeof vale.min === 'number' && vale.min > 0 ? vale.min : undefined;
  if (max === undefined && min === undefined) return { skip: 'neither max nor min is above 0, so Vale never reports it' };
  noteScope(vale, notes);
  // Vale counts words with a word token; the kit says that directly as a word limit.
  if (/^\\b\(?\\w\+\)?\\b$/.test(token)) {
    if (max !== undefined) limits.maxWords = max;
    if (min !== undefined) limits.minWords = min;
    return { rule: { ...head, type: 'length', scope: scopeOf(vale.scope), ...limits } };
  }
  if (max !== undefined) limits.max = max;
  if (min !== undefined) limits.min = min;
  const { pattern, ignoreCase: inline } = stripInlineFlags(token);
  return { rule: { ...head, type: 'occurrence', token: pattern, ignoreCase: ignoreCase || inline, scope: scopeOf(vale.scope), ...limits } };
}

function repetition(vale: Json, head: Json, ignoreCase: boolean, accepted: readonly string[], notes: string[]): Mapped {
  const tokens = strings(vale.tokens);
  noteScope(vale, notes);
  noteAction(vale, [], notes);
  if (typeof vale.max === 'number' && vale.max > 0) notes.push(`max ${vale.max} is not kept; the kit reports the first repeat`);
  const exceptions = exceptionsOf(vale, accepted, notes);
  const alpha = vale.alpha === true ? { alpha: true } : {};
  // Vale compares consecutive matches of its tokens joined into one group; without tokens the kit compares words.
  if (tokens.length === 0) return { rule: { ...head, type: 'repetition', ignoreCase, exceptions, ...alpha } };
  const { pattern, ignoreCase: inline } = stripInlineFlags(`(${tokens.join('|')})`);
  return { rule: { ...head, type: 'repetition', ignoreCase: ignoreCase || inline, exceptions, token: pattern, ...alpha } };
}

function consistency(vale: Json, head: Json, ignoreCase: boolean, notes: string[]): Mapped {
  const either: Record<string, string> = {};
  for (const [a, b] of Object.entries((vale.either ?? {}) as Record<string, unknown>)) {
    if (isLiteral(a) && isLiteral(String(b))) either[a] = String(b);
    else notes.push(`the pair "${a}" / "${String(b)}" uses a regular expression; the kit compares literal forms, so it was left out`);
  }
  if (Object.keys(either).length === 0) return { skip: 'every pair uses a regular expression; the kit compares literal forms' };
  return { rule: { ...head, type: 'consistency', either, ignoreCase } };
}

function capitalization(vale: Json, head: Json): Mapped {
  const match = String(vale.match ?? '');
  const styles: Record<string, string> = { $title: 'title', $sentence: 'sentence', $lower: 'lower', $upper: 'upper' };
  const style = styles[match];
  if (!style) return { skip: `match "${match}" is a custom pattern; the kit supports $title, $sentence, $lower and $upper` };
  const scope = String(vale.scope ?? 'heading').startsWith('heading') ? 'headings' : 'lines';
  return { rule: { ...head, type: 'capitalization', style, scope, exceptions: strings(vale.exceptions) } };
}

function metric(vale: Json, head: Json): Mapped {
  const formula = String(vale.formula ?? '').replace(/\s+/g, '');
  const condition = /^\s*>=?\s*(\d+(?:\.\d+)?)\s*$/.exec(String(vale.condition ?? ''));
  const isGrade = formula.includes('0.39*(words/sentences)') && formula.includes('11.8*(syllables/words)') && formula.includes('15.59');
  if (!isGrade) return { skip: 'only the Flesch–Kincaid grade formula is supported by the kit’s readability rule' };
  if (!condition) return { skip: `the condition "${String(vale.condition)}" is not of the form "> N"` };
  return { rule: { ...head, type: 'readability', maxGrade: Number(condition[1]), minWords: 1 } };
}

const unmappable: Record<string, string> = {
  spelling: 'spelling needs a dictionary (Hunspell); the kit has none, so list brand words as terms instead',
  sequence: 'sequence rules need a part-of-speech tagger, which the core does not have',
  script: 'script rules run Tengo code; the kit runs no code',
};

/** One Vale rule as a kit rule, or the reason it cannot be one. */
export function mapValeRule(style: string, name: string, vale: Json, notes: string[] = [], accepted: readonly string[] = []): Mapped {
  const type = String(vale.extends ?? '');
  if (unmappable[type]) return { skip: unmappable[type]! };
  const message = String(vale.message ?? `${style}.${name}`).trim() || `${style}.${name}`;
  const link = typeof vale.link === 'string' ? ` See ${vale.link}` : '';
  const head: Json = {
    id: `${style}.${name}`,
    severity: levels[String(vale.level ?? 'suggestion')] ?? 'suggestion',
    message,
    note: `Imported from the Vale rule ${style}/${name}.yml.${link}`,
  };
  const ignoreCase = vale.ignorecase === true;
  switch (type) {
    case 'existence': return existence(vale, head, ignoreCase, accepted, notes);
    case 'substitution': return substitution(vale, head, ignoreCase, accepted, notes);
    case 'occurrence': return occurrence(vale, head, ignoreCase, notes);
    case 'repetition': return repetition(vale, head, ignoreCase, accepted, notes);
    case 'consistency': return consistency(vale, head, ignoreCase, notes);
    case 'conditional': {
      const rule: Json = { ...head, type: 'conditional', exceptions: strings(vale.exceptions) };
      if (vale.first) rule.first = stripInlineFlags(String(vale.first)).pattern;
      if (vale.second) rule.second = stripInlineFlags(String(vale.second)).pattern;
      return { rule };
    }
    case 'capitalization': return capitalization(vale, head);
    case 'metric': return metric(vale, head);
    default: return { skip: `unknown Vale rule type "${type}"` };
  }
}

// Checks a mapped rule the way a kit would, so a pattern JavaScript cannot run safely is reported, not printed.
function validate(rule: Json): string | undefined {
  const parsed = parseKit({ schemaVersion: kitSchemaVersion, name: 'check', version: '0', rules: [rule] });
  if (parsed.ok) return undefined;
  return parsed.issues.map((issue) => `${issue.path.replace(/^rules\[0\]\.?/, '') || 'rule'}: ${issue.message}`).join('; ');
}

// Vale styles for inclusive language (alex; the Microsoft and Google guides' GenderBias, Accessibility
// and similar rules): importing one switches on the kit's inclusive-language preset too, which also
// covers the rules the kit cannot map (alex's sequence rules, a rule without `extends`).
const inclusiveStyle = /^(?:alex|inclusiv\w*|bias\w*)$/i;
const inclusiveRule = /gender|ableis|ablis|inclusiv|bias|accessibility|disabilit|condescending/i;

async function listDir(path: string, kind: 'dirs' | 'yaml'): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true });
  return entries
    .filter((entry) => (kind === 'dirs' ? entry.isDirectory() : entry.isFile() && /\.ya?ml$/i.test(entry.name)))
    .map((entry) => entry.name)
    .sort();
}

// Vale vocabularies: accept.txt lists the brand's words (Vale.Terms flags other capitals of them),
// reject.txt lists words to avoid (Vale.Avoid flags them). They become approved, case-sensitive
// terms and banned terms. Entries written as regular expressions are reported, not imported.
async function importVocabularies(dir: string, io: CliIo, report: string[]): Promise<Json[]> {
  const terms: Json[] = [];
  const seen = new Set<string>();
  for (const base of ['Vocab', join('config', 'vocabularies')]) {
    let names: string[];
    try {
      names = await listDir(join(dir, base), 'dirs');
    } catch {
      continue;
    }
    for (const name of names) {
      for (const [file, status] of [['accept.txt', 'approved'], ['reject.txt', 'banned']] as const) {
        let text: string;
        try {
          text = await readInput(io, join(dir, base, name, file), 'vocabulary');
        } catch {
          continue;
        }
        for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
          if (!line || line.startsWith('#') || seen.has(line)) continue;
          if (!isLiteral(line)) {
            report.push(`${base}/${name}/${file}: not imported: "${line}" is a regular expression; the kit's terms are literal`);
            continue;
          }
          seen.add(line);
          terms.push(status === 'approved' ? { term: line, status, caseSensitive: true, note: `From the Vale vocabulary ${name}.` } : { term: line, status, note: `From the Vale vocabulary ${name}.` });
        }
      }
    }
  }
  return terms;
}

export const importValeCommand: Command = {
  name: 'import-vale',
  summary: 'Turn a Vale styles folder into a brand kit',
  usage,
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, options: { style: { type: 'string' } } });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}\nUsage: ${usage}`);
    }
    const [dir, ...extra] = parsed.positionals;
    if (!dir || extra.length > 0) throw new UsageError(`give exactly one STYLES_DIR.\nUsage: ${usage}`);
    let styles: string[];
    try {
      styles = await listDir(dir, 'dirs');
    } catch (error) {
      throw new UsageError(`cannot read the styles folder ${dir} (${(error as Error).message})`);
    }
    const wanted = parsed.values.style;
    // Vale keeps vocabularies beside the styles ("Vocab" in Vale 2, "config" in Vale 3); they hold no rules.
    if (wanted === undefined) styles = styles.filter((name) => name !== 'Vocab' && name !== 'config');
    if (wanted !== undefined) {
      if (!styles.includes(wanted)) throw new UsageError(`no style "${wanted}" in ${dir}; found: ${styles.join(', ') || 'none'}`);
      styles = [wanted];
    }
    const rules: Json[] = [];
    const report: string[] = [];
    const terms = await importVocabularies(dir, io, report);
    // Vale's rules take the accepted vocabulary as exceptions unless they say `vocab: false`.
    const accepted = terms.filter((t) => t.status === 'approved').map((t) => String(t.term));
    const inclusiveFrom: string[] = [];
    for (const style of styles) {
      for (const file of await listDir(join(dir, style), 'yaml')) {
        const name = file.replace(/\.ya?ml$/i, '');
        const where = `${style}/${file}`;
        if (inclusiveStyle.test(style) || inclusiveRule.test(name)) inclusiveFrom.push(where);
        let vale: unknown;
        try {
          vale = parseYaml(await readInput(io, join(dir, style, file), 'rule'));
        } catch (error) {
          report.push(`${where}: not imported: the YAML does not parse (${(error as Error).message.split('\n')[0]})`);
          continue;
        }
        if (!vale || typeof vale !== 'object' || Array.isArray(vale)) {
          report.push(`${where}: not imported: expected a YAML mapping with "extends"`);
          continue;
        }
        const notes: string[] = [];
        const mapped = mapValeRule(style, name, vale as Json, notes, accepted);
        for (const note of notes) report.push(`${where}: partly imported: ${note}`);
        if ('skip' in mapped) {
          report.push(`${where}: not imported (${String((vale as Json).extends)}): ${mapped.skip}`);
          continue;
        }
        const problem = validate(mapped.rule);
        if (problem) {
          report.push(`${where}: not imported: ${problem}`);
          continue;
        }
        rules.push(mapped.rule);
      }
    }
    if (styles.length === 0) throw new UsageError(`no style folders in ${dir}`);
    const kit = {
      schemaVersion: kitSchemaVersion,
      name: styles.join(' + '),
      version: '1.0.0',
      description: `Imported from the Vale styles ${styles.join(', ')}.`,
      terms,
      rules,
      ...(inclusiveFrom.length > 0 ? { presets: ['inclusive'] } : {}),
      // Vale has no claims review; the imported kit leaves it off so it checks what the style checks.
      claims: { review: [] },
    };
    if (inclusiveFrom.length > 0) report.push(`${inclusiveFrom.join(', ')}: inclusive-language rules, so the kit also switches on the inclusive preset (presets: ["inclusive"])`);
    io.stdout(JSON.stringify(kit, null, 2) + '\n');
    if (report.length > 0) io.stderr(report.map((line) => `${line}\n`).join(''));
    return 0;
  },
};
