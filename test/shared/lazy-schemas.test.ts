import { beforeEach, describe, expect, it, vi } from 'vitest';

// Apps Script evaluates the whole bundle on every call, so the kit, brief, pack and prompt modules must
// build no zod schema when they load. Every schema constructor the core calls is counted here.
const built = vi.hoisted(() => ({ count: 0 }));

vi.mock('../../shared/src/zod', async (importOriginal) => {
  const zod = await importOriginal<Record<string, unknown>>();
  const constructors = ['object', 'strictObject', 'string', 'number', 'int', 'boolean', 'array', 'record', 'enum', 'literal', 'union', 'discriminatedUnion', 'optional', '_default'];
  const counted = Object.fromEntries(
    constructors.map((name) => {
      const make = zod[name] as (...args: unknown[]) => unknown;
      return [name, (...args: unknown[]) => (built.count++, make(...args))];
    }),
  );
  return { ...zod, ...counted };
});

const minimalKit = { schemaVersion: 1, name: 'Acme', version: '1.0.0' };
const brief = { campaign: 'Spring', product: 'Trail shoe', audience: 'Runners', keyMessage: 'Grip on wet rock', benefits: ['Grip'], cta: 'Shop now' };

beforeEach(() => {
  vi.resetModules();
  built.count = 0;
});

describe('schemas built on first use', () => {
  it('builds no schema when the kit module loads', async () => {
    await import('../../shared/src/kit');
    expect(built.count).toBe(0);
  });

  it('builds the kit schema on the first parse and reuses it for later parses and the JSON Schema', async () => {
    const { kitJsonSchema, parseKit } = await import('../../shared/src/kit');
    expect(parseKit(minimalKit).ok).toBe(true);
    const afterFirst = built.count;
    expect(afterFirst).toBeGreaterThan(0);
    expect(parseKit({ ...minimalKit, terms: [{ term: 'Acme', status: 'approved' }] }).ok).toBe(true);
    expect(kitJsonSchema().title).toBe('Onbrand brand kit');
    expect(built.count).toBe(afterFirst);
  });

  it('builds no schema when the visual checks load, and the default visual rules on the first check', async () => {
    const { checkCreative } = await import('../../shared/src/visual/check');
    expect(built.count).toBe(0);
    const { frame, snapshot } = await import('../fixtures/snapshots/build');
    const banner = snapshot(frame('banner', [0, 0, 300, 250]));
    const beforeCheck = built.count;
    checkCreative(banner, {});
    const afterFirst = built.count;
    expect(afterFirst).toBeGreaterThan(beforeCheck);
    checkCreative(banner, {});
    expect(built.count).toBe(afterFirst);
  });

  it('builds no schema when the brief and pack modules load, and the brief schema once', async () => {
    const { parseBrief } = await import('../../shared/src/generate/brief');
    const { packCopySchema } = await import('../../shared/src/generate/pack');
    expect(built.count).toBe(0);
    expect(parseBrief(brief).ok).toBe(true);
    const afterFirst = built.count;
    expect(afterFirst).toBeGreaterThan(0);
    expect(parseBrief({ ...brief, benefits: [] }).ok).toBe(false);
    expect(built.count).toBe(afterFirst);
    expect(packCopySchema()).toBe(packCopySchema());
  });

  it('builds no schema when the prompt templates load, and a template input schema once, on its first render', async () => {
    const { renderTemplate } = await import('../../shared/src/prompts');
    const { parseKit } = await import('../../shared/src/kit');
    expect(built.count).toBe(0);
    const parsed = parseKit(minimalKit);
    if (!parsed.ok) throw new Error('the minimal kit does not parse');
    const beforeRender = built.count;
    const vars = { brief: { ...brief, offer: '', approvedClaims: [] }, count: 3, maxGraphemes: 60 };
    expect(renderTemplate('subject-lines', vars, parsed.value).ok).toBe(true);
    const afterFirst = built.count;
    expect(afterFirst).toBeGreaterThan(beforeRender);
    expect(renderTemplate('subject-lines', { ...vars, count: 5 }, parsed.value).ok).toBe(true);
    expect(renderTemplate('subject-lines', { ...vars, count: 0 }, parsed.value).ok).toBe(false);
    expect(built.count).toBe(afterFirst);
  });
});
