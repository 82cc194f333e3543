import type { BrandKit, RuleOf } from '../kit';
import { findSkipSpans, foldCase } from '../text';
import type { CompiledRule } from './compiled';
import { reporter, type LintContext } from './context';

// Named elements a kit or channel can require; anything else is literal text that must appear.
const elementPatterns: Record<string, RegExp> = {
  cta: /\b(?:shop|buy|order|get|try|start|book|sign up|join|learn more|discover|download|subscribe|register|request|claim|explore|see|contact|call|reserve|apply|upgrade|schedule|visit|find out)\b/iu,
  'opt-out': /\b(?:stop|unsubscribe|opt[- ]out)\b/iu,
  hashtag: /(?:^|\s)#[\p{L}\p{N}_]+/u,
};

const elementNames: Record<string, string> = {
  cta: 'a call to action',
  'opt-out': 'opt-out wording (such as “Reply STOP to opt out”)',
  link: 'a link',
  'brand-name': 'the brand name',
  hashtag: 'a hashtag',
  disclosure: 'the AI disclosure label',
};

/** Whether the text contains the element. */
export function hasElement(text: string, element: string, kit: BrandKit): boolean {
  const pattern = elementPatterns[element];
  if (pattern) return pattern.test(text);
  if (element === 'link') return findSkipSpans(text).some((span) => span.kind === 'urls') || /\b[\w-]+\.(?:com|io|co|org|net|app|shop)\b/i.test(text);
  const literal = element === 'brand-name' ? kit.name : element === 'disclosure' ? kit.disclosure?.label ?? '' : element;
  return literal === '' || foldCase(text).includes(foldCase(literal));
}

/** Whether an element is one of the named kinds (`cta`, `link`…) rather than literal text. */
export const isNamedElement = (element: string) => Object.prototype.hasOwnProperty.call(elementNames, element);

/** How a finding names a missing element. */
export function describeElement(element: string): string {
  return elementNames[element] ?? `“${element}”`;
}

/** Reports each element the text lacks, as an empty range at the end of the text. */
export function reportMissing(ctx: LintContext, elements: readonly string[], report: (element: string, at: number) => void): void {
  const at = ctx.text.trimEnd().length;
  for (const element of elements) if (!hasElement(ctx.text, element, ctx.kit)) report(element, at);
}

/** Elements the copy must contain. */
export function compileRequired(rule: RuleOf<'required'>): CompiledRule {
  const report = reporter(rule);
  return {
    check(ctx) {
      reportMissing(ctx, rule.elements, (element, at) => {
        const name = describeElement(element);
        report(ctx, at, at, [name], { element: name });
      });
    },
  };
}
