import { describeIssues, type Issue } from '../../issues';
import { parseRoleOverrides, parseSizeList, planResize, resizeOptionsFromKit, type RoleOverrides } from '../../layout';
import { UsageError, type Command } from '../command';
import { readInput } from '../read-input';
import { loadSnapshot, loadVisualKit, parseFlags } from './check';

// `onbrand resize`: plans each requested size from a master snapshot with the same core the Figma
// plugin uses: roles, an arrangement per aspect class, the kit's text minimum, logo clear space and
// safe zone, then the layout audit. Bad input (a zero, negative or over-4096 px size, a malformed
// snapshot, kit or role file) exits 2 naming the field; audit findings left on any version exit 1;
// otherwise 0.

const usage = 'onbrand resize SNAPSHOT.json --to 728x90,300x250 [--kit KIT] [--roles ROLES.json] [--format text|json]';

export const resizeCommand: Command = {
  name: 'resize',
  summary: 'Lay out resized versions of a master creative snapshot by role, and audit each layout',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      { to: { type: 'string' }, kit: { type: 'string' }, roles: { type: 'string' }, format: { type: 'string' } },
      usage,
    );
    if (positionals.length !== 1) throw new UsageError(`give exactly one snapshot file\nUsage: ${usage}`);
    if (values.to === undefined) throw new UsageError(`--to SIZES is required, like --to 728x90,300x250\nUsage: ${usage}`);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got "${format}"`);

    const sizes = parseSizeList(values.to, '--to');
    const kit = values.kit ? await loadVisualKit(io, values.kit) : { issues: [] };
    const input = await loadSnapshot(io, positionals[0]!);
    const roles = values.roles ? await loadRoles(await readInput(io, values.roles, 'role file'), values.roles) : { issues: [] };

    const path = positionals[0]!;
    // A master with no area has nothing to scale from; the parser allows it, so it is refused here.
    const empty = (['width', 'height'] as const)
      .filter((side) => input.snapshot && !(input.snapshot[side] > 0))
      .map((side) => ({ path: `${path}: ${side}`, message: `the master frame has no ${side} to resize from` }));
    const issues = [...(sizes.ok ? [] : sizes.issues), ...kit.issues, ...input.issues, ...roles.issues, ...empty];
    if (issues.length || !sizes.ok || !input.snapshot) throw new UsageError(describeIssues(issues));

    const visual = kit.visual;
    const versions = sizes.value.map(({ width, height }) => {
      const options = { ...resizeOptionsFromKit(visual, width, height), ...(roles.overrides ? { roleOverrides: roles.overrides } : {}) };
      const plan = planResize(input.snapshot!, { width, height }, options);
      return { width, height, snapshot: plan.snapshot, flags: plan.flags, audit: plan.audit, actions: plan.actions };
    });
    const findings = versions.reduce((sum, version) => sum + version.audit.length, 0);
    if (format === 'json') {
      const listed = versions.map(({ width, height, snapshot, flags, audit }) => ({ width, height, snapshot, flags, audit }));
      io.stdout(JSON.stringify({ versions: listed }, null, 2) + '\n');
      return findings ? 1 : 0;
    }
    for (const version of versions) {
      const count = version.flags.length;
      const audit = version.audit.length;
      const said = [count ? `${count} flag${count === 1 ? '' : 's'}` : 'no flags', ...(audit ? [`${audit} audit finding${audit === 1 ? '' : 's'}`] : [])];
      io.stdout(`${version.width}x${version.height}: ${said.join(', ')}\n`);
      for (const action of version.actions) io.stdout(`  - ${action}\n`);
      for (const flag of version.flags) io.stdout(`  ! ${flag.kind} ${flag.message}\n`);
      for (const finding of version.audit) io.stdout(`  x ${finding.kind} ${finding.message}\n`);
    }
    if (findings) io.stdout(`${findings} layout audit finding${findings === 1 ? '' : 's'} remain.\n`);
    return findings ? 1 : 0;
  },
};

async function loadRoles(text: string, path: string): Promise<{ overrides?: RoleOverrides; issues: Issue[] }> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { issues: [{ path: `${path}: (root)`, message: `not valid JSON (${(error as Error).message})` }] };
  }
  const parsed = parseRoleOverrides(data);
  return parsed.ok ? { overrides: parsed.value, issues: [] } : { issues: parsed.issues.map((issue) => ({ path: `${path}: ${issue.path}`, message: issue.message })) };
}
