import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../shared/src/cli/commands/check';
import { readRepoFile, runCli } from '../fixtures/snapshots/cli-run';

const kit = readRepoFile('test/fixtures/snapshots/ledgerline-kit.json');
const files = {
  'kit.json': kit,
  'master.json': readRepoFile('examples/snapshots/ledgerline-master.json'),
  'offbrand.json': readRepoFile('examples/snapshots/ledgerline-offbrand.json'),
};
const check = (argv: string[], extra: Record<string, string> = {}) => runCli(checkCommand, { ...files, ...extra }, argv);

describe('onbrand check', () => {
  it('passes the on-brand master with exit 0, score 100 and no findings', async () => {
    const { code, stdout, stderr } = await check(['master.json', '--kit', 'kit.json', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ files: [{ path: 'master.json', score: 100, findings: [] }] });
  });

  it('passes the master against the Ledgerline example kit too', async () => {
    const { code, stdout } = await check(['master.json', '--kit', 'example-kit.json', '--format', 'json'], {
      'example-kit.json': readRepoFile('examples/kits/ledgerline.json'),
    });
    expect(JSON.parse(stdout).files[0].findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('lists every violation of the off-brand draft in the lint JSON shape, exiting 1', async () => {
    const { code, stdout } = await check(['offbrand.json', '--kit', 'kit.json', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    const [file] = report.files;
    expect(Object.keys(file)).toEqual(['path', 'score', 'findings']);
    expect(file.path).toBe('offbrand.json');
    expect(file.score).toBeGreaterThan(0);
    expect(file.score).toBeLessThan(100);
    for (const finding of file.findings) {
      expect(Object.keys(finding)).toEqual(['rule', 'severity', 'message', 'node', 'match', 'suggestions']);
      expect(Object.keys(finding.node)).toEqual(['id', 'name']);
      expect(['error', 'warning', 'suggestion']).toContain(finding.severity);
      expect(Array.isArray(finding.suggestions)).toBe(true);
    }
    const byRule = (rule: string) => file.findings.filter((f: { rule: string }) => f.rule === rule);
    expect(byRule('visual.palette')[0]).toMatchObject({ node: { id: '1:10', name: '#eyebrow' }, match: '#22D3EE', suggestions: ['#14B8A6'] });
    expect(byRule('visual.font')[0]).toMatchObject({ node: { id: '1:12', name: '#body' }, match: 'Helvetica Regular' });
    expect(byRule('visual.text-size')[0]).toMatchObject({ node: { id: '1:18', name: '#legal' }, match: '9px', suggestions: ['14'] });
    expect(byRule('visual.contrast')[0]).toMatchObject({ node: { id: '1:14', name: 'CTA label' }, severity: 'error' });
    expect(byRule('visual.logo-clear-space')[0]).toMatchObject({ node: { id: '1:5', name: '#logo' }, severity: 'warning' });
    expect(byRule('visual.safe-zone').map((f: { node: { id: string } }) => f.node.id)).toEqual(['1:18']);
    // Errors come first.
    const severities = file.findings.map((f: { severity: string }) => f.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
  });

  it('prints `file:node-name severity rule message` lines as text by default', async () => {
    const { code, stdout } = await check(['offbrand.json', '--kit', 'kit.json']);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toContain(
      'offbrand.json:#eyebrow error visual.palette "#eyebrow" uses #22D3EE as its text colour, which is not a brand colour (nearest is Teal #14B8A6, ΔE00 17.3 over the allowed 2.3).',
    );
    for (const line of lines) expect(line).toMatch(/^offbrand\.json:[^ ]+( [^ ]+)* (error|warning|suggestion) visual\.[a-z-]+ .+/);
  });

  it('exits 0 when only warnings remain', async () => {
    const master = JSON.parse(files['master.json']);
    master.children.find((c: { id: string }) => c.id === '1:5').x = 4; // the logo crowds the edge: a warning
    const { code, stdout } = await check(['warn.json', '--kit', 'kit.json', '--format', 'json'], { 'warn.json': JSON.stringify(master) });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0].findings.map((f: { severity: string }) => f.severity)).toEqual(['warning']);
  });

  it('reads the snapshot from standard input as "-"', async () => {
    const { code, stdout } = await runCli(checkCommand, files, ['-', '--kit', 'kit.json', '--format', 'json'], files['master.json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0].path).toBe('-');
  });

  it.each([
    [[], /give exactly one snapshot file/],
    [['master.json'], /--kit KIT is required/],
    [['master.json', '--kit', 'kit.json', '--format', 'xml'], /--format must be text or json/],
    [['master.json', '--kit', 'kit.json', '--colour'], /Unknown option '--colour'/],
    [['missing.json', '--kit', 'kit.json'], /cannot read the snapshot "missing.json"/],
    [['master.json', '--kit', 'nokit.json'], /cannot read the kit "nokit.json"/],
  ])('exits 2 for bad usage: %j', async (argv, message) => {
    const { code, stderr, stdout } = await check(argv as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('exits 2 for a bad kit, naming every bad path', async () => {
    const bad = JSON.parse(kit);
    bad.version = 7;
    bad.visual.palette[1].hex = 'teal';
    bad.visual.contrast = 'AAAA';
    const { code, stderr } = await check(['master.json', '--kit', 'bad.json'], { 'bad.json': JSON.stringify(bad) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.json: version: /);
    const visualIssues = await check(['master.json', '--kit', 'bad2.json'], { 'bad2.json': JSON.stringify({ ...bad, version: '1' }) });
    expect(visualIssues.code).toBe(2);
    expect(visualIssues.stderr).toMatch(/bad2\.json: visual\.palette\[1\]\.hex: expected a hex colour/);
    expect(visualIssues.stderr).toMatch(/bad2\.json: visual\.contrast: /);
  });

  it('exits 2 for kit JSON that does not parse', async () => {
    const { code, stderr } = await check(['master.json', '--kit', 'trunc.json'], { 'trunc.json': kit.slice(0, 40) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/trunc\.json: \(root\): not valid JSON/);
  });

  it('exits 2 for a malformed snapshot, naming every bad path', async () => {
    const snap = JSON.parse(files['master.json']);
    snap.children[1].width = -5;
    snap.children[5].children[0].fontSize = 'large';
    delete snap.children[3].id;
    const { code, stderr } = await check(['bad.json', '--kit', 'kit.json'], { 'bad.json': JSON.stringify(snap) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.json: children\[1\]\.width: Too small/);
    expect(stderr).toMatch(/bad\.json: children\[5\]\.children\[0\]\.fontSize: Invalid input: expected number, received string/);
    expect(stderr).toMatch(/bad\.json: children\[3\]\.id: /);
  });
});
