import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { scoreUseCaseTable, useCaseColumns } from '../../../shared/src/experiments/use-case-table';
import { qualificationScore } from '../../../shared/src/experiments/scoring';

const header = ['Name', 'Owner', 'Impact', 'Feasibility', 'Risk', 'Data readiness', 'Stage', 'Reach', 'Confidence', 'Effort'];
const column = (name: (typeof useCaseColumns)[number]) => useCaseColumns.indexOf(name);

describe('use case table', () => {
  it('scores, ranks with stable ties and recommends the next stage', () => {
    const result = scoreUseCaseTable(header, [
      ['Subject lines', 'Ana', 4, 4, 2, 4, 'ideate', 5000, 0.8, 2],
      ['Churn model', 'Bo', 5, 2, 3, 2, 'qualified', '', '', ''],
      ['Subject lines v2', 'Cy', 4, 4, 2, 4, '', '', '', ''],
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const expected = qualificationScore({ impact: 4, feasibility: 4, risk: 2, readiness: 4 });
    expect(result.value.cells[0][column('Score')]).toBe(expected);
    expect(result.value.cells[0][column('RICE')]).toBe(5000 * 4 * 0.8 / 2);
    expect(result.value.cells.map((row) => row[column('Rank')])).toEqual([1, 3, 2]);
    expect(result.value.cells[0][column('Next stage')]).toBe('qualified');
    expect(result.value.ranked.map((row) => row.name)).toEqual(['Subject lines', 'Subject lines v2', 'Churn model']);
  });

  it('recommends stages against the thresholds the team chose', () => {
    const rows = [['Middling', 'Ana', 3, 3, 3, 3, 'ideate']];
    const strict = scoreUseCaseTable(header, rows);
    const lenient = scoreUseCaseTable(header, rows, { thresholds: { qualifyAt: 50, parkBelow: 20, maxRisk: 4 } });
    if (!strict.ok || !lenient.ok) throw new Error('header should be fine');
    expect(strict.value.cells[0][column('Next stage')]).toBe('ideate');
    expect(lenient.value.cells[0][column('Next stage')]).toBe('qualified');
    expect(lenient.value.ranked[0].next.reason).toBe('Score 50.0 reaches 50: qualify it.');
  });

  it('flags bad rows with the reason and leaves them unranked', () => {
    const result = scoreUseCaseTable(header, [
      ['Good', 'A', 3, 3, 3, 3],
      ['Words', 'A', 'high', 3, 3, 3],
      ['Too big', 'A', 3, 7, 3, 3],
      ['', 'A', 3, 3, 3, 3],
      ['Odd stage', 'A', 3, 3, 3, 3, 'shipped'],
      ['Bad RICE', 'A', 3, 3, 3, 3, '', 100, 0.5, 0],
    ]);
    if (!result.ok) throw new Error('header should be fine');
    expect(result.value.statuses.map((s) => s.status)).toEqual([
      'OK',
      'impact is text ("high"), not a number',
      'feasibility must be from 1 to 5, got 7',
      'name is blank',
      'stage "shipped" is not one of ideate, qualified, designed, running, measured, decided',
      'effort is 0',
    ]);
    expect(result.value.cells[1][column('Rank')]).toBe('');
  });

  it('names every required column the header lacks', () => {
    expect(scoreUseCaseTable(['Name', 'Impact', 'Feasibility'], [])).toEqual({
      ok: false,
      issues: [
        { path: 'column risk', message: 'the header has no "risk" column' },
        { path: 'column readiness', message: 'the header has no "readiness" column' },
      ],
    });
  });

  it('never throws on garbage cells', () => {
    const cell = fc.oneof(fc.string(), fc.integer({ min: -2, max: 8 }), fc.double(), fc.boolean(), fc.constant(null));
    fc.assert(fc.property(fc.array(fc.array(cell, { maxLength: 11 }), { maxLength: 20 }), (rows) => {
      const result = scoreUseCaseTable(header, rows);
      expect(result.ok && result.value.cells.length).toBe(rows.length);
    }));
  });
});

describe('detectability-aware qualification', () => {
  const header = ['Name', 'Impact', 'Feasibility', 'Risk', 'Readiness', 'Weekly traffic', 'Baseline rate', 'Expected lift'];

  it('caps feasibility at what the traffic can measure, and says when a quarter is not enough', () => {
    const result = scoreUseCaseTable(header, [
      ['Big list', 4, 5, 2, 4, 200000, 0.05, ''],
      ['Niche', 4, 5, 2, 4, 3000, 0.02, 0.1],
      ['Untested', 4, 5, 2, 4, '', '', ''],
    ]);
    if (!result.ok) throw new Error('scoring failed');
    const [big, niche, untested] = result.value.cells;
    const column = (name: string) => ['Score', 'RICE', 'Rank', 'Next stage', 'Why', 'Lift in 2 weeks', 'Lift in 4 weeks', 'Lift in 8 weeks', 'Detectability', 'Status'].indexOf(name);
    // Enough traffic: feasibility 5 stands and the score equals the one without traffic.
    expect(big![column('Score')]).toBe(untested![column('Score')]);
    expect(niche![column('Score')]).toBeLessThan(big![column('Score')] as number);
    expect(niche![column('Score')]).toBe(100 * (0.4 * 3 + 0.25 * 0 + 0.2 * 3 + 0.15 * 3) / 4);
    expect(String(niche![column('Why')])).toMatch(/Feasibility counts as 1, not 5: Detectable: .*cannot be measured in a quarter/);
    expect(niche![column('Lift in 2 weeks')]).toBeCloseTo(0.5724790886947362, 6);
    expect(untested![column('Detectability')]).toBe('');
  });

  it('asks for both weekly traffic and baseline rate', () => {
    const result = scoreUseCaseTable(header, [['Half', 4, 5, 2, 4, 3000, '', '']]);
    expect(result.ok && result.value.statuses[0]!.status).toBe('baseline rate is blank: give both weekly traffic and baseline rate, or neither');
  });
});
