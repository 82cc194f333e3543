// Resize planning on the plugin's workload: 10 sizes × 5 copy variants (50 versions) from a
// generated 60-layer master with auto layout, groups, images and a logo. Reports the planning time
// in total and per version (mean and worst), and the visual check per version, as medians of 5 runs.
// The worst version is what the plugin's 50 ms yield budget is measured against.
// Then the layout's quality: every master in examples/snapshots/masters/index.json (the example and
// masters of different structure) × the twelve presets, each with its kit: how many versions are
// flagged, and the layout audit's findings (reading order and hierarchy included) left on versions
// that are not flagged (the target is none, and at most one version in ten flagged).
import { readFileSync } from 'node:fs';
import { planResize, resizeOptionsFromKit, sizePresets, type ResizePlan } from '../../shared/src/layout';
import { checkCreative, parseSnapshot, parseVisualKit, placeNodes, visualKitSchema, type CreativeSnapshot } from '../../shared/src/visual';
import { median } from './measure';

// The masters and their kits, as the tests list them.
const qualityMasters = (JSON.parse(readFileSync('examples/snapshots/masters/index.json', 'utf8')) as { snapshot: string; kit: string }[]).map(
  (entry) => [entry.snapshot, entry.kit] as const,
);

/** Flags and audit findings over the listed masters × twelve presets. */
function layoutQuality(): Record<string, number> {
  let versions = 0;
  let flagged = 0;
  let findingsUnflagged = 0;
  let findingsAll = 0;
  let dropped = 0;
  let worst = 0;
  for (const [file, kitFile] of qualityMasters) {
    const master = parseSnapshot(JSON.parse(readFileSync(file, 'utf8')));
    const kit = parseVisualKit((JSON.parse(readFileSync(kitFile, 'utf8')) as { visual?: unknown }).visual);
    if (!master.ok || !kit.ok) throw new Error(`${file} or ${kitFile} does not parse`);
    for (const preset of sizePresets) {
      const started = performance.now();
      const plan = planResize(master.value, preset, resizeOptionsFromKit(kit.value, preset.width, preset.height));
      worst = Math.max(worst, performance.now() - started);
      versions++;
      if (plan.flags.length) flagged++;
      else findingsUnflagged += plan.audit.length;
      findingsAll += plan.audit.length;
      dropped += plan.dropped.filter((entry) => entry.role !== 'decoration').length;
    }
  }
  return {
    qualityMasters: qualityMasters.length,
    qualityVersions: versions,
    qualityFlaggedVersions: flagged,
    qualityFlaggedShare: Math.round((flagged / versions) * 1000) / 1000,
    qualityAuditFindingsUnflagged: findingsUnflagged,
    qualityAuditFindingsAll: findingsAll,
    qualityLayersLeftOut: dropped,
    qualityWorstPlanMs: Math.round(worst * 100) / 100,
  };
}

const sizes = [
  [300, 250], [728, 90], [160, 600], [300, 600], [320, 50],
  [970, 250], [336, 280], [1080, 1350], [1080, 1920], [1200, 628],
] as const;

const variants = [
  { headline: 'Close the books in days, not weeks.', body: 'Ledgerline reconciles every account automatically.', cta: 'Start free trial' },
  { headline: 'Month-end, minus the all-nighters.', body: 'Automatic reconciliation for finance teams that would rather be analysing.', cta: 'See it work' },
  { headline: 'Reconcile 10,000 transactions before lunch.', body: 'Match bank feeds, cards and invoices in one place.', cta: 'Book a demo' },
  { headline: 'Your ledger, always balanced.', body: 'Real-time matching, audit trails and approvals built in.', cta: 'Try it free' },
  { headline: 'Finance teams close 4 days faster with Ledgerline.', body: 'Join 2,000 teams who stopped chasing spreadsheets at month end.', cta: 'Get started' },
];

const text = (id: string, name: string, y: number, characters: string, fontSize: number, extra: Record<string, unknown> = {}) => ({
  id, name, type: 'text', x: 0, y, width: 480, height: fontSize * 1.2 * 2, characters, fontFamily: 'Inter',
  fontStyle: 'Regular', fontSize, fills: [{ type: 'SOLID', color: '#FFFFFF' }], textAutoResize: 'HEIGHT', layoutAlign: 'STRETCH', ...extra,
});

