import { describe, expect, it } from 'vitest';
import { FakeFigma } from '../../preview/src/figma';

async function textLayer(mode: 'HEIGHT' | 'WIDTH_AND_HEIGHT') {
  const figma = new FakeFigma();
  await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
  const text = figma.add('TEXT', 'Copy', { width: 200, height: 20 }).write('Save', { fontSize: 20 }).autoResize(mode);
  return { figma, text };
}

describe('the fake figma: text that sizes to its content', () => {
  it('grows an auto-height layer line by line as its text, width, size and line height change', async () => {
    const { text } = await textLayer('HEIGHT');
    expect([text.width, text.height]).toEqual([200, 24]);
    text.characters = 'Save 30% on every plan when you switch before the end of April';
    const wrapped = text.height;
    expect(wrapped % 24).toBe(0);
    expect(wrapped).toBeGreaterThanOrEqual(72);
    text.resize(600, 10);
    expect(text.width).toBe(600);
    expect(text.height).toBeLessThan(wrapped);
    text.fontSize = 40;
    expect(text.height % 48).toBe(0);
    text.lineHeight = { unit: 'PIXELS', value: 50 };
    expect(text.height % 50).toBe(0);
    text.deleteCharacters(4, text.characters.length);
    expect(text.height).toBe(50);
  });

  it('sizes an auto-width layer to its longest line without wrapping, and fixes the width once resized', async () => {
    const { text } = await textLayer('WIDTH_AND_HEIGHT');
    const short = text.width;
    text.characters = 'Save 30% today';
    expect(text.width).toBeGreaterThan(short);
    expect(text.height).toBe(24);
    text.characters = 'Save\n30% today';
    expect(text.height).toBe(48);
    text.resizeWithoutConstraints(60, 10);
    expect(text.textAutoResize).toBe('HEIGHT');
    expect(text.width).toBe(60);
  });

  it('leaves a fixed-size layer as it is', async () => {
    const figma = new FakeFigma();
    await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
    const text = figma.add('TEXT', 'Copy', { width: 50, height: 20 }).write('Save');
    text.characters = 'A much longer line of copy than the box holds';
    expect([text.width, text.height]).toEqual([50, 20]);
  });

  it('moves the siblings in an auto-layout frame when a layer grows', async () => {
    const figma = new FakeFigma();
    await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
    const column = figma.add('FRAME', 'Column', { width: 220, height: 400 });
    const text = figma.add('TEXT', 'Copy', { width: 200, height: 24 }, column).write('Save', { fontSize: 20 }).autoResize('HEIGHT');
    const button = figma.add('RECTANGLE', 'Button', { width: 200, height: 40 }, column);
    column.autoLayout('VERTICAL', { paddingTop: 10, itemSpacing: 8 });
    expect(button.y).toBe(42);
    text.characters = 'Save 30% on every plan when you switch before the end of April';
    expect(button.y).toBe(10 + text.height + 8);
  });

  it('refuses to resize a text layer whose font is missing', async () => {
    const { figma, text } = await textLayer('HEIGHT');
    figma.removeFont({ family: 'Inter', style: 'Regular' });
    expect(() => text.resize(300, 40)).toThrow(/unloaded font "Inter Regular"/);
    expect(text.width).toBe(200);
  });
});
