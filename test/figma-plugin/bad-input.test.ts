import { describe, expect, it } from 'vitest';
import { rpc, sampleFile } from './harness';

const writes = (byName: Record<string, number>) => Object.entries(byName).filter(([name]) => /\.set$|^(clone|appendChild|createSection|resize\w*|setPluginData|setSharedPluginData|remove|commitUndo)$/.test(name) && name !== 'selection.set');

async function refused(input: unknown, prepare?: (file: Awaited<ReturnType<typeof sampleFile>>) => void, endpoint = 'generateVersions') {
  const file = await sampleFile();
  prepare?.(file);
  const pageBefore = file.figma.currentPage.children.length;
  file.figma.calls.reset();
  const result = await rpc(file.figma, endpoint, input);
  expect(result.ok).toBe(false);
  // Nothing changed: no layer made, no write of any kind.
  expect(file.figma.currentPage.children.length).toBe(pageBefore);
  expect(writes(file.figma.calls.byName())).toEqual([]);
  return (result as { error: { code: string; message: string } }).error;
}

const rows = { mode: 'rows', rows: [{ variant: 'A', texts: { '#headline': 'Hello' } }] };

describe('bad input gets a clear notice and changes nothing', () => {
  it('no selection', async () => {
    const error = await refused({ sizes: ['300x250'], copy: rows }, ({ figma }) => figma.currentPage.selectAsUser([]));
    expect(error).toEqual({ code: 'no_selection', message: 'Select a master frame on the canvas first, then try again.' });
  });

  it('a selection that is not a frame', async () => {
    const error = await refused({ sizes: ['300x250'], copy: rows }, ({ figma }) => figma.currentPage.selectAsUser([figma.currentPage.children.find((node) => node.type === 'TEXT')!]));
    expect(error.code).toBe('not_a_frame');
    expect(error.message).toBe('"Note: check legal line" is a text layer, not a frame. Select a frame to use as the master.');
  });

  it('a zero size and a huge size, each named', async () => {
    const error = await refused({ sizes: ['0x250', '300x250', '9000x9000'], copy: rows });
    expect(error.code).toBe('bad_size');
    expect(error.message).toContain('0x250: the width 0 must be at least 1 px');
    expect(error.message).toContain('9000x9000: the width 9000 px is over the 4096 px limit');
  });

  it('no sizes at all', async () => {
    expect((await refused({ sizes: [], copy: rows })).code).toBe('no_sizes');
  });

  it('an empty variant list', async () => {
    const error = await refused({ sizes: ['300x250'], copy: { mode: 'rows', rows: [] } });
    expect(error.code).toBe('no_variants');
    expect(error.message).toMatch(/variant list is empty/);
  });

  it('variant columns that match no layer', async () => {
    const error = await refused({ sizes: ['300x250'], copy: { mode: 'rows', rows: [{ variant: 'A', texts: { '#tagline': 'Hi' } }] } });
    expect(error.code).toBe('no_matching_layers');
    expect(error.message).toContain('#tagline');
  });

  it('a naming template with an unknown token', async () => {
    const error = await refused({ sizes: ['300x250'], copy: rows, nameTemplate: '{master}/{colour}' });
    expect(error.code).toBe('bad_template');
    expect(error.message).toContain('{colour}');
  });

  it('a version selected as the master', async () => {
    const file = await sampleFile();
    const made = await rpc(file.figma, 'generateVersions', { sizes: ['300x250'], copy: { mode: 'master' } });
    const versionId = (made as { value: { versions: { id: string }[] } }).value.versions[0]!.id;
    file.figma.currentPage.selectAsUser([file.figma.findById(versionId)!]);
    const result = await rpc(file.figma, 'generateVersions', { sizes: ['728x90'], copy: { mode: 'master' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'is_version' } });
  });

  it('input outside the contract', async () => {
    const error = await refused({ sizes: ['300x250'], copy: { mode: 'generated', bySize: 'nope', provenance: {} } });
    expect(error.code).toBe('bad_input');
  });
});

describe('locked layers', () => {
  it('a locked master still makes versions; locked layers inside are left locked', async () => {
    const { figma, master } = await sampleFile();
    master.lockAsUser();
    const result = await rpc(figma, 'generateVersions', { sizes: ['300x250'], copy: { mode: 'master' } });
    expect(result.ok).toBe(true);
    expect(master.locked).toBe(true);
  });
});

describe('checking and updating with nothing to work on', () => {
  it('the check with nothing selected, or before any version exists, says so', async () => {
    expect((await refused({ scope: 'selection' }, ({ figma }) => figma.currentPage.selectAsUser([]), 'checkBrand')).code).toBe('no_selection');
    expect((await refused({ scope: 'versions' }, undefined, 'checkBrand')).code).toBe('no_versions');
  });

  it('an update before any version exists says so', async () => {
    expect((await refused({ scope: 'all' }, undefined, 'updateVersions')).code).toBe('no_versions');
  });
});
