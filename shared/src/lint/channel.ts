import { checkLimits, limitMessage } from './length';
import { describeElement, reportMissing } from './required';
import type { LintContext } from './context';

/**
 * The channel's own checks: its length limits (counted in graphemes, as the channel counts), its
 * required elements and, for AI-written copy, the disclosure label. Findings are reported as
 * `channel.length`, `channel.required` and `disclosure.missing`.
 */
export function checkChannel(ctx: LintContext, aiGenerated: boolean): void {
  const channel = ctx.channel;
  if (!channel) return;
  const whole = { start: 0, end: ctx.text.length };
  checkLimits(ctx, whole, channel, (start, end, detail) =>
    ctx.report({
      rule: 'channel.length',
      severity: detail.min !== undefined ? 'warning' : channel.severity,
      message: limitMessage(channel.name, detail),
      start,
      end,
      suggestions: [],
    }),
  );
  reportMissing(ctx, channel.requiredElements, (element, at) =>
    ctx.report({ rule: 'channel.required', severity: 'error', message: `${channel.name} needs ${describeElement(element)}.`, start: at, end: at, suggestions: [] }),
  );
  const label = ctx.kit.disclosure?.label;
  if (aiGenerated && channel.disclosureRequired && label) {
    reportMissing(ctx, ['disclosure'], (_element, at) =>
      ctx.report({
        rule: 'disclosure.missing',
        severity: 'error',
        message: `AI-written copy on ${channel.name} must carry “${label}”.`,
        start: at,
        end: at,
        suggestions: [`${/[\r\n]/.test(ctx.text) ? '\n\n' : ' '}${label}`],
      }),
    );
  }
}
