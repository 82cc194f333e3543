import { describe, expect, it } from 'vitest';
import { defaultPrivacy, describeHeldBack, screenTexts } from '../../../shared/src/privacy';

const text = 'Reply to jane@example.com or +44 20 7946 0018; card 4111 1111 1111 1111. Copy jane@example.com to the Acme Bank team.';

describe('masking personal data for a model', () => {
  it('gives each value a typed, numbered placeholder, the same one each time it appears, across texts', () => {
    const screen = screenTexts([text, 'Also ring +44 20 7946 0018.'], { ...defaultPrivacy, names: ['Acme Bank'] });
    expect(screen.texts).toEqual(['Reply to [email 1] or [phone 1]; card [card 1]. Copy [email 1] to the [name 1] team.', 'Also ring [phone 1].']);
    expect(screen.heldBack).toEqual([
      { kind: 'email', count: 1 },
      { kind: 'phone', count: 1 },
      { kind: 'card', count: 1 },
      { kind: 'name', count: 1 },
    ]);
    expect(JSON.stringify(screen.heldBack)).not.toContain('jane');
  });

  it('restores the originals where the model writes a placeholder, in any case or spacing', () => {
    const screen = screenTexts([text]);
    expect(screen.restore('Write [EMAIL 1], call [ phone1 ], pay with [Card 1 ].')).toEqual({ text: 'Write jane@example.com, call +44 20 7946 0018, pay with 4111 1111 1111 1111.', invented: [] });
  });

  it('leaves a placeholder the model made up as written and names it; one it dropped is fine', () => {
    const screen = screenTexts([text]);
    expect(screen.restore('Write to [email 2] today.')).toEqual({ text: 'Write to [email 2] today.', invented: ['[email 2]'] });
  });

  it('numbers past placeholder-like text the writer typed, and never "restores" that text', () => {
    const screen = screenTexts(['Use the token [email 1] for jane@example.com.']);
    expect(screen.texts).toEqual(['Use the token [email 1] for [email 2].']);
    expect(screen.restore('Token [email 1], address [email 2].')).toEqual({ text: 'Token [email 1], address jane@example.com.', invented: [] });
  });

  it('escapes a restored value for the format of the answer', () => {
    const screen = screenTexts(['Deal with "Big" Co.'], { ...defaultPrivacy, names: ['"Big" Co'] });
    expect(screen.texts).toEqual(['Deal with [name 1].']);
    const json = screen.restore('{"text":"Thanks, [name 1]!"}', (value) => JSON.stringify(value).slice(1, -1)).text;
    expect(JSON.parse(json)).toEqual({ text: 'Thanks, "Big" Co!' });
  });

  it('says what was held back by kind and count only', () => {
    expect(describeHeldBack([{ kind: 'email', count: 1 }, { kind: 'phone', count: 2 }, { kind: 'card', count: 1 }])).toBe('1 email address, 2 phone numbers and 1 card number');
    expect(describeHeldBack([{ kind: 'national-id', count: 1 }])).toBe('1 national ID number');
  });
});
