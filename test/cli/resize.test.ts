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
  it('prints { versions: [{ width, height, snapshot, flags }] } for each size, in order', async () => {
    const { code, stdout, stderr } = await resize(['master.json', '--to', '728x90,300x250', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { versions, ...rest } = JSON.parse(stdout);
    expect(rest).toEqual({});
    expect(versions.map((v: { width: number; height: number }) => [v.width, v.height])).toEqual([[728, 90], [300, 250]]);
    for (const version of versions) {
      expect(Object.keys(version)).toEqual(['width', 'height', 'snapshot', 'flags']);
      const parsed = parseSnapshot(version.snapshot);
      expect(parsed.ok).toBe(true);
      expect(version.snapshot).toMatchObject({ width: version.width, height: version.height, id: '1:1' });
      for (const flag of version.flags) expect(Object.keys(flag)).toEqual(['kind', 'nodeId', 'nodeName', 'message']);
    }
  });

  it('holds text to the kit\'s minimum at each output size', async () => {
    const { stdout } = await resize(['master.json', '--to', '728x90,300x250,1080x1350', '--kit', 'kit.json', '--format', 'json']);
    const minimums = [10, 12, 14]; // small, medium and default classes in the kit
    const { versions } = JSON.parse(stdout);
    versions.forEach((version: { snapshot: { children: { type: string; id: string; fontSize?: number; children?: unknown[] }[] } }, index: number) => {
      const legal = version.snapshot.children.find((child) => child.id === '1:18')!;
      expect(legal.fontSize).toBeGreaterThanOrEqual(minimums[index]!);
    });
    // Without a kit there is no minimum: the 728×90 legal line just scales.
    const bare = JSON.parse((await resize(['master.json', '--to', '728x90', '--format', 'json'])).stdout);
    const legal = bare.versions[0].snapshot.children.find((child: { id: string }) => child.id === '1:18');
    expect(legal.fontSize).toBeLessThan(10);
  });

  it('flags text that still overflows at the minimum', async () => {
    const { stdout } = await resize(['master.json', '--to', '320x50', '--kit', 'kit.json', '--format', 'json']);
    const flags = JSON.parse(stdout).versions[0].flags;
    expect(flags.some((flag: { kind: string; nodeName: string }) => flag.kind === 'text-overflow' && flag.nodeName === '#legal')).toBe(true);
  });

  it('explains each version in plain words as text by default', async () => {
    const { code, stdout } = await resize(['master.json', '--to', '1080x1350,728x90', '--kit', 'kit.json']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1080x1350: no flags\n {2}- Resized 1080×1080 → 1080×1350 with each layer's constraints/);
    expect(stdout).toMatch(/\n728x90: \d+ flags\n {2}- Resized 1080×1080 → 728×90: the aspect ratio changed 8\.1×/);
    expect(stdout).toMatch(/\n {2}! text-overflow "#legal" does not fit its 40×2 box at 728×90 even at the 10 px minimum/);
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
