import { describe, expect, it } from 'vitest';
import type { FakeFrameNode, FakeTextNode } from '../../preview/src/figma';
import { ok, rpc, sampleFile } from './harness';

function layer(frame: FakeFrameNode, name: string): FakeTextNode {
  const stack: unknown[] = [...frame.children];
  while (stack.length) {
    const next = stack.pop() as { name: string; children?: unknown[] };
    if (next.name === name) return next as unknown as FakeTextNode;
    stack.push(...(next.children ?? []));
  }
  throw new Error(name);
}

async function withVersions() {
  const file = await sampleFile();
  const made = await ok(file.figma, 'generateVersions', { sizes: ['300x250', '728x90'], copy: { mode: 'rows', rows: [{ variant: 'A', texts: { '#headline': 'Cheap plans for 30% less', '#cta': 'Try it' } }] } });
  return { ...file, versions: made.versions as { id: string; name: string }[] };
}

describe('the brand check', () => {
  it('lists visual and text findings by version, each naming its layer', async () => {
    const { figma, versions } = await withVersions();
    const out = await ok(figma, 'checkBrand', { scope: 'versions' });
    expect(out.frames.map((frame: { name: string }) => frame.name)).toEqual(versions.map((version) => version.name));
    const rules = out.frames[0].findings.map((finding: { rule: string; nodeName: string }) => `${finding.rule} ${finding.nodeName}`);
    expect(rules).toContain('visual.palette Legal line');
    expect(rules.some((rule: string) => rule.startsWith('terms.') && rule.endsWith('#headline'))).toBe(true);
    expect(out.kit).toMatchObject({ name: 'Ledgerline', version: '2.1.0' });
  });

  it('runs the layout audit on each version, and a finding selects the version\'s own layer', async () => {
    const { figma, versions } = await withVersions();
    const clean = await ok(figma, 'checkBrand', { scope: 'versions' });
    for (const frame of clean.frames) expect(frame.findings.filter((finding: { rule: string }) => finding.rule.startsWith('layout.'))).toEqual([]);
    // A person drags the CTA onto the headline in the leaderboard.
    const version = figma.findById(versions[1]!.id) as FakeFrameNode;
    const headline = layer(version, '#headline');
    const button = layer(version, 'CTA button');
    const at = (node: { x: number; y: number; parent: unknown }) => {
      let x = node.x;
      let y = node.y;
      for (let up = node.parent as { x: number; y: number; parent: unknown; type: string } | null; up && up !== (version as unknown); up = up.parent as typeof up) if (up.type !== 'GROUP') ((x += up.x), (y += up.y));
      return { x, y };
    };
    const target = at(headline as never);
    button.x = target.x;
    button.y = target.y;
    const out = await ok(figma, 'checkBrand', { scope: 'versions' });
    const overlap = out.frames[1].findings.find((finding: { rule: string }) => finding.rule === 'layout.overlap');
    expect(overlap).toMatchObject({ severity: 'error', nodeId: expect.any(String) });
    expect([headline.id, button.id]).toContain(overlap.nodeId);
    expect(overlap.message).toMatch(/overlap at 728×90; the master keeps them apart/);
    await ok(figma, 'selectNode', { id: overlap.nodeId });
    expect(figma.currentPage.selection.map((node) => node.id)).toEqual([overlap.nodeId]);
  });

  it('marks which fixes are safe in bulk, summarises a fix-all, and undoes it as a whole', async () => {
    const { figma, versions } = await withVersions();
    const out = await ok(figma, 'checkBrand', { scope: 'versions' });
    const findings = out.frames[0].findings as { rule: string; nodeId: string; fix?: { kind: string }; safe?: boolean }[];
    for (const finding of findings) if (finding.fix) expect(typeof finding.safe).toBe('boolean');
    const colour = findings.find((finding) => finding.rule === 'visual.palette' && finding.fix?.kind === 'fill')!;
    const node = figma.findById(colour.nodeId) as unknown as { fills: SolidPaint[] };
    const before = JSON.stringify(node.fills);
    const steps = figma.undoSteps;
    const fixed = await ok(figma, 'applyFixes', { fixes: [colour.fix] });
    expect(fixed.applied).toBe(1);
    expect(fixed.changes).toEqual([expect.stringMatching(/→ #[0-9A-F]{6}$/)]);
    expect(figma.undoSteps - steps).toBe(1);
    expect(JSON.stringify(node.fills)).not.toBe(before);
    await ok(figma, 'applyFixes', { fixes: fixed.undo });
    expect((node.fills[0]!.color.r * 255).toFixed(0)).toBe((JSON.parse(before)[0].color.r * 255).toFixed(0));
    expect(versions).toHaveLength(2);
  });

  it('checks only contrast when the file has no kit, and says so', async () => {
    const { figma, master } = await sampleFile({ kit: false });
    figma.currentPage.selectAsUser([master]);
    const out = await ok(figma, 'checkBrand', { scope: 'selection' });
    expect(out.notices[0]).toMatch(/No brand kit/);
    expect(out.frames[0].findings.every((finding: { rule: string }) => finding.rule === 'visual.contrast')).toBe(true);
  });

  it('selects and zooms to the layer of a finding', async () => {
    const { figma } = await withVersions();
    const out = await ok(figma, 'checkBrand', { scope: 'versions' });
    const finding = out.frames[0].findings[0];
    await ok(figma, 'selectNode', { id: finding.nodeId });
    expect(figma.currentPage.selectionSnapshot().map((node) => node.id)).toEqual([finding.nodeId]);
    expect(figma.zoomedTo).toEqual([finding.nodeId]);
  });
});

describe('auto-fix', () => {
  it('snaps an off-palette colour to the nearest palette colour and raises small text, as one undo step', async () => {
    const { figma, master } = await sampleFile();
    figma.currentPage.selectAsUser([master]);
    const out = await ok(figma, 'checkBrand', { scope: 'selection' });
    const fixes = out.frames[0].findings.flatMap((finding: { fix?: unknown }) => (finding.fix ? [finding.fix] : []));
    expect(fixes.map((fix: { kind: string }) => fix.kind).sort()).toEqual(['fill', 'fontSize']);
    const steps = figma.undoSteps;
    const applied = await ok(figma, 'applyFixes', { fixes });
    expect(applied).toMatchObject({ applied: 2, skipped: [] });
    expect(applied.changes).toHaveLength(2);
    expect(figma.undoSteps - steps).toBe(1);
    const legal = layer(master, 'Legal line');
    expect(legal.fontSize).toBe(12);
    expect((legal.fills as SolidPaint[])[0]!.color).toEqual({ r: 1, g: 1, b: 1 });
    const again = await ok(figma, 'checkBrand', { scope: 'selection' });
    expect(again.frames[0].findings.filter((finding: { fix?: unknown }) => finding.fix)).toEqual([]);
  });

  it('undoes a fix-all as a whole step, lowering the font sizes it raised run by run', async () => {
    const { figma, master } = await sampleFile();
    const legal = layer(master, 'Legal line');
    // Two runs below the minimum, at different sizes: each goes back to its own size.
    await figma.loadFontAsync(legal.fontName as FontName);
    legal.setRangeFontSize(0, 4, 8);
    const sizes = () => legal.getStyledTextSegments(['fontSize']).map((run) => [run.start, run.end, run.fontSize]);
    const colour = () => legal.getStyledTextSegments(['fills']).map((run) => (run.fills as SolidPaint[]).map((paint) => [paint.color.r, paint.color.g, paint.color.b].map((c) => Math.round(c * 255))));
    const colours = colour();
    const before = sizes();
    expect(new Set(before.map((run) => run[2])).size).toBeGreaterThan(1);
    figma.currentPage.selectAsUser([master]);
    const out = await ok(figma, 'checkBrand', { scope: 'selection' });
    const fixes = out.frames[0].findings.flatMap((finding: { fix?: unknown }) => (finding.fix ? [finding.fix] : []));
    const applied = await ok(figma, 'applyFixes', { fixes });
    expect(legal.fontSize).toBe(12);
    const steps = figma.undoSteps;
    const undone = await ok(figma, 'applyFixes', { fixes: applied.undo });
    expect(undone.skipped).toEqual([]);
    expect(figma.undoSteps - steps).toBe(1);
    expect(sizes()).toEqual(before);
    expect(colour()).toEqual(colours);
  });

  it('replaces a banned word keeping its style, and refuses when the words changed since the check', async () => {
    const { figma, versions } = await withVersions();
    const out = await ok(figma, 'checkBrand', { scope: 'versions' });
    const term = out.frames[0].findings.find((finding: { rule: string; fix?: { kind: string } }) => finding.fix?.kind === 'text');
    expect(term.fix).toMatchObject({ match: 'Cheap', replacement: 'Affordable' });
    const headline = layer(figma.findById(versions[0]!.id) as FakeFrameNode, '#headline');
    const style = headline.getStyledTextSegments(['fontName'])[0]!.fontName;
    await ok(figma, 'applyFixes', { fixes: [term.fix] });
    expect(headline.characters).toBe('Affordable plans for 30% less');
    expect(headline.getStyledTextSegments(['fontName'])[0]!.fontName).toEqual(style);
    const stale = await ok(figma, 'applyFixes', { fixes: [term.fix] });
    expect(stale.applied).toBe(0);
    expect(stale.skipped[0]).toMatch(/changed since the check/);
  });

  it('skips locked layers and names them', async () => {
    const { figma, master } = await sampleFile();
    figma.currentPage.selectAsUser([master]);
    const out = await ok(figma, 'checkBrand', { scope: 'selection' });
    layer(master, 'Legal line').lockAsUser();
    const fix = out.frames[0].findings.find((finding: { fix?: { kind: string } }) => finding.fix?.kind === 'fill').fix;
    figma.calls.reset();
    const result = await ok(figma, 'applyFixes', { fixes: [fix] });
    expect(result).toEqual({ applied: 0, skipped: ['"Legal line" is locked; unlock it to fix it.'], changes: [], undo: [] });
    expect(figma.calls.count('fills.set')).toBe(0);
    expect(figma.calls.count('commitUndo')).toBe(0);
  });

  it('skips a text layer whose font is missing', async () => {
    const { figma, master } = await sampleFile();
    figma.currentPage.selectAsUser([master]);
    const out = await ok(figma, 'checkBrand', { scope: 'selection' });
    const fix = out.frames[0].findings.find((finding: { fix?: { kind: string } }) => finding.fix?.kind === 'fontSize').fix;
    figma.removeFont({ family: 'Inter', style: 'Regular' });
    const result = await rpc(figma, 'applyFixes', { fixes: [fix] });
    expect(result).toMatchObject({ ok: true, value: { applied: 0, skipped: [expect.stringMatching(/font that is missing/)] } });
  });
});
