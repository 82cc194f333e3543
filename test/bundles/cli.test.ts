import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readDist } from '../helpers/dist';

describe('the onbrand CLI as npm links it', () => {
  it('prints its help through npx in the checkout', () => {
    const output = execFileSync('npx', ['--no-install', 'onbrand', '--help'], { encoding: 'utf8' });
    expect(output).toContain('Usage: onbrand <command>');
    expect(output).toContain('schema');
  });

  it('exits 2 and names an unknown command', () => {
    const result = spawnSync(process.execPath, ['shared/bin/onbrand.js', 'paint'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command "paint"');
  });

  it('writes the brand kit JSON Schema that editors use', () => {
    const schema = JSON.parse(readDist('brand-kit.schema.json')) as { $schema: string; title: string; required: string[] };
    expect(schema.$schema).toContain('json-schema.org');
    expect(schema.title).toBe('Onbrand brand kit');
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'name', 'version']));
  });
});
