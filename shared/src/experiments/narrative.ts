import { percent, pText, signedPercent } from './format';
import type { Insight } from './insights';

// Plain-language narratives written offline and deterministically: the same insight always reads
// the same, so a sheet can be re-run without churn. Each names the sheet rows it rests on.

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

function where(period: string, segment: string): string {
  return [period && ` in ${period}`, segment && ` for ${segment}`].filter(Boolean).join('');
}

function body(insight: Insight): { headline: string; text: string } {
  switch (insight.kind) {
    case 'winner': {
      const interval = insight.ciLow !== null && insight.ciHigh !== null ? `, plausibly between ${signedPercent(insight.ciLow)} and ${signedPercent(insight.ciHigh)}` : '';
      return {
        headline: `${insight.variant} beats control by ${signedPercent(insight.lift)}`,
        text: `In ${insight.experiment}${where(insight.period, insight.segment)}, ${insight.variant} converts ${signedPercent(insight.lift)} better than control${interval} (${pText(insight.pValueAdjusted)} after correcting for every variant; ${percent(insight.probabilityToBeatControl)} chance it is truly better). Check the guardrail metrics, then consider scaling it.`,
      };
    }
    case 'falling-segment':
      return {
        headline: `${insight.segment || 'All visitors'} keeps falling on ${insight.arm}`,
        text: `In ${insight.experiment}, the ${insight.arm} rate${insight.segment ? ` for ${insight.segment}` : ''} fell ${insight.periods.length - 1} periods in a row, from ${percent(insight.rates[0], 2)} in ${insight.periods[0]} to ${percent(insight.rates[insight.rates.length - 1], 2)} in ${insight.periods[insight.periods.length - 1]}. Look for fatigue, a seasonal dip or a tracking change.`,
      };
    case 'srm': {
      const split = Object.entries(insight.visitors).map(([arm, n]) => `${arm} ${n}`).join(', ');
      return {
        headline: `${insight.experiment}: traffic split does not match the plan`,
        text: `The visitors${where(insight.period, insight.segment)} (${split}) are too uneven to be chance (${pText(insight.pValue)}). Until the assignment or tracking is fixed, the results of ${insight.experiment} cannot be trusted.`,
      };
    }
    case 'overdue':
      return {
        headline: `${insight.experiment} is waiting for a decision`,
        text: `${insight.experiment} was planned to end on ${insight.endDate}, ${insight.daysOverdue} days ago, and no decision is recorded. Decide to scale, iterate or stop, and log what was learned.`,
      };
  }
}

/** The narrative for one insight, ending with the rows it comes from. */
export function narrate(insight: Insight): Narrative {
  const { headline, text } = body(insight);
  return { kind: insight.kind, experiment: insight.experiment, headline, text: `${text} (Source: ${rowsText(insight.rows)}.)`, rows: insight.rows };
}
