import { describe, expect, it } from 'vitest';
import { FakeFigma, pngSize, solid, type FakeTextNode } from '../../preview/src/figma';

function textNode(figma: FakeFigma): FakeTextNode {
  const frame = figma.add('FRAME', 'Card', { width: 400, height: 300 });
  return figma.add('TEXT', 'Copy', { x: 10, y: 10, width: 200, height: 40 }, frame).write('Save 30% today', { fontSize: 20 }, [
    { start: 5, end: 8, fontName: { family: 'Inter', style: 'Bold' }, fills: [solid('#3DDC97')] },
  ]);
}

describe('the fake figma: geometry', () => {
  it('resize() moves and stretches children by their constraints, resizeWithoutConstraints() leaves them', () => {
    const figma = new FakeFigma();
    const frame = figma.add('FRAME', 'Frame', { width: 200, height: 100 });
    const cases = { MIN: [10, 20], MAX: [110, 20], CENTER: [60, 20], STRETCH: [10, 120], SCALE: [15, 30] } as const;
    const children = Object.keys(cases).map((constraint) => {
      const child = figma.add('RECTANGLE', constraint, { x: 10, y: 10, width: 20, height: 20 }, frame);
      child.constraints = { horizontal: constraint as ConstraintType, vertical: 'MIN' };
      return child;
    });
    frame.resize(300, 100);
    expect(children.map((child) => [child.name, child.x, child.width])).toEqual(Object.entries(cases).map(([name, box]) => [name, box[0], box[1]]));
    frame.resizeWithoutConstraints(100, 100);
    expect(children[1]!.x).toBe(110);
    expect(figma.calls.count('resize')).toBe(1);
    expect(figma.calls.count('resizeWithoutConstraints')).toBe(1);
  });

  it('createFrame() makes a white 100×100 frame on the current page; createSection() a section', () => {
    const figma = new FakeFigma();
    const frame = figma.createFrame();
    const section = figma.createSection();
    expect([frame.width, frame.height, frame.parent, section.parent]).toEqual([100, 100, figma.currentPage, figma.currentPage]);
    expect((frame.fills as SolidPaint[])[0]!.color).toEqual({ r: 1, g: 1, b: 1 });
    section.appendChild(frame);
    expect(frame.parent).toBe(section);
    expect(figma.currentPage.children).toEqual([section]);
  });

  it('reflows auto-layout children when the frame, its spacing or a child changes size', () => {
    const figma = new FakeFigma();
    const row = figma.add('FRAME', 'Row', { width: 300, height: 60 });
    const a = figma.add('RECTANGLE', 'a', { width: 50, height: 20 }, row);
    const b = figma.add('RECTANGLE', 'b', { width: 70, height: 40 }, row);
    row.autoLayout('HORIZONTAL', { paddingLeft: 10, paddingTop: 10, paddingBottom: 10, itemSpacing: 5 }, { counterAxisAlignItems: 'CENTER' });
    expect([a.x, a.y, b.x, b.y]).toEqual([10, 20, 65, 10]);
    a.resizeWithoutConstraints(80, 20);
    expect(b.x).toBe(95);
    row.itemSpacing = 0;
    expect(b.x).toBe(90);
    expect(figma.calls.byName()).toEqual({ resizeWithoutConstraints: 1, 'itemSpacing.set': 1 });
  });

  it('refuses sizes under 0.01 as Figma does', () => {
    const figma = new FakeFigma();
    const frame = figma.add('FRAME', 'Frame');
    expect(() => frame.resize(0, 10)).toThrow(/>= 0.01/);
    expect(frame.width).toBe(100);
  });

  it('rescale() scales children, their positions and font sizes from the top-left', () => {
    const figma = new FakeFigma();
    const text = textNode(figma);
    const frame = text.parent as ReturnType<FakeFigma['add']> & { rescale(scale: number): void };
    frame.rescale(0.5);
    expect([frame.width, text.x, text.width]).toEqual([200, 5, 100]);
    expect(text.runsSnapshot().map((run) => run.fontSize)).toEqual([10, 10, 10]);
  });

  it('keeps strokes and scales their weight with rescale()', () => {
    const figma = new FakeFigma();
    const frame = figma.add('FRAME', 'Frame', { width: 200, height: 200 });
    const box = figma.add('RECTANGLE', 'Box', { width: 50, height: 50 }, frame);
    box.strokes = [solid('#0B1F3A')];
    box.strokeWeight = 4;
    frame.rescale(0.5);
    expect(box.strokeWeight).toBe(2);
    expect((box.strokes[0] as SolidPaint).color).toEqual(solid('#0B1F3A').color);
    expect(figma.calls.byName()).toMatchObject({ 'strokes.set': 1, 'strokeWeight.set': 1, rescale: 1 });
  });

  it('keeps group children in frame coordinates; moving the group moves them', () => {
    const figma = new FakeFigma();
    const frame = figma.add('FRAME', 'Frame', { width: 500, height: 500 });
    const group = figma.add('GROUP', 'Group', {}, frame);
    figma.add('RECTANGLE', 'a', { x: 100, y: 50, width: 10, height: 10 }, group);
    figma.add('RECTANGLE', 'b', { x: 150, y: 90, width: 20, height: 20 }, group);
    expect([group.x, group.y, group.width, group.height]).toEqual([100, 50, 70, 60]);
    group.x = 0;
    expect(group.children.map((child) => child.x)).toEqual([0, 50]);
  });

  it('clone() copies deeply with new ids, onto the current page', () => {
    const figma = new FakeFigma();
    const text = textNode(figma);
    const frame = text.parent as unknown as { clone(): { id: string; parent: unknown; children: FakeTextNode[] } };
    const copy = frame.clone();
    expect(copy.id).not.toBe((frame as unknown as { id: string }).id);
    expect(copy.parent).toBe(figma.currentPage);
    expect(copy.children[0]!.id).not.toBe(text.id);
    expect(copy.children[0]!.characters).toBe('Save 30% today');
    copy.children[0]!.write('Changed');
    expect(text.characters).toBe('Save 30% today');
    expect(figma.calls.count('clone')).toBe(1);
  });
});

