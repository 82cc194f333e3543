import { describe, expect, it } from 'vitest';
import type { VersionSummary } from '../../figma-plugin/src/contract';
import { manifestCsv } from '../../figma-plugin/src/ui/zip';
import { parseCsv } from '../../shared/src/csv';

const version: VersionSummary = {
  id: '1:2',
  name: '=HYPERLINK("http://evil.example","click")',
  masterId: '1:1',
  masterName: '@SUM(A1:A9)',
  width: 300,
  height: 250,
  variant: '+cmd|calc',
  locale: '-2+3',
  kitVersion: '1.0.0',
  provenance: 'manual',
  aiGenerated: false,
  review: '',
  stale: false,
  actions: [],
  flags: [],
};

describe('the export manifest', () => {
  it('writes layer names that look like formulas as text', () => {
    const parsed = parseCsv(manifestCsv([{ fileName: 'a.png', version }]));
    if (!parsed.ok) throw new Error('manifest.csv is not CSV');
    const [, row] = parsed.value;
    expect(row!.slice(0, 5)).toEqual(['a.png', `'${version.name}`, '300x250', "'+cmd|calc", "'-2+3"]);
    expect(row![5]).toBe("'@SUM(A1:A9)");
  });
});
