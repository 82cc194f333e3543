import { describeIssues } from '../../issues';
import { parseSizeList, planResize, resizeOptionsFromKit } from '../../layout';
import { UsageError, type Command } from '../command';
import { loadSnapshot, loadVisualKit, parseFlags } from './check';

// `onbrand resize`: plans each requested size from a master snapshot with the same core the Figma
// plugin uses. With a kit, text is held to the kit's minimum at each output size and the logo keeps
// the kit's clear space. Bad input (a zero, negative or over-4096 px size, a malformed snapshot or kit)
// exits 2 naming the field; otherwise 0, with any flags in the output for a person to review.

const usage = 'onbrand resize SNAPSHOT.json --to 728x90,300x250 [--kit KIT] [--format text|json]';

export const resizeCommand: Command = {
  name: 'resize',
  summary: 'Plan resized versions of a master creative snapshot, with constraints, text fit and logo clear space',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      { to: { type: 'string' }, kit: { type: 'string' }, format: { type: 'string' } },
      usage,
    );
    if (positionals.length !== 1) throw new UsageError(`give exactly one snapshot file\nUsage: ${usage}`);
    if (values.to === undefined) throw new UsageError(`--to SIZES is required, like --to 728x90,300x250\nUsage: ${usage}`);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got "${format}"`);

    const sizes = parseSizeList(values.to, '--to');
    const kit = values.kit ? await loadVisualKit(io, values.kit) : { issues: [] };
    const input = await loadSnapshot(io, positionals[0]!);

    const path = positionals[0]!;
    // A master with no area has nothing to scale from; the parser allows it, so it is refused here.
    const empty = (['width', 'height'] as const)
      .filter((side) => input.snapshot && !(input.snapshot[side] > 0))
      .map((side) => ({ path: `${path}: ${side}`, message: `the master frame has no ${side} to resize from` }));
    const issues = [...(sizes.ok ? [] : sizes.issues), ...kit.issues, ...input.issues, ...empty];
    if (issues.length || !sizes.ok || !input.snapshot) throw new UsageError(describeIssues(issues));

    const visual = kit.visual;
    const versions = sizes.value.map(({ width, height }) => {
      const plan = planResize(input.snapshot!, { width, height }, resizeOptionsFromKit(visual, width, height));
      return { width, height, snapshot: plan.snapshot, flags: plan.flags, actions: plan.actions };
    });
    if (format === 'json') {
      const listed = versions.map(({ width, height, snapshot, flags }) => ({ width, height, snapshot, flags }));
      io.stdout(JSON.stringify({ versions: listed }, null, 2) + '\n');
      return 0;
    }
    for (const version of versions) {
      const count = version.flags.length;
      io.stdout(`${version.width}x${version.height}: ${count ? `${count} flag${count === 1 ? '' : 's'}` : 'no flags'}\n`);
      for (const action of version.actions) io.stdout(`  - ${action}\n`);
      for (const flag of version.flags) io.stdout(`  ! ${flag.kind} ${flag.message}\n`);
    }
    return 0;
  },
};
