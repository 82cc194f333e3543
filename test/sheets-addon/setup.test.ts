import { describe, expect, it } from 'vitest';
import { stages } from '../../shared/src/experiments';
import { trackerSheets } from '../../sheets-addon/src/server/tracker';
import { openTracker } from './harness';

const everything = (tracker: ReturnType<typeof openTracker>) =>
  tracker.env.spreadsheet.sheets.map((sheet) => ({
    name: sheet.snapshotName(),
    cells: sheet.snapshot(),
    rules: sheet.conditionalRules.length,
    validations: sheet.validations.length,
    formats: sheet.formats.length,
    frozen: sheet.frozenRows,
  }));

describe('setting up the tracker', () => {
  it('creates the nine sheets with headers, frozen header rows and named ranges', () => {
    const tracker = openTracker({ Sheet1: [] });
    const report = tracker.call('setupTracker');
    expect(report.status).toBe('done');
    for (const spec of trackerSheets) {
      const sheet = tracker.sheet(spec.name);
      expect(sheet.snapshot()[0]).toEqual(spec.columns.map((column) => column.header));
      expect(sheet.frozenRows).toBe(1);
      expect(tracker.env.spreadsheet.namedRanges.get(spec.rangeName)?.range.snapshotSheet()).toBe(sheet);
    }
    expect(tracker.env.spreadsheet.namedRanges.get('OnbrandKit')?.range.getA1Notation()).toMatch(/^B\d+$/);
  });

  it('adds dropdowns for stage and capability, number formats and colours for stages and flags', () => {
    const tracker = openTracker({});
    tracker.call('setupTracker');
    const useCases = tracker.sheet('Use cases');
    expect(useCases.validationAt(2, 8)?.getCriteriaValues()[0]).toEqual([...stages]);
    expect(useCases.validationAt(500, 4)?.getCriteriaValues()[0]).toContain('creative velocity');
    expect(useCases.validationAt(1, 8)).toBeNull();
    expect(tracker.sheet('Learning log').validationAt(2, 7)?.getCriteriaValues()[0]).toEqual(['emerging', 'supported', 'confirmed', 'rejected']);
    expect(tracker.sheet('Scoring').validationAt(2, 2)?.getCriteriaType()).toBe('NUMBER_BETWEEN');
    const results = tracker.sheet('Results');
    expect(results.formatAt(2, 10)).toBe('0.00%');
    expect(results.formatAt(2, 5)).toBe('#,##0');

    // Colours follow the cells' values once data arrives.
    useCases.write(2, 1, [['Idea', '', '', '', '', '', '', 'decided']]);
    expect(useCases.conditionalStyle(2, 8)?.background).toBe('#ceead6');
    results.write(2, 25, [[true, 'scale', '', 'conversions (9) exceed visitors (3)']]);
    expect(results.conditionalStyle(2, 25)?.background).toBe('#fad2cf');
    expect(results.conditionalStyle(2, 26)?.background).toBe('#ceead6');
    expect(results.conditionalStyle(2, 28)?.background).toBe('#feefc3');
    results.write(3, 28, [['OK']]);
    expect(results.conditionalStyle(3, 28)).toBeNull();
  });

  it('keeps user data, column order and extra columns, appending only the missing headers', () => {
    const before = [
      ['Stage', 'Name', 'Budget', 'Owner'],
      ['running', 'Churn model', 1200, 'Omar'],
      ['ideate', 'Copy bot', '', 'Maya'],
    ];
    const tracker = openTracker({ 'Use cases': before.map((row) => [...row]), Settings: [['Setting', 'Value', 'Notes'], ['Impact weight', 0.7, 'ours']] });
    tracker.sheet('Use cases').seedFormula(3, 3, '=400*2', 800);
    const report = tracker.call('setupTracker');
    expect(report.message).toContain('Use cases (Team, Capability, Problem, Hypothesis, Data sources)');
    const cells = tracker.sheet('Use cases').snapshot();
    expect(cells[0]).toEqual(['Stage', 'Name', 'Budget', 'Owner', 'Team', 'Capability', 'Problem', 'Hypothesis', 'Data sources']);
    expect(cells.slice(1).map((row) => row.slice(0, 4))).toEqual([['running', 'Churn model', 1200, 'Omar'], ['ideate', 'Copy bot', 800, 'Maya']]);
    expect(tracker.sheet('Use cases').formulaAt(3, 3)).toBe('=400*2');
    // The existing Stage column had no dropdown, so it gets one; its values stay as typed.
    expect(tracker.sheet('Use cases').validationAt(2, 1)?.getCriteriaValues()[0]).toEqual([...stages]);
    expect(tracker.sheet('Use cases').validationAt(2, 6)?.getCriteriaValues()[0]).toContain('strategic modeling');
    const settings = tracker.records('Settings');
    expect(settings[0]).toEqual({ Setting: 'Impact weight', Value: 0.7, Notes: 'ours' });
    expect(settings.map((row) => row.Setting)).toContain('Risk weight');
  });

  it('keeps a dropdown and colours people set on an existing column', () => {
    const tracker = openTracker({ 'Use cases': [['Name', 'Stage'], ['Copy bot', 'Backlog']] });
    const sheet = tracker.sheet('Use cases');
    const own = (tracker.env.services.SpreadsheetApp as { newDataValidation(): { requireValueInList(v: string[]): { build(): unknown } } }).newDataValidation().requireValueInList(['Backlog', 'Live']).build();
    sheet.rangeAt(2, 2, 999, 1).setDataValidation(own as never);
    tracker.call('setupTracker');
    expect(sheet.validationAt(2, 2)?.getCriteriaValues()[0]).toEqual(['Backlog', 'Live']);
    expect(sheet.snapshot()[1]).toEqual(['Copy bot', 'Backlog']);
  });

  it('changes nothing when run again, in a number of calls that does not grow with the data', () => {
    const header = ['Name', 'Owner', 'Team', 'Capability', 'Problem', 'Hypothesis', 'Data sources', 'Stage'];
    const rerun = (count: number) => {
      const rows = Array.from({ length: count }, (_, i) => [`Use case ${i}`, 'Omar', 'CRM', 'speed of insight', '', '', '', 'ideate']);
      const tracker = openTracker({ 'Use cases': [header, ...rows] });
      tracker.call('setupTracker');
      const first = everything(tracker);
      const again = tracker.measured('setupTracker');
      expect(again.value.message).toBe('The tracker is complete: nothing was missing.');
      expect(everything(tracker)).toEqual(first);
      expect(again.byName['Range.setValues'] ?? 0).toBe(0);
      return again.calls;
    };
    const small = rerun(2);
    expect(rerun(2000)).toBe(small);
    // Per sheet: find it, read its header row, check frozen rows, the named range, dropdowns and rules.
    expect(small).toBeLessThanOrEqual(10 * trackerSheets.length);
  });

  it('widens a sheet whose grid ends at its last header before adding the missing ones', () => {
    const own = ['Name', 'Budget', 'Region', 'Quarter', 'Sponsor', 'Notes'];
    const tracker = openTracker({ 'Use cases': [own, ['Copy bot', 1200, 'EMEA', 'Q1', 'Ada', '']] });
    tracker.sheet('Use cases').resize(1000, own.length);
    const report = tracker.call('setupTracker');
    expect(report.message).toContain('Added columns to Use cases');
    const header = tracker.sheet('Use cases').snapshot()[0]!;
    expect(header.slice(0, own.length)).toEqual(own);
    expect(header.slice(own.length)).toEqual(['Owner', 'Team', 'Capability', 'Problem', 'Hypothesis', 'Data sources', 'Stage']);
    expect(tracker.sheet('Use cases').getMaxColumns()).toBe(header.length);
    expect(tracker.sheet('Use cases').validationAt(2, header.indexOf('Stage') + 1)).not.toBeNull();
  });
});
