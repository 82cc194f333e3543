import { describe, expect, it } from 'vitest';
import { parseBrief, parseBriefJson } from '../../../shared/src/generate';
import { brief, loadJson } from './support';

describe('parseBrief', () => {
  it('accepts the example briefs', () => {
    expect(parseBrief(loadJson('examples/briefs/ledgerline-launch.json')).ok).toBe(true);
    expect(parseBrief(loadJson('examples/briefs/juniper-oak-summer.json')).ok).toBe(true);
  });

  it('accepts a brief without the optional fields', () => {
    expect(parseBrief(brief).ok).toBe(true);
  });

  it('names every bad field by its path', () => {
    const out = parseBrief({ ...brief, product: '', benefits: ['ok', 3], cta: undefined, channels: 'x-post' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues.map((issue) => issue.path).sort()).toEqual(['benefits[1]', 'channels', 'cta', 'product']);
    expect(out.issues.find((issue) => issue.path === 'product')?.message).toBe('must not be empty');
  });

  it('needs at least one benefit', () => {
    const out = parseBrief({ ...brief, benefits: [] });
    expect(!out.ok && out.issues).toEqual([{ path: 'benefits', message: 'needs at least one benefit' }]);
  });

  it('treats blank text as empty', () => {
    const out = parseBrief({ ...brief, keyMessage: '   ' });
    expect(!out.ok && out.issues[0]?.path).toBe('keyMessage');
  });

  it('reports JSON that does not parse, without throwing', () => {
    const out = parseBriefJson('{ "campaign": ');
    expect(out.ok).toBe(false);
    expect(!out.ok && out.issues[0]?.message).toMatch(/not valid JSON/);
  });
});