describe('the fake figma: text and fonts', () => {
  it('throws when characters change before the fonts are loaded, as Figma does', async () => {
    const figma = new FakeFigma();
    const text = textNode(figma);
    expect(() => {
      text.characters = 'New';
    }).toThrow(/unloaded font "Inter Regular"/);
    await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
    expect(() => {
      text.characters = 'New';
    }).toThrow(/unloaded font "Inter Bold"/);
    await figma.loadFontAsync({ family: 'Inter', style: 'Bold' });
    text.characters = 'New copy';
    expect(text.getStyledTextSegments(['fontName']).map((run) => run.fontName!.style)).toEqual(['Regular']);
  });

  it('reads figma.mixed for mixed fonts and gives styled segments merged by the fields asked for', () => {
    const figma = new FakeFigma();
    const text = textNode(figma);
    expect(text.fontName).toBe(figma.mixed);
    expect(text.fontSize).toBe(20);
    expect(text.getStyledTextSegments(['fontSize']).map((run) => run.characters)).toEqual(['Save 30% today']);
    expect(text.getStyledTextSegments(['fontName', 'fills']).map((run) => run.characters)).toEqual(['Save ', '30%', ' today']);
    expect(text.getRangeAllFontNames(0, 14).map((font) => font.style)).toEqual(['Regular', 'Bold']);
  });

  it('keeps run styles through insertCharacters and deleteCharacters', async () => {
    const figma = new FakeFigma();
    const text = textNode(figma);
    await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
    await figma.loadFontAsync({ family: 'Inter', style: 'Bold' });
    text.insertCharacters(8, '!', 'BEFORE');
    text.deleteCharacters(5, 8);
    expect(text.characters).toBe('Save ! today');
    expect(text.getStyledTextSegments(['fontName']).map((run) => [run.characters, run.fontName!.style])).toEqual([
      ['Save ', 'Regular'],
      ['!', 'Bold'],
      [' today', 'Regular'],
    ]);
  });

  it('marks layers with fonts this machine lacks, and refuses to load them', async () => {
    const figma = new FakeFigma();
    const text = textNode(figma);
    expect(text.hasMissingFont).toBe(false);
    figma.removeFont({ family: 'Inter', style: 'Bold' });
    expect(text.hasMissingFont).toBe(true);
    await expect(figma.loadFontAsync({ family: 'Inter', style: 'Bold' })).rejects.toThrow(/could not be loaded/);
  });
});

describe('the fake figma: data, export and storage', () => {
  it('keeps plugin data and shared plugin data per node and on the document, up to about 100 kB an entry', () => {
    const figma = new FakeFigma();
    const frame = figma.add('FRAME', 'Frame');
    frame.setPluginData('k', 'v');
    figma.root.setSharedPluginData('onbrand', 'kit', '{}');
    expect(frame.getPluginData('k')).toBe('v');
    expect(frame.getPluginData('other')).toBe('');
    expect(figma.root.getSharedPluginData('onbrand', 'kit')).toBe('{}');
    expect(() => frame.setPluginData('big', 'x'.repeat(100_001))).toThrow(/limit/);
    expect(figma.calls.count('setPluginData')).toBe(2);
  });

  it('finds nodes by id until they are removed', async () => {
    const figma = new FakeFigma();
    const frame = figma.add('FRAME', 'Frame');
    const child = figma.add('RECTANGLE', 'Child', {}, frame);
    expect(await figma.getNodeByIdAsync(child.id)).toBe(child);
    frame.remove();
    expect(await figma.getNodeByIdAsync(child.id)).toBeNull();
    expect(frame.removed).toBe(true);
  });

  it('exports bytes with the format signature and the scaled pixel size', async () => {
    const figma = new FakeFigma();
    const frame = figma.add('FRAME', 'Frame', { width: 300, height: 250 });
    const png = await frame.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: 2 } });
    expect(pngSize(png)).toEqual({ width: 600, height: 500 });
    const pdf = await frame.exportAsync({ format: 'PDF' });
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const jpg = await frame.exportAsync({ format: 'JPG' });
    expect([jpg[0], jpg[1]]).toEqual([0xff, 0xd8]);
  });

  it('stores client storage values as copies, asynchronously', async () => {
    const figma = new FakeFigma();
    const value = { a: [1] };
    await figma.clientStorage.setAsync('prefs', value);
    value.a.push(2);
    expect(await figma.clientStorage.getAsync('prefs')).toEqual({ a: [1] });
    expect(figma.calls.byName()).toMatchObject({ 'clientStorage.setAsync': 1, 'clientStorage.getAsync': 1 });
  });
});
