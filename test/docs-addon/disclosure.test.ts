import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../docs-addon/src/server/check';
import { draftFromBrief } from '../../docs-addon/src/server/draft';
import { parseKit } from '../../shared/src/kit';
import { lintText } from '../../shared/src/lint';
import { installDocs, texts, useExampleKit } from './install';

const brief = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/briefs/juniper-oak-summer.json'), 'utf8'));
const kitJson = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/kits/juniper-oak.json'), 'utf8'));
const label = 'Written with help from AI.';

describe('the disclosure label the kit requires', () => {
  it('is exempt from the kit’s other rules, while the same word elsewhere is still checked', () => {
    const parsed = parseKit(kitJson);
    if (!parsed.ok) throw new Error('kit');
    const findings = lintText(`Sun care that feels like skincare. ${label}`, parsed.value, { channel: 'social-post', aiGenerated: true }).findings;
    expect(findings.filter((f) => f.match === 'AI')).toEqual([]);
    expect(lintText('Our AI picks your shade.', parsed.value).findings.some((f) => f.match === 'AI' && f.rule.startsWith('conditional.'))).toBe(true);
  });

  it('goes on its own line on a short channel, leaving the headline its full length, and a check of the draft finds nothing in it', () => {
    const env = installDocs(['Summer plan']);
    useExampleKit(env, 'juniper-oak');
    expect(draftFromBrief(brief).inserted).toBe(true);
    const after = texts(env);
    const heading = after.findIndex((t) => t.endsWith('[paid-social-headline]'));
    const headline = after[heading + 1]!;
    expect(headline).not.toContain(label);
    expect(headline.length).toBeGreaterThan(20);
    expect(after[heading + 2]).toBe(label);
    const findings = checkDocument({ scope: 'document', channel: '', approvedClaims: [] }).findings;
    expect(findings.filter((f) => f.context.includes(label) && label.includes(f.match) && f.match !== '')).toEqual([]);
    expect(findings.filter((f) => f.channel === 'paid-social-headline' && f.rule === 'channel.length')).toEqual([]);
  });
});
