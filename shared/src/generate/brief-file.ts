import type { Issue, Parsed } from '../issues';
import { parseBrief, parseBriefJson, type Brief } from './brief';

type Field = keyof Brief;
const listFields = new Set<Field>(['benefits', 'approvedClaims', 'channels']);

/** The names a writer may use for each brief field, compared without case, spaces or punctuation. */
const fieldNames: Record<string, Field> = {
  campaign: 'campaign',
  product: 'product',
  audience: 'audience',
  keymessage: 'keyMessage',
  message: 'keyMessage',
  benefits: 'benefits',
  benefit: 'benefits',
  calltoaction: 'cta',
  cta: 'cta',
  offer: 'offer',
  approvedclaims: 'approvedClaims',
  claims: 'approvedClaims',
  channels: 'channels',
  channel: 'channels',
};
const displayNames: Partial<Record<Field, string>> = {
  campaign: 'Campaign',
  product: 'Product',
  audience: 'Audience',
  keyMessage: 'Key message',
  benefits: 'Benefits',
  cta: 'Call to action',
  offer: 'Offer',
  approvedClaims: 'Approved claims',
  channels: 'Channels',
};
const knownNames = Object.values(displayNames).join(', ');

const fieldFor = (label: string): Field | undefined => fieldNames[label.toLowerCase().replace(/[^a-z]/g, '')];

/**
 * Reads a brief from a file the writer picked: `.json` is checked against the brief schema; `.md` is read as
 * `# Campaign`, `Key: value` lines and `## Field` sections (bullets become list items). Never throws.
 */
export function parseBriefFile(name: string, source: string): Parsed<Brief> {
  // Editors on Windows often save a byte-order mark, which neither JSON.parse nor a heading expects.
  const text = source.replace(/^\uFEFF/, '');
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === 'json') return parseBriefJson(text);
  if (extension === 'md' || extension === 'markdown') return parseBriefMarkdown(text);
  return { ok: false, issues: [{ path: '(file)', message: `“${name}” is not a brief file; choose a .json or .md file` }] };
}

/** Parses a Markdown brief, naming the line of every problem. */
export function parseBriefMarkdown(source: string): Parsed<Brief> {
  const issues: Issue[] = [];
  const values: Partial<Record<Field, string[]>> = {};
  const lineOf: Partial<Record<Field, number[]>> = {};
  let section: Field | null = null;

  const add = (field: Field, value: string, line: number) => {
    if (!listFields.has(field) && values[field] && field !== section) {
      issues.push({ path: `line ${line}`, message: `${field} is given twice (first on line ${lineOf[field]![0]})` });
      return;
    }
    (values[field] ??= []).push(value);
    (lineOf[field] ??= []).push(line);
  };

  source.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (!text) return;
    const heading = /^(#{1,6})\s*(.*?)\s*#*$/.exec(text);
    if (heading) {
      const [, hashes, title] = heading;
      if (hashes!.length === 1 && !values.campaign) {
        section = null;
        add('campaign', title!, line);
        return;
      }
      const field = fieldFor(title!);
      if (!field) {
        issues.push({ path: `line ${line}`, message: `unknown section “${title}”; use one of ${knownNames}` });
        section = null;
        return;
      }
      if (values[field] && !listFields.has(field)) {
        issues.push({ path: `line ${line}`, message: `${field} is given twice (first on line ${lineOf[field]![0]})` });
        section = null;
        return;
      }
      section = field;
      return;
    }
    const pair = /^([A-Za-z][A-Za-z ]*?)\s*:\s*(.*)$/.exec(text);
    const keyed = pair && fieldFor(pair[1]!);
    if (pair && keyed) {
      section = null;
      if (keyed === 'channels') for (const channel of pair[2]!.split(',')) add(keyed, channel.trim(), line);
      else add(keyed, pair[2]!, line);
      return;
    }
    const bullet = /^[-*+](?:\s+(.*))?$/.exec(text);
    if (section && listFields.has(section)) add(section, bullet ? (bullet[1] ?? '') : text, line);
    else if (section && !bullet) {
      // Prose in a text section runs on across lines, like a Markdown paragraph.
      const current = values[section];
      if (current) current[0] = `${current[0]} ${text}`;
      else add(section, text, line);
    } else if (section) issues.push({ path: `line ${line}`, message: `${section} is one piece of text, not a list` });
    else if (pair) issues.push({ path: `line ${line}`, message: `unknown field “${pair[1]}”; use one of ${knownNames}` });
    else issues.push({ path: `line ${line}`, message: 'expected “Key: value”, a “## Field” heading or a list item under one' });
  });
  if (issues.length) return { ok: false, issues };
  return finish(values, lineOf, (line) => `line ${line}`);
}

