import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listChannels, parseKitJson, ruleTypes, type BrandKit } from '../../../shared/src/kit';
import { applyFixes, isSafeFix, lintText } from '../../../shared/src/lint';

function load(name: string): BrandKit {
  const parsed = parseKitJson(readFileSync(new URL(`../../../examples/kits/${name}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues, null, 2));
  return parsed.value;
}

const ledgerline = load('ledgerline');
const juniperOak = load('juniper-oak');
const kits = { ledgerline, 'juniper-oak': juniperOak };

describe('example kits', () => {
  it.each(Object.entries(kits))('%s validates and has every section', (_name, kit) => {
    expect(kit.voice.tone.length).toBeGreaterThan(0);
    expect(kit.voice.examples.length).toBeGreaterThan(0);
    expect(kit.terms.length).toBeGreaterThan(5);
    expect(kit.claims.approved.length).toBeGreaterThan(0);
    expect(kit.disclosure?.channels.length).toBeGreaterThan(0);
    expect(kit.visual?.palette.length).toBeGreaterThan(3);
    expect(kit.channels.length).toBeGreaterThan(0);
  });

  it('hold 60 or more rules between them, covering every rule type, each with a note', () => {
    const rules = [...ledgerline.rules, ...juniperOak.rules];
    expect(rules.length).toBeGreaterThanOrEqual(60);
    expect(new Set(rules.map((rule) => rule.type))).toEqual(new Set(ruleTypes));
    for (const rule of rules) expect(rule.note, rule.id).toMatch(/\w{3,}/);
  });

  it('each cover every rule type on their own', () => {
    for (const kit of Object.values(kits)) expect(new Set(kit.rules.map((rule) => rule.type)).size).toBe(ruleTypes.length);
  });

  it('add their own channels next to the presets', () => {
    expect(listChannels(ledgerline).map((channel) => channel.id)).toEqual(expect.arrayContaining(['in-app-banner', 'x-post']));
    expect(listChannels(juniperOak).find((channel) => channel.id === 'sms')).toMatchObject({ maxGraphemes: 150, requiredElements: ['opt-out', 'brand-name'] });
  });
});

describe('Ledgerline in use', () => {
  const draft = 'We utilize ledgerline to close the the books. Log in to see your DSO!';
  const { findings } = lintText(draft, ledgerline);

  it('catches jargon, product names, vocabulary, repeats and acronyms', () => {
    expect(findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['substitution.plain-words', 'capitalization.product-names', 'repetition.repeated-words', 'substitution.product-vocabulary', 'conditional.acronyms']),
    );
  });

  it('fixes the safe findings and finds none of them again', () => {
    const fixed = applyFixes(draft, findings.filter(isSafeFix));
    expect(fixed).toBe('We use Ledgerline to close the books. Sign in to see your DSO!');
    expect(lintText(fixed, ledgerline).findings.filter(isSafeFix)).toEqual([]);
  });

  it('passes an approved claim and flags an unapproved one', () => {
    const rules = (text: string) => lintText(text, ledgerline).findings.map((f) => f.rule);
    expect(rules('Trusted by 4,000 finance teams.')).not.toContain('claims.numbers');
    expect(rules('Trusted by 9,000 finance teams.')).toContain('claims.numbers');
  });
});

describe('Juniper & Oak in use', () => {
  it('stops medicinal claims as errors', () => {
    const { findings } = lintText('Our balm heals eczema overnight.', juniperOak);
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.match])).toEqual([
      ['claims.health', 'heals'],
      ['substitution.cosmetic-verbs', 'heals'],
      ['claims.health', 'eczema'],
    ]);
  });

  it('requires opt-out wording and the brand on a text message', () => {
    const rules = lintText('Spring sale: 20% off serums', juniperOak, { channel: 'sms' }).findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['channel.required', 'required.sms-brand']));
  });

  it('keeps British spelling with the writer’s capitals', () => {
    const [finding] = lintText('Color me calm.', juniperOak).findings;
    expect(finding).toMatchObject({ rule: 'substitution.british-spelling', suggestions: ['Colour'] });
  });
});
