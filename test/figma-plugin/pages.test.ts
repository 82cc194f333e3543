import { describe, expect, it } from 'vitest';
import { FakeFigma } from '../../preview/src/figma';
import { currentPageSetterError } from '../../preview/src/figma/fake-figma';
import { foreignSelectionError, unloadedPageError } from '../../preview/src/figma/fake-nodes';
import { ok, sampleFile } from './harness';

describe('the fake figma: pages under documentAccess "dynamic-page"', () => {
  function twoPages() {
    const figma = new FakeFigma();
    const here = figma.add('FRAME', 'Here');
    const other = figma.addPage('Archive');
    figma.openPage(other);
    const away = figma.add('FRAME', 'Away');
    figma.openPage(figma.root.children[0]!);
    other.loaded = false;
    return { figma, here, other, away };
  }

  it("refuses another page's children until that page is loaded, with Figma's message", async () => {
    const { figma, other, away } = twoPages();
    expect(() => other.children).toThrow(unloadedPageError);
    await other.loadAsync();
    expect(other.children).toEqual([away]);
    expect(figma.calls.count('loadAsync')).toBe(1);
  });

  it('loads the page of a node found by id, and every page with loadAllPagesAsync', async () => {
    const first = twoPages();
    expect(await first.figma.getNodeByIdAsync(first.away.id)).toBe(first.away);
    expect(first.other.children).toEqual([first.away]);
    const second = twoPages();
    await second.figma.loadAllPagesAsync();
    expect(second.other.children).toEqual([second.away]);
  });

  it('refuses assigning figma.currentPage and switches with setCurrentPageAsync', async () => {
    const { figma, other } = twoPages();
    expect(() => {
      (figma as { currentPage: unknown }).currentPage = other;
    }).toThrow(currentPageSetterError);
    await figma.setCurrentPageAsync(other);
    expect(figma.currentPage).toBe(other);
    expect(other.loaded).toBe(true);
  });

  it('keeps a selection per page and refuses a layer of another page in it', async () => {
    const { figma, here, other, away } = twoPages();
    figma.currentPage.selectAsUser([here]);
    expect(() => {
      figma.currentPage.selection = [away];
    }).toThrow(foreignSelectionError);
    await figma.setCurrentPageAsync(other);
    expect(figma.currentPage.selection).toEqual([]);
    figma.currentPage.selection = [away];
    expect(figma.root.children[0]!.selectionSnapshot()).toEqual([here]);
  });
});

describe('jumping to a layer on another page', () => {
  it('opens its page before selecting it and zooming to it', async () => {
    const { figma, master } = await sampleFile();
    const elsewhere = figma.addPage('Elsewhere');
    figma.openPage(elsewhere);
    const found = await ok(figma, 'selectNode', { id: master.id });
    expect(found).toEqual({ found: true });
    expect(figma.currentPage).toBe(figma.root.children[0]);
    expect(figma.currentPage.selectionSnapshot()).toEqual([master]);
    expect(figma.zoomedTo).toEqual([master.id]);
    expect(figma.calls.count('setCurrentPageAsync')).toBe(1);
  });
});

describe('versions on another page', () => {
  it('are checked and updated there, and a finding in one opens its page', async () => {
    const { figma, master } = await sampleFile();
    const made = await ok(figma, 'generateVersions', { sizes: ['300x250'], copy: { mode: 'master' } });
    const section = figma.findById(made.versions[0].id)!.parent!;
    // The team keeps versions on a page of their own, closed when the plugin starts.
    const archive = figma.addPage('Versions');
    archive.adopt(section as never);
    const checked = await ok(figma, 'checkBrand', { scope: 'versions' });
    expect(checked.frames).toHaveLength(1);
    const updated = await ok(figma, 'updateVersions', { scope: 'all' });
    expect(updated.updated).toBe(1);
    const finding = checked.frames[0].findings[0];
    await ok(figma, 'selectNode', { id: finding.nodeId });
    expect(figma.currentPage).toBe(archive);
    expect(figma.currentPage.selectionSnapshot().map((node) => node.id)).toEqual([finding.nodeId]);
    expect(figma.root.children[0]!.selectionSnapshot()).toEqual([master]);
  });
});
