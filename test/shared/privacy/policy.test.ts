import { describe, expect, it } from 'vitest';
import { kitJsonSchema, parseKit } from '../../../shared/src/kit';

const minimal = { schemaVersion: 1, name: 'Acme', version: '1.0.0' };

describe("the kit's privacy section", () => {
  it('defaults to masking with nothing allowed when given empty, and is left out of a kit without one', () => {
    const parsed = parseKit({ ...minimal, privacy: {} });
    expect(parsed.ok && parsed.value.privacy).toEqual({ policy: 'mask', allow: [], names: [] });
    const plain = parseKit(minimal);
    expect(plain.ok && plain.value.privacy).toBeUndefined();
  });

  it('names the field and the choices when a policy or ID format is wrong', () => {
    const parsed = parseKit({ ...minimal, privacy: { policy: 'hide', nationalIds: ['us-ssn', 'fr-insee'], names: 'Acme' } });
    expect(parsed.ok ? [] : parsed.issues).toEqual([
      { path: 'privacy.policy', message: 'expected "mask" or "block"' },
      { path: 'privacy.names', message: 'expected array of strings' },
      { path: 'privacy.nationalIds[1]', message: 'expected "us-ssn", "uk-nino", "ca-sin" or "es-dni"' },
    ]);
  });

  it('is in the JSON Schema editors use', () => {
    expect(JSON.stringify(kitJsonSchema())).toContain('"nationalIds"');
  });
});
