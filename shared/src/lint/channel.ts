import type { Severity } from '../findings';
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
  const report = (rule: string, severity: Severity, message: string, start: number, end = start, suggestions: string[] = []) =>
    ctx.report({ rule, severity, message, start, end, suggestions });
  // A disclosure label on a line of its own is a separate field: the copy's limit does not count it.
  const label = ctx.kit.disclosure?.label;
  const trimmed = ctx.text.trimEnd();
  const copyEnd = label && trimmed.endsWith(label) && /[\r\n]\s*$/.test(trimmed.slice(0, -label.length)) ? trimmed.slice(0, -label.length).trimEnd().length : ctx.text.length;
  checkLimits(ctx, { start: 0, end: copyEnd }, channel, (start, end, detail) =>
    report('channel.length', detail.min !== undefined ? 'warning' : channel.severity, limitMessage(channel.name, detail), start, end),
  );
  reportMissing(ctx, channel.requiredElements, (element, at) => report('channel.required', 'error', `${channel.name} needs ${describeElement(element)}.`, at));
  if (aiGenerated && channel.disclosureRequired && label) {
    reportMissing(ctx, ['disclosure'], (_element, at) =>
      report('disclosure.missing', 'error', `AI-written copy on ${channel.name} must carry “${label}”.`, at, at, [`${/[\r\n]/.test(ctx.text) ? '\n\n' : ' '}${label}`]),
    );
  }
}
