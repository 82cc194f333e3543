import type { BrandKit } from '@onbrand/shared/kit';
import { copyLimitsForSize, planResize, refinePlan, resizeOptionsFromKit, type MeasuredText, type ResizePlan, type RoleOverrides } from '@onbrand/shared/layout';
import { countGraphemes } from '@onbrand/shared/text';
import { type CreativeSnapshot, type SnapshotNode } from '@onbrand/shared/visual';
import type { VersionFlag } from '../contract';
import { remapRanges } from './copy-ranges';
import { slotName } from './snapshot';

/** The master with each `#name` layer's copy swapped for the variant's, styled runs carried over; `dropped` names runs whose words are gone. */
export function withCopy<T extends SnapshotNode>(node: T, texts: Readonly<Record<string, string>>, dropped: VersionFlag[] = []): T {
  if (node.type === 'frame' || node.type === 'group') return { ...node, children: node.children.map((child) => withCopy(child, texts, dropped)) };
  if (node.type !== 'text') return node;
  const slot = slotName(node.name);
  const text = slot ? texts[slot] : undefined;
  if (text === undefined || text === node.characters) return node;
  const segments = node.segments;
  if (!segments?.length) return { ...node, characters: text };
  const ranges = remapRanges(node.characters, segments, text);
  ranges.forEach((range, index) => {
    const run = segments[index]!;
    if (!range && node.characters.slice(run.start, run.end).trim())
      dropped.push({
        kind: 'style-dropped',
        nodeId: node.id,
        nodeName: node.name,
        message: `The styled words "${node.characters.slice(run.start, run.end).trim()}" of ${node.name} are not in the new copy, so their style (colour, weight or link) was left out.`,
      });
  });
  // Runs may overlap after remapping; the snapshot keeps them in order, later runs on top, as applied.
  const remapped = segments.flatMap((run, index) => (ranges[index] ? [{ ...run, ...ranges[index] }] : []));
  return { ...node, characters: text, ...(remapped.length > 1 ? { segments: remapped } : { segments: undefined }) };
}

export interface VersionPlan {
  /** The master with the variant's copy, before resizing: what the clone holds once the copy is swapped. */
  source: CreativeSnapshot;
  plan: ResizePlan;
  flags: VersionFlag[];
}

const limitedSlots = { '#headline': 'headline', '#body': 'body', '#cta': 'cta' } as const;

/** Plans one version: the variant's copy, then the role-based resize with the kit's text minimum, logo rules and safe zone. */
export function planVersion(
  master: CreativeSnapshot,
  size: { width: number; height: number },
  texts: Readonly<Record<string, string>>,
  kit: BrandKit | null,
  roles: RoleOverrides = {},
): VersionPlan {
  const dropped: VersionFlag[] = [];
  const source = withCopy(master, texts, dropped);
  const options = { ...resizeOptionsFromKit(kit?.visual, size.width, size.height), roleOverrides: roles };
  const plan = planResize(source, size, options);
  return { source, plan, flags: versionFlags(plan, dropped, size, texts, options.minTextSize) };
}

/**
 * The plan again with the text sizes Figma laid out (read back from the version's text layers after
 * the first pass): one more pass in the core, never a round trip per layer.
 */
export function refineVersion(planned: VersionPlan, measured: Readonly<Record<string, MeasuredText>>, texts: Readonly<Record<string, string>>): VersionPlan {
  const plan = refinePlan(planned.plan, measured);
  if (plan === planned.plan) return planned;
  const size = plan.request.target;
  const styleFlags = planned.flags.filter((flag) => flag.kind === 'style-dropped');
  return { ...planned, plan, flags: versionFlags(plan, styleFlags, size, texts, plan.request.options.minTextSize) };
}

function versionFlags(plan: ResizePlan, dropped: VersionFlag[], size: { width: number; height: number }, texts: Readonly<Record<string, string>>, minTextSize: number | undefined): VersionFlag[] {
  const limits = copyLimitsForSize(size.width, size.height, minTextSize);
  const flags: VersionFlag[] = [...plan.flags.map((flag) => ({ ...flag })), ...dropped];
  for (const [slot, text] of Object.entries(texts)) {
    const kind = limitedSlots[slot as keyof typeof limitedSlots];
    if (!kind) continue;
    const length = countGraphemes(text);
    if (length > limits[kind])
      flags.push({
        kind: 'copy-too-long',
        nodeId: '',
        nodeName: slot,
        message: `The ${slot} copy has ${length} characters; ${size.width}×${size.height} fits about ${limits[kind]}.`,
      });
  }
  return flags;
}
