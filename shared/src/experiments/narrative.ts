import { count, percent, periodSpan, plural, probability, pText, signedPercent } from './format';
import type { Insight } from './insights';

// Plain-language narratives written offline and deterministically: the same insight always reads
// the same, so a sheet can be re-run without churn. Every headline names the experiment, the
// metric and the segment; every text ends with the sheet rows it rests on.

export interface Narrative {
  kind: Insight['kind'];
  experiment: string;
  headline: string;
  text: string;
  rows: number[];
}

/** "rows 4, 5 and 9" / "row 4". */
export function rowsText(rows: readonly number[]): string {
  if (rows.length === 0) return 'no rows';
  if (rows.length === 1) return `row ${rows[0]}`;
  return `rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
}

/** Who a finding is about: "all visitors" for a blank or "all" segment, else "the mobile segment". */
export function segmentText(segment: string): string {
  return segment === '' || segment.toLowerCase() === 'all' ? 'all visitors' : `the ${segment} segment`;
}

/** " over week 1 to week 4 (4 periods)", " in week 1", or nothing when no period is named. */
function over(periods: readonly string[]): string {
  const span = periodSpan(periods);
  if (span === '') return '';
  return periods.filter(Boolean).length > 1 ? ` over ${span}` : ` in ${span}`;
}

function body(insight: Insight): { headline: string; text: string } {
  const who = segmentText(insight.segment);
  const { experiment, metric } = insight;
  switch (insight.kind) {
    case 'winner': {
      const { variant } = insight;
      const interval = insight.ciLow !== null && insight.ciHigh !== null ? `, plausibly between ${signedPercent(insight.ciLow)} and ${signedPercent(insight.ciHigh)}` : '';
      return {
        headline: `${experiment}: ${variant} beats control on ${metric} by ${signedPercent(insight.lift)} for ${who}`,
        text: `In ${experiment}${over(insight.periods)}, ${variant}'s ${metric} for ${who} is ${percent(insight.lift)} higher than control's${interval} (${pText(insight.pValueAdjusted)} after Holm's correction for every variant; ${probability(insight.probabilityToBeatControl)} probability that ${variant} is truly better). Check the guardrail metrics, then consider scaling ${variant}.`,
      };
    }
    case 'falling-segment': {
      const falls = plural(insight.periods.length - 1, 'period');
      const [first, last] = [0, insight.periods.length - 1];
      return {
        headline: `${experiment}: ${insight.arm}'s ${metric} for ${who} fell for ${falls} in a row`,
        text: `In ${experiment}, ${insight.arm}'s ${metric} for ${who} fell for ${falls} in a row, from ${percent(insight.rates[first]!, 2)} in ${insight.periods[first]} to ${percent(insight.rates[last]!, 2)} in ${insight.periods[last]}. Look for fatigue, a seasonal dip or a tracking change.`,
      };
    }
    case 'srm': {
      const split = Object.entries(insight.visitors).map(([arm, n]) => `${arm} ${count(n)}`).join(', ');
      const among = who === 'all visitors' ? '' : ` in ${who}`;
      return {
        headline: `${experiment}: the traffic split for ${who} does not match the plan, so its ${metric} cannot be trusted`,
        text: `In ${experiment}${over(insight.periods)}, the visitors${among} (${split}) are split too unevenly to be chance (${pText(insight.pValue)}). Until the assignment or tracking is fixed, no result of ${experiment} can be trusted, ${metric} included.`,
      };
    }
    case 'overdue':
      return {
        headline: `${experiment}: a decision on ${metric} is overdue`,
        text: `${experiment} was planned to end on ${insight.endDate}, ${plural(insight.daysOverdue, 'day')} ago, and no decision is recorded. Decide on its ${metric} for ${who} whether to scale, iterate or stop, and log what was learned.`,
      };
  }
}

/** The narrative for one insight, ending with the rows it comes from. */
export function narrate(insight: Insight): Narrative {
  const { headline, text } = body(insight);
  const source = insight.rows.length > 0 ? rowsText(insight.rows) : 'no Results rows yet';
  return { kind: insight.kind, experiment: insight.experiment, headline, text: `${text} (Source: ${source}.)`, rows: insight.rows };
}
