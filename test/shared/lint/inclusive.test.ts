import { describe, expect, it } from 'vitest';
import { parseKit, type BrandKit } from '../../../shared/src/kit';
import { lintText } from '../../../shared/src/lint';

function kit(extra: object = {}): BrandKit {
  const parsed = parseKit({ schemaVersion: 1, name: 'Acme', version: '1.0.0', claims: { review: [] }, ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

const text = 'Our chairman wants a crazy launch. Hiring young and energetic digital natives; the memo fell on deaf ears.';

describe('the inclusive-language preset', () => {
  it('points at each biased or exclusionary phrase, with its suggestions', () => {
    const findings = lintText(text, kit({ presets: ['inclusive'] })).findings;
    expect(findings.map((f) => [f.rule, f.start, f.end - f.start, f.match, f.suggestions])).toEqual([
      ['substitution.inclusive.gendered', 4, 8, 'chairman', ['chair']],
      ['substitution.inclusive.ableist', 21, 5, 'crazy', ['wild', 'surprising']],
      ['substitution.inclusive.age', 42, 19, 'young and energetic', ['energetic', 'motivated']],
      ['substitution.inclusive.age', 62, 15, 'digital natives', ['tech-savvy people', 'people comfortable with technology']],
      ['substitution.inclusive.ableist', 88, 17, 'fell on deaf ears', ['was ignored', 'went unheard']],
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.match);
    expect(findings[0]!.message).toBe("Consider 'chair' instead of 'chairman': it includes everyone.");
  });

  it('keeps the writer\'s capitals in a suggestion', () => {
    expect(lintText('Salesmen love it.', kit({ presets: ['inclusive'] })).findings[0]).toMatchObject({ match: 'Salesmen', suggestions: ['Salespeople'] });
  });

  it('gives no such finding when the kit leaves it off', () => {
    expect(lintText(text, kit()).findings).toEqual([]);
  });

  it('lets a kit rule with a preset rule\'s id replace it', () => {
    const own = { type: 'substitution', id: 'inclusive.ableist', severity: 'error', message: 'Say %s, not %s.', swap: { crazy: 'bold' } };
    const findings = lintText(text, kit({ presets: ['inclusive'], rules: [own] })).findings.filter((f) => f.rule.endsWith('ableist'));
    expect(findings.map((f) => [f.match, f.severity, f.suggestions])).toEqual([['crazy', 'error', ['bold']]]);
  });

  it('names an unknown preset', () => {
    const parsed = parseKit({ schemaVersion: 1, name: 'Acme', version: '1.0.0', presets: ['inclusiv'] });
    expect(parsed.ok ? [] : parsed.issues).toEqual([{ path: 'presets[0]', message: 'expected one of inclusive' }]);
  });
});
