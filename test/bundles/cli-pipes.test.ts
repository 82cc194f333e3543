import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A reader that stops after one line closes the pipe while onbrand is still writing.
const dir = mkdtempSync(join(tmpdir(), 'onbrand-pipes-'));
const csv = join(dir, 'cases.csv');
writeFileSync(csv, ['name,impact,feasibility,risk,readiness', ...Array.from({ length: 6000 }, (_, i) => `case ${i},5,4,2,3`)].join('\n'));
const text = join(dir, 'copy.txt');
writeFileSync(text, 'Ledgerline is used by teams!\n'.repeat(6000));

const throughHead = (args: string) =>
  spawnSync('sh', ['-c', `node shared/bin/onbrand.js ${args} | head -1`], { encoding: 'utf8' });

describe('the onbrand CLI writing into a closed pipe', () => {
  it.each([
    ['score', `score ${csv}`],
    ['lint', `lint ${text} --kit examples/kits/ledgerline.json`],
  ])('%s stops quietly when the reader goes away', (_, args) => {
    const result = throughHead(args);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toBe('');
  });
});