/** A 60-layer master: background, photo, logo group, a copy stack, a CTA, and a grid of feature cards. */
export function generatedMaster(): CreativeSnapshot {
  const cards = Array.from({ length: 9 }, (_, i) => ({
    id: `card-${i}`, name: `Feature ${i + 1}`, type: 'frame', x: 600 + (i % 3) * 150, y: 500 + Math.floor(i / 3) * 150, width: 140, height: 140,
    fills: [{ type: 'SOLID', color: '#FFFFFF' }], constraints: { horizontal: 'MAX', vertical: 'MAX' },
    children: [
      { id: `card-${i}-icon`, name: 'Icon', type: 'shape', x: 16, y: 16, width: 32, height: 32, fills: [{ type: 'SOLID', color: '#14B8A6' }] },
      { id: `card-${i}-title`, name: 'Title', type: 'text', x: 16, y: 60, width: 108, height: 24, characters: `Feature ${i + 1}`, fontFamily: 'Inter', fontStyle: 'Bold', fontSize: 18, fills: [{ type: 'SOLID', color: '#0B1F3A' }] },
      { id: `card-${i}-note`, name: 'Note', type: 'text', x: 16, y: 90, width: 108, height: 36, characters: 'Automatic matching', fontFamily: 'Inter', fontSize: 13, fills: [{ type: 'SOLID', color: '#475569' }], constraints: { horizontal: 'STRETCH', vertical: 'MIN' } },
      { id: `card-${i}-rule`, name: 'Rule', type: 'shape', x: 16, y: 132, width: 108, height: 2, fills: [{ type: 'SOLID', color: '#14B8A6' }], constraints: { horizontal: 'STRETCH', vertical: 'MAX' } },
    ],
  }));
  const raw = {
    id: 'master', name: 'Bench master', type: 'frame', x: 0, y: 0, width: 1080, height: 1080, fills: [{ type: 'SOLID', color: '#0B1F3A' }],
    children: [
      { id: 'bg', name: 'Background', type: 'shape', x: 0, y: 0, width: 1080, height: 1080, fills: [{ type: 'SOLID', color: '#0B1F3A' }], constraints: { horizontal: 'STRETCH', vertical: 'STRETCH' } },
      { id: 'divider', name: 'Divider', type: 'shape', x: 64, y: 260, width: 80, height: 6, fills: [{ type: 'SOLID', color: '#14B8A6' }], constraints: { horizontal: 'MIN', vertical: 'CENTER' } },
      { id: 'photo', name: 'Photo', type: 'image', x: 540, y: 0, width: 540, height: 460, imageWidth: 1600, imageHeight: 1200, fills: [{ type: 'IMAGE', scaleMode: 'FILL' }], constraints: { horizontal: 'MAX', vertical: 'MIN' } },
      { id: 'scrim', name: 'Scrim', type: 'shape', x: 540, y: 0, width: 540, height: 460, fills: [{ type: 'SOLID', color: '#0B1F3A', opacity: 0.3 }], constraints: { horizontal: 'MAX', vertical: 'MIN' } },
      { id: 'logo', name: '#logo', type: 'group', x: 64, y: 64, width: 252, height: 48, children: [
        { id: 'logo-mark', name: 'Mark', type: 'shape', x: 0, y: 0, width: 48, height: 48, fills: [{ type: 'SOLID', color: '#14B8A6' }] },
        { id: 'logo-word', name: 'Wordmark', type: 'text', x: 60, y: 4, width: 192, height: 40, characters: 'Ledgerline', fontFamily: 'Inter', fontStyle: 'Bold', fontSize: 33, fills: [{ type: 'SOLID', color: '#FFFFFF' }] },
      ] },
      { id: 'copy', name: 'Copy', type: 'frame', x: 64, y: 300, width: 480, height: 400, layoutMode: 'VERTICAL', itemSpacing: 24, primaryAxisSizingMode: 'AUTO', constraints: { horizontal: 'MIN', vertical: 'CENTER' }, children: [
        text('eyebrow', '#eyebrow', 0, 'FOR FINANCE TEAMS', 20, { fontStyle: 'Bold', fills: [{ type: 'SOLID', color: '#14B8A6' }] }),
        text('headline', '#headline', 0, variants[0]!.headline, 64, { fontStyle: 'Bold', lineHeight: 72 }),
        text('body', '#body', 0, variants[0]!.body, 24, { lineHeight: 34 }),
      ] },
      { id: 'cta', name: '#cta', type: 'frame', x: 64, y: 860, width: 240, height: 69, fills: [{ type: 'SOLID', color: '#14B8A6' }], layoutMode: 'HORIZONTAL', paddingLeft: 32, paddingRight: 32, paddingTop: 20, paddingBottom: 20, primaryAxisSizingMode: 'AUTO', counterAxisSizingMode: 'AUTO', constraints: { horizontal: 'MIN', vertical: 'MAX' }, children: [
        { id: 'cta-label', name: 'CTA label', type: 'text', x: 32, y: 20, width: 176, height: 29, characters: variants[0]!.cta, fontFamily: 'Inter', fontStyle: 'Bold', fontSize: 24, fills: [{ type: 'SOLID', color: '#0B1F3A' }], textAutoResize: 'WIDTH_AND_HEIGHT' },
      ] },
      ...cards,
      { id: 'legal', name: '#legal', type: 'text', x: 64, y: 1000, width: 480, height: 22, characters: 'Free 14-day trial. No credit card required.', fontFamily: 'Inter', fontSize: 16, fills: [{ type: 'SOLID', color: '#FFFFFF' }], constraints: { horizontal: 'MIN', vertical: 'MAX' } },
    ],
  };
  const parsed = parseSnapshot(raw);
  if (!parsed.ok) throw new Error(`bench master is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

function withCopy(master: CreativeSnapshot, copy: (typeof variants)[number]): CreativeSnapshot {
  const swap = (node: CreativeSnapshot['children'][number]): CreativeSnapshot['children'][number] => {
    if (node.type === 'text') {
      const slot = node.name === '#headline' ? copy.headline : node.name === '#body' ? copy.body : node.name === 'CTA label' ? copy.cta : undefined;
      return slot === undefined ? node : { ...node, characters: slot };
    }
    return node.type === 'frame' || node.type === 'group' ? { ...node, children: node.children.map(swap) } : node;
  };
  return { ...master, children: master.children.map(swap) };
}


export async function benchLayout(): Promise<Record<string, number>> {
  const master = generatedMaster();
  const kit = visualKitSchema().parse({
    palette: [{ name: 'Navy', hex: '#0B1F3A' }, { name: 'Teal', hex: '#14B8A6' }, { name: 'White', hex: '#FFFFFF' }, { name: 'Slate', hex: '#475569' }],
    fonts: [{ family: 'Inter' }],
    minTextSize: { default: 14, classes: { small: 10, medium: 12 } },
    safeZone: { margin: 0.04 },
  });
  const masters = variants.map((copy) => withCopy(master, copy));
  const totals: number[] = [];
  const worsts: number[] = [];
  const checks: number[] = [];
  let flags = 0;
  for (let run = 0; run < 5; run++) {
    let worst = 0;
    let checkTotal = 0;
    flags = 0;
    const started = performance.now();
    for (const variant of masters)
      for (const [width, height] of sizes) {
        const one = performance.now();
        const plan: ResizePlan = planResize(variant, { width, height }, { minTextSize: 12, logoClearSpace: 0.25 });
        worst = Math.max(worst, performance.now() - one);
        flags += plan.flags.length;
        const checkStarted = performance.now();
        checkCreative(plan.snapshot, { visual: kit });
        checkTotal += performance.now() - checkStarted;
      }
    totals.push(performance.now() - started - checkTotal);
    worsts.push(worst);
    checks.push(checkTotal / 50);
  }
  const total = median(totals);
  return {
    masterLayers: placeNodes(master).length,
    versions: variants.length * sizes.length,
    planTotalMs: Math.round(total * 100) / 100,
    planPerVersionMs: Math.round((total / 50) * 1000) / 1000,
    planWorstVersionMs: Math.round(median(worsts) * 1000) / 1000,
    checkPerVersionMs: Math.round(median(checks) * 1000) / 1000,
    flagsRaised: flags,
    ...layoutQuality(),
  };
}