/** The brief from the fields read, with each schema problem pointed back at the line or row it came from. */
function finish(values: Partial<Record<Field, string[]>>, placeOf: Partial<Record<Field, number[]>>, where: (place: number, field: Field) => string): Parsed<Brief> {
  const data: Record<string, unknown> = {};
  for (const [field, list] of Object.entries(values) as [Field, string[]][]) data[field] = listFields.has(field) ? list : list[0];
  const parsed = parseBrief(data);
  if (parsed.ok) return parsed;
  // Point schema problems back at the source: `benefits[1]` is the second benefit's line.
  return {
    ok: false,
    issues: parsed.issues.map((issue) => {
      const [, field, item] = /^(\w+)(?:\[(\d+)\])?/.exec(issue.path) ?? [];
      const places = placeOf[field as Field];
      const place = places?.[Number(item ?? 0)] ?? places?.[0];
      return place ? { path: issue.path, message: `${issue.message} (${where(place, field as Field)})` } : issue;
    }),
  };
}

/**
 * Reads a brief from a two-column table in a document (field | value), with the Markdown brief's field
 * names. A cell's lines are list items for a list field (channels may also be split by commas) and run
 * on as one text otherwise. A first row headed "Field" is skipped. Every problem names its row and field.
 */
export function parseBriefTable(rows: readonly (readonly string[])[]): Parsed<Brief> {
  const issues: Issue[] = [];
  const values: Partial<Record<Field, string[]>> = {};
  const rowOf: Partial<Record<Field, number[]>> = {};
  const label: Partial<Record<Field, string>> = {};
  rows.forEach((cells, index) => {
    const row = index + 1;
    const name = (cells[0] ?? '').trim();
    if (index === 0 && /^(?:field|fields|brief)$/i.test(name)) return;
    if (cells.every((cell) => !cell.trim())) return;
    if (cells.length !== 2) {
      issues.push({ path: `row ${row}`, message: `expected two cells, the field and its value, found ${cells.length}` });
      return;
    }
    const field = fieldFor(name);
    if (!field) {
      issues.push({ path: `row ${row}`, message: `unknown field “${name}”; use one of ${knownNames}` });
      return;
    }
    if (values[field]) {
      issues.push({ path: `row ${row}`, message: `${name} is given twice (first in row ${rowOf[field]![0]})` });
      return;
    }
    const lines = cells[1]!.split(/\r?\n/).map((line) => line.trim().replace(/^[-*+•]\s+/, '')).filter(Boolean);
    const items = field === 'channels' ? lines.flatMap((line) => line.split(',')).map((c) => c.trim()).filter(Boolean) : lines;
    values[field] = listFields.has(field) ? items : [items.join(' ')];
    rowOf[field] = items.map(() => row).concat(row);
    label[field] = name;
  });
  if (rows.length === 0) issues.push({ path: 'table', message: 'the table is empty; give one row per field: Product, Audience, Key message…' });
  if (issues.length) return { ok: false, issues };
  const parsed = finish(values, rowOf, (row, field) => `row ${row}, ${label[field] ?? field}`);
  if (parsed.ok) return parsed;
  // A field no row gives is named as the row to add.
  return {
    ok: false,
    issues: parsed.issues.map((issue) => {
      const field = /^\w+/.exec(issue.path)?.[0] as Field | undefined;
      return field && !values[field] && displayNames[field] ? { path: issue.path, message: `no row gives the ${displayNames[field]}; add a row “${displayNames[field]} | …”` } : issue;
    }),
  };
}
