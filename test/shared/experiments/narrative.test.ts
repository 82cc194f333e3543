import { describe, expect, it } from 'vitest';
import { analyzeResultsTable, findInsights, insightKey, narrate } from '../../../shared/src/experiments';

// Golden texts: every narrative, word for word, as a marketer reads it in the Insights sheet.

const now = '2026-11-23T12:00:00Z';
const weeks = ['week 1', 'week 2', 'week 3', 'week 4'];
const subjectLines = weeks.flatMap((week, i) => [
  ['Subject lines', 'control', week, 'all', 12000, 552 - 24 * i],
  ['Subject lines', 'B', week, 'all', 12000, 673 - 29 * i],
]);
const churn = [
  ['Churn audiences', 'control', 'week 1', 'mobile', 5000, 250],
  ['Churn audiences', 'B', 'week 1', 'mobile', 6000, 312],
];
const plans = { 'Subject lines': { metric: 'click rate' }, 'Churn audiences': { metric: 'retention' }, 'Insight digest': { endDate: '2026-10-15' } };

function stories(rows: unknown[][]) {
  return findInsights(analyzeResultsTable(rows, { plans }), { now, plans }).map(narrate).map(({ headline, text }) => [headline, text]);
}

describe('narratives', () => {
  it('name the experiment, metric and segment of every finding, in plain English', () => {
    expect(stories([...subjectLines, ...churn])).toEqual([
      [
        'Subject lines: B beats control on click rate by +22.0% for all visitors',
        "In Subject lines over week 1 to week 4 (4 periods), B's click rate for all visitors is 22.0% higher than control's, plausibly between +15.3% and +29.1% (p < 0.001 after Holm's correction for every variant; > 99.9% probability that B is truly better). Check the guardrail metrics, then consider scaling B. (Source: rows 2, 3, 4, 5, 6, 7, 8 and 9.)",
      ],
      [
        'Churn audiences: the traffic split for the mobile segment does not match the plan, so its retention cannot be trusted',
        'In Churn audiences in week 1, the visitors in the mobile segment (control 5,000, B 6,000) are split too unevenly to be chance (p < 0.001). Until the assignment or tracking is fixed, no result of Churn audiences can be trusted, retention included. (Source: rows 10 and 11.)',
      ],
      [
        "Subject lines: control's click rate for all visitors fell for 3 periods in a row",
        "In Subject lines, control's click rate for all visitors fell for 3 periods in a row, from 4.60% in week 1 to 4.00% in week 4. Look for fatigue, a seasonal dip or a tracking change. (Source: rows 2, 4, 6 and 8.)",
      ],
      [
        "Subject lines: B's click rate for all visitors fell for 3 periods in a row",
        "In Subject lines, B's click rate for all visitors fell for 3 periods in a row, from 5.61% in week 1 to 4.88% in week 4. Look for fatigue, a seasonal dip or a tracking change. (Source: rows 3, 5, 7 and 9.)",
      ],
      [
        'Insight digest: a decision on conversion rate is overdue',
        'Insight digest was planned to end on 2026-10-15, 39 days ago, and no decision is recorded. Decide on its conversion rate for all visitors whether to scale, iterate or stop, and log what was learned. (Source: no Results rows yet.)',
      ],
    ]);
  });

  it('say one day and one period without a plural', () => {
    const falling = findInsights(analyzeResultsTable([['Ads', 'control', 'week 1', '', 1000, 60], ['Ads', 'control', 'week 2', '', 1000, 50]]), { now, fallingPeriods: 1 }).map(narrate);
    expect(falling.map(({ headline, text }) => [headline, text])).toEqual([[
      "Ads: control's conversion rate for all visitors fell for 1 period in a row",
      "In Ads, control's conversion rate for all visitors fell for 1 period in a row, from 6.00% in week 1 to 5.00% in week 2. Look for fatigue, a seasonal dip or a tracking change. (Source: rows 2 and 3.)",
    ]]);
    const overdue = findInsights(analyzeResultsTable([]), { now: '2026-10-16T12:00:00Z', plans: { Late: { endDate: '2026-10-15' } }, graceDays: 0 }).map(narrate);
    expect(overdue[0]!.text).toMatch(/^Late was planned to end on 2026-10-15, 1 day ago,/);
  });

  it('give one insight per finding over the whole run, whichever week it is read in', () => {
    const twoWeeks = findInsights(analyzeResultsTable(subjectLines.slice(0, 4), { plans }), { now, plans }).filter((i) => i.kind === 'winner');
    const fourWeeks = findInsights(analyzeResultsTable(subjectLines, { plans }), { now, plans }).filter((i) => i.kind === 'winner');
    expect(twoWeeks).toHaveLength(1);
    expect(fourWeeks).toHaveLength(1);
    expect(insightKey(fourWeeks[0]!)).toBe(insightKey(twoWeeks[0]!));
    expect(insightKey(fourWeeks[0]!)).toBe(JSON.stringify(['winner', 'Subject lines', 'click rate', 'all', 'B']));
  });
});
