import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseKitJson } from '../../shared/src/kit';
import { lintText } from '../../shared/src/lint';
import { brandCheckColumn, findingsText } from '../../sheets-addon/src/server/brand-check';
import { installGlobals, openTracker, steppingClock } from './harness';

const kitJson = readFileSync(join(import.meta.dirname, '../fixtures/kit/small.json'), 'utf8');
const parsed = parseKitJson(kitJson);
if (!parsed.ok) throw new Error('the fixture kit is invalid');
const kit = parsed.value;

const subjects = ['Utilize synergy today', 'Your June statement is ready', '', 'Spring offers inside'];

function campaign(extra: unknown[][] = [['Subject line', 'Sends'], ...subjects.map((s, i) => [s, 1000 * (i + 1)])]) {
  const t = openTracker({ Emails: extra as never });
  t.env.spreadsheet.select(t.sheet('Emails').rangeAt(2, 1, 1, 1));
  return t;
}

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

describe('brand-checking a column', () => {
  it('asks for a kit when the file has none', () => {
    const t = campaign();
    const report = t.call('brandCheckColumn');
    expect(report).toMatchObject({ status: 'needs-fix', message: expect.stringContaining('no brand kit') });
  });

  it('puts each cell’s findings and score in the two columns to its right, inserting them to keep data', () => {
    const t = campaign();
    t.call('setupTracker');
    t.call('saveSettings', { kitJson });
    expect(t.call('getSettings').kitName).toBe('Acme 1.0.0');
    // Set up opened the Use cases sheet; the person goes back to their column.
    t.env.spreadsheet.select(t.sheet('Emails').rangeAt(2, 1, 1, 1));
    const { value: report, byName } = t.measured('brandCheckColumn');
    expect(report).toMatchObject({ status: 'done', processed: 4 });
    const cells = t.sheet('Emails').snapshot();
    expect(cells[0]).toEqual(['Subject line', 'Subject line findings', 'Subject line brand score', 'Sends']);
    subjects.forEach((subject, i) => {
      const expected = subject ? lintText(subject, kit) : null;
      expect(cells[i + 1]!.slice(1, 3)).toEqual(expected ? [findingsText(expected.findings), expected.score] : ['', '']);
    });
    expect(cells.slice(1).map((row) => row[3])).toEqual([1000, 2000, 3000, 4000]);
    expect(String(cells[1]![1])).toContain('error: Never say “synergy”.');
    expect(report.flagged).toBe(1);
    expect(byName['Range.getValues']).toBe(2);
    expect(byName['Range.setValues']).toBe(1);

    // Again: the columns are ours now, so they are rewritten in place.
    t.call('brandCheckColumn');
    expect(t.sheet('Emails').snapshot()[0]).toEqual(cells[0]);
  });

  it('reads the kit from the Settings sheet when the file has none stored', () => {
    const t = campaign();
    t.call('setupTracker');
    const settings = t.sheet('Settings');
    const row = settings.snapshot().findIndex((cells) => cells[0] === 'Brand kit (JSON)') + 1;
    settings.write(row, 2, [[kitJson]]);
    t.env.spreadsheet.select(t.sheet('Emails').rangeAt(3, 1, 1, 1));
    expect(t.call('brandCheckColumn')).toMatchObject({ status: 'done', processed: 4 });
    t.call('saveSettings', { channel: 'carrier-pigeon' });
    expect(t.call('brandCheckColumn').message).toMatch(/^The channel "carrier-pigeon" in Settings is not one the kit knows\. Use one of: .*email-subject/);
    t.call('saveSettings', { channel: '' });
    settings.write(row, 2, [['{"name": 3}']]);
    expect(t.call('brandCheckColumn').message).toMatch(/The brand kit in Settings is not valid: Settings › Brand kit › /);
  });

  it('pauses on a long column and resumes from the saved row', () => {
    const many = Array.from({ length: 40 }, (_, i) => [`Synergy offer ${i}`]);
    const t = campaign([['Subject line'], ...many]);
    uninstall = installGlobals(t.env);
    const spreadsheet = t.env.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const run = () => brandCheckColumn(spreadsheet, { clock: steppingClock(0, 20_000), kit, channel: '' });
    const first = run();
    expect(first.status).toBe('paused');
    expect(first.progress!.done).toBeLessThan(40);
    const done = first.progress!.done;
    const column = t.sheet('Emails').snapshot().map((row) => row[2]);
    expect(column.slice(1, done + 1).every((score) => typeof score === 'number')).toBe(true);
    expect(column.slice(done + 1).every((score) => score === '' || score === undefined)).toBe(true);
    let report = first;
    for (let i = 0; report.status === 'paused' && i < 10; i++) report = run();
    expect(report).toMatchObject({ status: 'done', progress: { done: 40, total: 40 } });
    const scores = t.sheet('Emails').snapshot().slice(1).map((row) => row[2]);
    expect(scores).toEqual(many.map(([text]) => lintText(text!, kit).score));
  });
});
