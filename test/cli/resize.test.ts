import { describe, expect, it } from 'vitest';
import { resizeCommand } from '../../shared/src/cli/commands/resize';
import { parseSnapshot } from '../../shared/src/visual';
import { readRepoFile, runCli } from '../fixtures/snapshots/cli-run';

const files = {
  'kit.json': readRepoFile('test/fixtures/snapshots/ledgerline-kit.json'),
  'master.json': readRepoFile('examples/snapshots/ledgerline-master.json'),
};
const resize = (argv: string[], extra: Record<string, string> = {}) => runCli(resizeCommand, { ...files, ...extra }, argv);

describe('onbrand resize', () => {
  it('prints { versions: [{ width, height, snapshot, flags, audit }] } for each size, in order', async () => {
    const { code, stdout, stderr } = await resize(['master.json', '--to', '728x90,300x250', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { versions, ...rest } = JSON.parse(stdout);
    expect(rest).toEqual({});
    expect(versions.map((v: { width: number; height: number }) => [v.width, v.height])).toEqual([[728, 90], [300, 250]]);
    for (const version of versions) {
      expect(Object.keys(version)).toEqual(['width', 'height', 'snapshot', 'flags', 'audit']);
      const parsed = parseSnapshot(version.snapshot);
      expect(parsed.ok).toBe(true);
      expect(version.snapshot).toMatchObject({ width: version.width, height: version.height, id: '1:1' });
      for (const flag of version.flags) expect(Object.keys(flag)).toEqual(['kind', 'nodeId', 'nodeName', 'message']);
      expect(version.audit).toEqual([]);
    }
  });

  it('leaves out what a leaderboard has no room for by hiding it, and keeps headline, call to action, logo and legal', async () => {
    const { stdout } = await resize(['master.json', '--to', '728x90', '--kit', 'kit.json', '--format', 'json']);
    const { snapshot } = JSON.parse(stdout).versions[0];
    const byId = new Map<string, { visible: boolean }>();
    const walk = (node: { id: string; visible: boolean; children?: unknown[] }) => {
      byId.set(node.id, node);
      (node.children as (typeof node)[] | undefined)?.forEach(walk);
    };
    walk(snapshot);
    expect(byId.get('1:12')!.visible).toBe(false); // body
    expect(byId.get('1:3')!.visible).toBe(false); // photo
    expect(byId.get('1:15')!.visible).toBe(false); // badge
    for (const kept of ['1:5', '1:11', '1:13', '1:18']) expect(byId.get(kept)!.visible).toBe(true);
  });

  it('holds text to the kit\'s minimum at each output size', async () => {
    const { stdout } = await resize(['master.json', '--to', '728x90,300x250,1080x1350', '--kit', 'kit.json', '--format', 'json']);
    const minimums = [10, 12, 14]; // small, medium and default classes in the kit
    const { versions } = JSON.parse(stdout);
    versions.forEach((version: { snapshot: { children: { type: string; id: string; fontSize?: number; children?: unknown[] }[] } }, index: number) => {
      const legal = version.snapshot.children.find((child) => child.id === '1:18')!;
      expect(legal.fontSize).toBeGreaterThanOrEqual(minimums[index]!);
    });
    // Without a kit the display floor of 10 px holds.
    const bare = JSON.parse((await resize(['master.json', '--to', '728x90', '--format', 'json'])).stdout);
    const legal = bare.versions[0].snapshot.children.find((child: { id: string }) => child.id === '1:18');
    expect(legal.fontSize).toBeGreaterThanOrEqual(10);
  });

  it('flags a version no layout fits, says why, and exits 1 with the audit findings printed', async () => {
    const { code, stdout } = await resize(['master.json', '--to', '300x250,320x50', '--kit', 'kit.json']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^300x250: no flags\n/);
    expect(stdout).toMatch(/\n320x50: 1 flag, 1 audit finding\n/);
    expect(stdout).toMatch(/\n {2}! layout No layout at 320×50 keeps everything clear: .*legal/);
    expect(stdout).toMatch(/\n {2}x outside-frame "#legal" runs outside the 320×50 frame/);
    expect(stdout).toMatch(/\n1 layout audit finding remain\.\n$/);
    const json = await resize(['master.json', '--to', '320x50', '--kit', 'kit.json', '--format', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).versions[0].audit).toEqual([expect.objectContaining({ kind: 'outside-frame', nodeIds: ['1:18'] })]);
  });

  it('explains each version in plain words as text by default', async () => {
    const { code, stdout } = await resize(['master.json', '--to', '1080x1350,728x90', '--kit', 'kit.json']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1080x1350: no flags\n {2}- Resized 1080×1080 → 1080×1350 with each layer's constraints/);
    expect(stdout).toMatch(/\n728x90: no flags\n {2}- Laid out 728×90 as a strip \(one row: logo, copy, call to action\), from 1080×1080\./);
    expect(stdout).toMatch(/\n {2}- Left out the body copy "#body": /);
  });

  it('takes the designer\'s role corrections from --roles', async () => {
    // The half page shows the eyebrow; called decoration, it is left out like any ornament.
    const eyebrow = (out: string) => JSON.parse(out).versions[0].snapshot.children.find((child: { id: string }) => child.id === '1:9').children[0];
    const before = await resize(['master.json', '--to', '300x600', '--kit', 'kit.json', '--format', 'json']);
    expect(eyebrow(before.stdout)).toMatchObject({ id: '1:10', visible: true });
    const roles = JSON.stringify({ '1:10': 'decoration' });
    const { stdout } = await resize(['master.json', '--to', '300x600', '--kit', 'kit.json', '--roles', 'roles.json', '--format', 'json'], { 'roles.json': roles });
    expect(eyebrow(stdout)).toMatchObject({ id: '1:10', visible: false });
    const bad = await resize(['master.json', '--to', '728x90', '--roles', 'roles.json'], { 'roles.json': JSON.stringify({ '1:15': 'sticker' }) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/roles\.json: 1:15: "sticker" is not a role/);
  });

  it.each([
    [['master.json', '--to', '0x90'], /--to\[0\]: the width 0 must be at least 1 px/],
    [['master.json', '--to', '728x90,300x-250'], /--to\[1\]: the height -250 must be at least 1 px/],
    [['master.json', '--to', '5000x90'], /--to\[0\]: the width 5000 px is over the 4096 px limit/],
    [['master.json', '--to', 'big'], /--to\[0\]: "big" is not a size/],
    [['master.json'], /--to SIZES is required/],
    [['--to', '728x90'], /give exactly one snapshot file/],
    [['master.json', '--to', '728x90', '--format', 'csv'], /--format must be text or json/],
    [['master.json', '--to', '728x90', '--scale', '2'], /Unknown option '--scale'/],
    [['nothing.json', '--to', '728x90'], /cannot read the snapshot "nothing.json"/],
  ])('exits 2 for bad input and names the field: %j', async (argv, message) => {
    const { code, stdout, stderr } = await resize(argv as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('exits 2 for a malformed snapshot or kit, naming every bad path', async () => {
    const snap = JSON.parse(files['master.json']);
    snap.children[0].constraints.horizontal = 'LEFT';
    const kit = JSON.parse(files['kit.json']);
    kit.visual.logo.clearSpace = -1;
    const { code, stderr } = await resize(['bad.json', '--to', '728x90', '--kit', 'badkit.json'], {
      'bad.json': JSON.stringify(snap),
      'badkit.json': JSON.stringify(kit),
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/badkit\.json: visual\.logo\.clearSpace: Too small/);
    expect(stderr).toMatch(/bad\.json: children\[0\]\.constraints\.horizontal: /);
  });

  it('exits 2 for a master frame with no area', async () => {
    const snap = JSON.parse(files['master.json']);
    snap.height = 0;
    const { code, stderr } = await resize(['flat.json', '--to', '728x90'], { 'flat.json': JSON.stringify(snap) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/flat\.json: height: the master frame has no height to resize from/);
  });
});
