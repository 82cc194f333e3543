import { describe, expect, it } from 'vitest';
import { auditLayout, planByConstraints, planResize, refinePlan, resizeOptionsFromKit, sizePresets, type ResizePlan } from '../../../shared/src/layout';
import { minTextSizeFor, placeNodes, type TextNode } from '../../../shared/src/visual';
import { loadMasters } from './masters';

const masters = loadMasters();
const plans = masters.flatMap((master) =>
  sizePresets.map((preset) => ({
    master,
    preset,
    plan: planResize(master.snapshot, preset, resizeOptionsFromKit(master.visual, preset.width, preset.height)),
  })),
);

describe('resizing ten masters of different structure to all twelve presets', () => {
  it('covers at least eight masters of our own besides the example', () => {
    expect(masters).toHaveLength(10);
    expect(plans).toHaveLength(10 * sizePresets.length);
  });

  it.each(plans.map(({ master, preset, plan }) => [`${master.name} ${preset.width}×${preset.height}`, plan] as const))(
    '%s leaves no audit finding unless the version is flagged',
    (_name, plan: ResizePlan) => {
      if (plan.flags.some((flag) => flag.kind === 'layout')) return;
      expect(plan.audit).toEqual([]);
      expect(plan.flags).toEqual([]);
    },
  );

  it('flags at most one version in ten', () => {
    const flagged = plans.filter(({ plan }) => plan.flags.length).map(({ master, preset }) => `${master.name} ${preset.id}`);
    expect(flagged.length).toBeLessThanOrEqual(Math.floor(plans.length / 10));
  });

  it('gives every flagged version a reason a person can act on', () => {
    for (const { plan } of plans)
      for (const flag of plan.flags) expect(flag.message).toMatch(/No layout at \d+×\d+ keeps everything clear: .+\. The version was made anyway/);
  });

  it('keeps every headline and call to action, and never drops legal text', () => {
    for (const { plan } of plans) expect(plan.dropped.filter((entry) => ['headline', 'cta', 'logo', 'legal'].includes(entry.role))).toEqual([]);
  });

  it('says what it left out, layer by layer', () => {
    for (const { plan } of plans)
      for (const entry of plan.dropped.filter((drop) => drop.role !== 'decoration'))
        expect(plan.actions.some((action) => action.startsWith('Left out') && action.includes(entry.name))).toBe(true);
  });

  it('keeps the headline the largest text of the version', () => {
    for (const { plan } of plans) {
      if (plan.mode !== 'arranged') continue;
      const texts = placeNodes(plan.snapshot).filter((entry) => entry.node.type === 'text' && !/logo|wordmark|label|badge|name/i.test(entry.node.name)).map((entry) => entry.node as TextNode);
      const headline = texts.find((node) => plan.roles[node.id] === 'headline');
      if (!headline) continue;
      for (const other of texts)
        if (other !== headline && plan.roles[other.id] !== 'cta') expect(headline.fontSize, `${plan.snapshot.name} ${plan.snapshot.width}×${plan.snapshot.height} ${other.name}`).toBeGreaterThan(other.fontSize);
    }
  });

  it('returns each master identical at its own size', () => {
    for (const master of masters) {
      const own = { width: master.snapshot.width, height: master.snapshot.height };
      const plan = planResize(master.snapshot, own, resizeOptionsFromKit(master.visual, own.width, own.height));
      expect(plan.mode).toBe('identical');
      expect(plan.snapshot).toEqual(master.snapshot);
      expect(auditLayout(plan.snapshot, master.snapshot, { minTextSize: minTextSizeFor(master.visual, own.width, own.height) })).toEqual([]);
    }
  });
});

describe('the defect this replaces: uniform scaling by constraints', () => {
  const ledgerline = masters[0]!;
  it.each([[728, 90], [320, 50], [160, 600], [300, 250]])('at %i×%i leaves findings that the role layout does not', (width, height) => {
    const options = resizeOptionsFromKit(ledgerline.visual, width, height);
    const old = planByConstraints(ledgerline.snapshot, { width, height }, options);
    const findings = auditLayout(old.snapshot, ledgerline.snapshot, { minTextSize: options.minTextSize });
    expect(findings.map((finding) => finding.kind)).toEqual(expect.arrayContaining(['overlap']));
    const plan = planResize(ledgerline.snapshot, { width, height }, options);
    if (!plan.flags.length) expect(plan.audit).toEqual([]);
  });
});

describe('refinePlan', () => {
  const ledgerline = masters[0]!;
  const options = resizeOptionsFromKit(ledgerline.visual, 300, 600);
  const plan = planResize(ledgerline.snapshot, { width: 300, height: 600 }, options);
  const texts = placeNodes(plan.snapshot).filter((entry) => entry.node.type === 'text').map((entry) => entry.node);

  it('returns the same plan when the host measures within 2% of the estimate', () => {
    const measured = Object.fromEntries(texts.map((node) => [node.id, { width: node.width, height: node.height * 1.01 }]));
    expect(refinePlan(plan, measured)).toBe(plan);
  });

  it('lays out again around text the host set taller, in one pass, with nothing overlapping', () => {
    const headline = texts.find((node) => node.name === '#headline')!;
    const measured = { [headline.id]: { width: headline.width, height: headline.height * 1.6 } };
    const refined = refinePlan(plan, measured);
    expect(refined).not.toBe(plan);
    expect(refined.request.corrections[headline.id]).toBeCloseTo(1.6, 5);
    // Measured as the host set it, the first plan's headline box is too small; the refined one holds it.
    const corrections = new Map([[headline.id, 1.6]]);
    const auditAt = (snapshot: typeof plan.snapshot) => auditLayout(snapshot, ledgerline.snapshot, { minTextSize: options.minTextSize, corrections });
    expect(auditAt(plan.snapshot).map((finding) => finding.kind)).toContain('text-overflow');
    expect(auditAt(refined.snapshot)).toEqual([]);
    expect(refined.audit).toEqual([]);
  });
});
