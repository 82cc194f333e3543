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

  it('writes each cell’s score and findings to a Brand check sheet, leaving the person’s columns as they were', () => {
    const t = campaign();
    t.call('setupTracker');
    t.call('saveSettings', { kitJson });
    expect(t.call('getSettings').kitName).toBe('Acme 1.0.0');
    // Set up opened the Use cases sheet; the person goes back to their column.
    t.env.spreadsheet.select(t.sheet('Emails').rangeAt(2, 1, 1, 1));
    const before = t.sheet('Emails').snapshot();
    const { value: report, byName } = t.measured('brandCheckColumn');
    expect(report).toMatchObject({ status: 'done', processed: 4, message: expect.stringContaining('on the Brand check sheet') });
    expect(t.sheet('Emails').snapshot()).toEqual(before);
    expect(t.env.spreadsheet.activeSheetSnapshot().snapshotName()).toBe('Emails');
    const results = t.sheet('Brand check').snapshot();
    expect(results[0]).toEqual(['Cell', 'Text', 'Brand score', 'Findings', 'Checked at']);
    const filled = subjects.map((subject, i) => [subject, i] as const).filter(([subject]) => subject);
    expect(results.slice(1).map((row) => row.slice(0, 4))).toEqual(
      filled.map(([subject, i]) => {
        const expected = lintText(subject, kit);
        return [`Emails!A${i + 2}`, subject, expected.score, findingsText(expected.findings)];
      }),
    );
    expect(String(results[1]![3])).toContain('error: Never say “synergy”.');
    expect(report.flagged).toBe(1);
    expect(byName['Range.getValues']).toBe(2);
    expect(byName['Range.setValues']).toBe(1);

    // Again, after a cell changed: that column's rows are replaced, not added to.
    t.sheet('Emails').write(2, 1, [['Spring is here']]);
    t.call('brandCheckColumn');
    const again = t.sheet('Brand check').snapshot().filter((row) => row[0] !== '');
    expect(again).toHaveLength(filled.length + 1);
    expect(again[1]!.slice(0, 2)).toEqual(['Emails!A2', 'Spring is here']);
  });

  it('checks the last column of a full-width sheet without writing past it', () => {
    const header = Array.from({ length: 26 }, (_, i) => `Field ${i + 1}`);
    const t = openTracker({ Emails: [header, header.map((_, i) => (i === 25 ? 'Utilize synergy today' : i))] as never });
    t.call('setupTracker');
    t.call('saveSettings', { kitJson });
    t.env.spreadsheet.select(t.sheet('Emails').rangeAt(2, 26, 1, 1));
    expect(t.call('brandCheckColumn')).toMatchObject({ status: 'done', processed: 1, flagged: 1 });
    expect(t.sheet('Emails').getMaxColumns()).toBe(26);
    expect(t.sheet('Brand check').snapshot()[1]!.slice(0, 2)).toEqual(['Emails!Z2', 'Utilize synergy today']);
  });

  it('writes copy that looks like a formula as the text it is', () => {
    // Cells typed as text (behind an apostrophe), as a person pastes them.
    const t = campaign([['Subject line'], ['=HYPERLINK("https://evil.example","Claim")'], ['+1 offer']]);
    t.call('setupTracker');
    t.call('saveSettings', { kitJson });
    t.env.spreadsheet.select(t.sheet('Emails').rangeAt(2, 1, 1, 1));
    t.call('brandCheckColumn');
    const results = t.sheet('Brand check');
    expect(results.snapshot().slice(1).map((row) => row[1])).toEqual(['=HYPERLINK("https://evil.example","Claim")', '+1 offer']);
    expect(results.readFormulas({ row: 2, column: 2, numRows: 2, numColumns: 1 })).toEqual([[''], ['']]);
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
    const written = () => t.sheet('Brand check').snapshot().slice(1).filter((row) => row[0] !== '');
    expect(written().map((row) => row[0])).toEqual(many.slice(0, done).map((_, i) => `Emails!A${i + 2}`));
    let report = first;
    for (let i = 0; report.status === 'paused' && i < 10; i++) report = run();
    expect(report).toMatchObject({ status: 'done', progress: { done: 40, total: 40 } });
    expect(written().map((row) => row[2])).toEqual(many.map(([text]) => lintText(text!, kit).score));
    expect(t.sheet('Emails').snapshot()).toEqual([['Subject line'], ...many]);
  });
});
