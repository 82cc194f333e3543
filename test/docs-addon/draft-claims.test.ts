import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../docs-addon/src/server/check';
import { draftFromBrief } from '../../docs-addon/src/server/draft';
import { approveMark } from '../../docs-addon/src/server/marks';
import { installDocs, useExampleKit } from './install';

const brief = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/briefs/ledgerline-launch.json'), 'utf8'));

describe('claims a brief approved', () => {
  it('stay with the draft: a later check and the approval do not send them to legal, while the same words elsewhere still go', () => {
    const env = installDocs(['Intro', 'Our own note: no fees for 90 days.']);
    useExampleKit(env);
    const drafted = draftFromBrief({ ...brief, approvedClaims: ['90 days'] });
    expect(drafted.inserted).toBe(true);
    const claims = checkDocument({ scope: 'document', channel: '', approvedClaims: [] }).findings.filter((f) => f.rule.startsWith('claims.') && f.match.includes('90'));
    // Only the writer's own sentence, outside the draft, is flagged.
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((f) => f.context.includes('Our own note'))).toBe(true);
    const email = drafted.marks.find((m) => m.label === 'Email')!;
    expect(email.approvedClaims).toEqual(['90 days']);
    const entry = approveMark(email.id).approved!;
    expect(entry.detail).not.toMatch(/90[^(]*\(claims\./);
  });
});
