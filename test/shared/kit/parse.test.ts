import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kitJsonSchema, parseKit, parseKitJson, ruleTypes, type BrandKit } from '../../../shared/src/kit';

const minimal = { schemaVersion: 1, name: 'Acme', version: '1.0.0' };
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/kit/${name}`, import.meta.url), 'utf8');

function issuesOf(data: unknown) {
  const parsed = parseKit(data);
  if (parsed.ok) throw new Error('expected the kit to be refused');
  return parsed.issues;
}

function kit(data: unknown): BrandKit {
  const parsed = parseKit(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

describe('brand kit parsing', () => {
  it('accepts a minimal kit and fills every section with defaults', () => {
    const value = kit(minimal);
    expect(value.voice).toEqual({ tone: [], dos: [], donts: [], examples: [] });
    expect(value.terms).toEqual([]);
    expect(value.rules).toEqual([]);
    expect(value.claims.approved).toEqual([]);
    expect(value.claims.review).toContain('superlatives');
    expect(value.disclosure).toBeUndefined();
  });

  it('fills rule defaults: warning severity and every skip kind', () => {
    const value = kit({ ...minimal, rules: [{ type: 'existence', id: 'x', message: 'No', tokens: ['foo'] }] });
    expect(value.rules[0]).toMatchObject({ severity: 'warning', ignoreCase: true, skip: ['urls', 'emails', 'quotes', 'code'] });
  });

  it('names the path of a term whose replacements are not a list', () => {
    const terms = [0, 1, 2].map((i) => ({ term: `t${i}`, status: 'approved' })).concat([{ term: 'x', status: 'banned', replacements: 'y' } as never]);
    expect(issuesOf({ ...minimal, terms })).toContainEqual({ path: 'terms[3].replacements', message: 'expected array of strings' });
  });

  it('names the path of a pattern that does not compile', () => {
    const rules = Array.from({ length: 7 }, (_, i) => ({ type: 'existence', id: `r${i}`, message: 'm', tokens: ['a'] }));
    rules.push({ type: 'existence', id: 'bad', message: 'm', pattern: '([a-z' } as never);
    const [issue] = issuesOf({ ...minimal, rules });
    expect(issue!.path).toBe('rules[7].pattern');
    expect(issue!.message).toMatch(/^invalid regular expression \(/);
  });

  it('refuses a pattern that cannot run in linear time by its path', () => {
    const issues = issuesOf({ ...minimal, rules: [{ type: 'occurrence', id: 'o', message: 'm', token: '(a)\\1', max: 1 }] });
    expect(issues).toEqual([{ path: 'rules[0].token', message: expect.stringMatching(/back-reference/) }]);
  });

  it('refuses a lookaround regex swap key by its path', () => {
    const issues = issuesOf({ ...minimal, rules: [{ type: 'substitution', id: 's', message: 'm', regex: true, swap: { '(?=x)x': 'y' } }] });
    expect(issues[0]!.path).toBe('rules[0].swap.(?=x)x');
  });

  it('names an unknown rule type and lists the allowed ones', () => {
    const [issue] = issuesOf({ ...minimal, rules: [{ type: 'spelling', id: 's', message: 'm' }] });
    expect(issue!.path).toBe('rules[0].type');
    expect(issue!.message).toContain('unknown rule type "spelling"');
    for (const type of ruleTypes) expect(issue!.message).toContain(type);
  });

  it('lists every problem, not just the first', () => {
    const issues = issuesOf({ schemaVersion: 2, name: '', version: 1, terms: [{ term: 'x', status: 'maybe' }] });
    expect(issues.map((issue) => issue.path).sort()).toEqual(['name', 'schemaVersion', 'terms[0].status', 'version']);
  });

  it('refuses unknown channels in rules and disclosure', () => {
    const issues = issuesOf({
      ...minimal,
      rules: [{ type: 'existence', id: 'x', message: 'm', tokens: ['a'], channels: ['email-subject', 'fax'] }],
      disclosure: { label: 'AI', channels: ['telex'] },
    });
    expect(issues.map((issue) => issue.path).sort()).toEqual(['disclosure.channels[0]', 'rules[0].channels[1]']);
    expect(issues[0]!.message).toMatch(/unknown channel/);
  });

  it('refuses duplicate rule ids and a rule that has nothing to check', () => {
    const issues = issuesOf({
      ...minimal,
      rules: [
        { type: 'existence', id: 'x', message: 'm', tokens: ['a'] },
        { type: 'existence', id: 'x', message: 'm' },
      ],
    });
    expect(issues.map((issue) => issue.path).sort()).toEqual(['rules[1]', 'rules[1].id']);
  });

  it('refuses a conditional pattern without a capture group', () => {
    const issues = issuesOf({ ...minimal, rules: [{ type: 'conditional', id: 'c', message: 'm', first: '[A-Z]{3}' }] });
    expect(issues).toEqual([{ path: 'rules[0].first', message: expect.stringMatching(/capture group/) }]);
  });

  it('refuses misspelt fields inside rules and terms', () => {
    const issues = issuesOf({ ...minimal, terms: [{ term: 'x', status: 'banned', replacement: ['y'] }] });
    expect(issues[0]!.path).toBe('terms[0]');
    expect(issues[0]!.message).toContain('replacement');
  });

  it('reads a kit saved with a byte-order mark', () => {
    expect(parseKitJson('\uFEFF' + JSON.stringify(minimal)).ok).toBe(true);
  });

  it('reports truncated JSON without throwing', () => {
    const parsed = parseKitJson(fixture('truncated.json'));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]!.message).toMatch(/not valid JSON/);
  });

  it('exports a JSON Schema that names every rule type', () => {
    const schema = JSON.stringify(kitJsonSchema());
    for (const type of ruleTypes) expect(schema).toContain(`"${type}"`);
    expect(kitJsonSchema()).toMatchObject({ title: 'Onbrand brand kit' });
  });
});
