import { describe, expect, it } from 'vitest';
import { channelPresets, listChannels, parseKit, resolveChannel, type BrandKit } from '../../../shared/src/kit';

function kit(data: Record<string, unknown>): BrandKit {
  const parsed = parseKit({ schemaVersion: 1, name: 'Acme', version: '1', ...data });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

describe('channels', () => {
  it.each([
    ['search-ad-headline', 30],
    ['search-ad-description', 90],
    ['x-post', 280],
    ['sms', 160],
  ])('presets %s at %i graphemes with a cited source', (id, max) => {
    const channel = resolveChannel(kit({}), id)!;
    expect(channel.maxGraphemes).toBe(max);
    expect(channel.source.length).toBeGreaterThan(10);
  });

  it('has every required preset', () => {
    const ids = channelPresets.map((channel) => channel.id);
    for (const id of ['email-subject', 'email-preheader', 'search-ad-headline', 'search-ad-description', 'social-post', 'paid-social-headline', 'sms', 'x-post']) {
      expect(ids).toContain(id);
    }
  });

  it('lets the kit override a preset and keeps the rest of it', () => {
    const channel = resolveChannel(kit({ channels: [{ id: 'email-subject', maxGraphemes: 50 }] }), 'email-subject')!;
    expect(channel).toMatchObject({ maxGraphemes: 50, maxWords: 9, name: 'Email subject line' });
  });

  it('lets the kit add a channel', () => {
    const value = kit({ channels: [{ id: 'push', name: 'Push notification', maxGraphemes: 110, requiredElements: ['cta'] }] });
    expect(resolveChannel(value, 'push')).toMatchObject({ id: 'push', maxGraphemes: 110, requiredElements: ['cta'], disclosureRequired: false });
    expect(listChannels(value).map((channel) => channel.id)).toContain('push');
  });

  it('marks the disclosure channels as requiring the label', () => {
    const value = kit({ disclosure: { label: 'Written with AI', channels: ['x-post'] } });
    expect(resolveChannel(value, 'x-post')!.disclosureRequired).toBe(true);
    expect(resolveChannel(value, 'sms')!.disclosureRequired).toBe(false);
  });

  it('returns undefined for a channel nobody defines', () => {
    expect(resolveChannel(kit({}), 'fax')).toBeUndefined();
  });

  it('needs a name for a new channel', () => {
    const parsed = parseKit({ schemaVersion: 1, name: 'A', version: '1', channels: [{ id: 'push', maxGraphemes: 3 }] });
    expect(parsed.ok ? [] : parsed.issues.map((issue) => issue.path)).toEqual(['channels[0].name']);
  });
});
