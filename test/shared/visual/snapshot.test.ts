import { describe, expect, it } from 'vitest';
import { parseSnapshot, parseSnapshotJson, visualKitSchema } from '../../../shared/src/visual';

const frame = (children: unknown[] = []) => ({ id: '1:1', type: 'frame', name: 'Master', x: 0, y: 0, width: 1080, height: 1080, children });

describe('creative snapshot', () => {
  it('fills in Figma defaults for what the adapter leaves out', () => {
    const parsed = parseSnapshot(
      frame([{ id: '1:2', type: 'text', x: 10, y: 10, width: 200, height: 40, characters: 'Hi', fontFamily: 'Inter', fontSize: 32 }]),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const text = parsed.value.children[0]!;
    expect(text).toMatchObject({
      visible: true,
      locked: false,
      opacity: 1,
      rotation: 0,
      constraints: { horizontal: 'MIN', vertical: 'MIN' },
      fills: [],
      fontStyle: 'Regular',
      textAutoResize: 'NONE',
    });
    expect(parsed.value).toMatchObject({ layoutMode: 'NONE', clipsContent: true, itemSpacing: 0 });
  });

  it('names every bad path, however deep', () => {
    const parsed = parseSnapshot(
      frame([
        { id: 'a', type: 'text', x: 0, y: 0, width: -1, height: 5, characters: 'hi', fontFamily: 'Inter', fontSize: 'big' },
        { id: 'b', type: 'blob', x: 0, y: 0, width: 1, height: 1 },
        {
          id: 'c',
          type: 'group',
          x: 0,
          y: 0,
          width: 1,
          height: 1,
          children: [{ id: 'd', type: 'shape', x: 0, y: 0, width: 1, height: 1, fills: [{ type: 'SOLID', color: 'navy' }] }],
        },
        { id: 'e', type: 'shape', x: 0, y: 0, width: 1, height: 1, constraints: { horizontal: 'LEFT', vertical: 'MIN' } },
      ]),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((issue) => issue.path)).toEqual([
      'children[0].width',
      'children[0].fontSize',
      'children[1].type',
      'children[2].children[0].fills[0].color',
      'children[3].constraints.horizontal',
    ]);
    expect(parsed.issues[3]!.message).toMatch(/hex colour/);
  });

  it('refuses a root that is not a frame', () => {
    const parsed = parseSnapshot({ ...frame(), type: 'group' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]!.path).toBe('type');
  });

  it('refuses duplicate layer ids and text ranges outside the text', () => {
    const parsed = parseSnapshot(
      frame([
        { id: 'x', type: 'text', x: 0, y: 0, width: 1, height: 1, characters: 'Go', fontFamily: 'Inter', fontSize: 12, segments: [{ start: 0, end: 5 }] },
        { id: 'x', type: 'shape', x: 0, y: 0, width: 1, height: 1 },
      ]),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([
      { path: 'children[0].segments[0]', message: 'the range 0–5 is outside the text (length 2)' },
      { path: 'children[1].id', message: 'the layer id "x" is already used at children[0].id' },
    ]);
  });

  it('reports bad JSON as an issue at the root', () => {
    const parsed = parseSnapshotJson('{"id": ');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]!.path).toBe('(root)');
  });
});

describe('visual kit schema', () => {
  it('accepts an empty visual section with defaults', () => {
    const kit = visualKitSchema().parse({});
    expect(kit).toEqual({
      palette: [],
      paletteTolerance: 2.3,
      fonts: [],
      contrast: 'AA',
      logo: { namePattern: '#logo', clearSpace: 0.25 },
    });
  });

  it('refuses a palette colour that is not hex, by path', () => {
    const result = visualKitSchema().safeParse({ palette: [{ name: 'Navy', hex: '#0B1F3A' }, { name: 'Teal', hex: 'teal' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['palette', 1, 'hex']);
  });
});
