import type { BrandKit, ClaimCategory, RuleOf } from '../kit';
import { skipKinds } from '../kit';
import { foldCase } from '../text';
import type { CompiledRule } from './compiled';
import { escapeRegExp, reporter } from './context';
import { compilePattern, type OwnPattern } from './pattern';

// Built-in claim triggers per category. Superlatives, guarantees and absolutes follow the FTC's
// advertising-substantiation guidance and the UK CAP Code (section 3, "Misleading advertising");
// health words follow the FDA's line between cosmetics and drugs ("Is it a cosmetic, a drug, or
// both?"); finance words follow FINRA Rule 2210 on promissory and performance claims.
const builtIn: Record<ClaimCategory, string> = {
  superlatives: String.raw`\b(?:best|greatest|fastest|cheapest|safest|leading|world-class|best-in-class|unbeatable|unmatched|unrivall?ed|ultimate|revolutionary|top-rated|award-winning|number one|no\. ?1)\b|#1\b|\bmost (?:popular|trusted|advanced|powerful|effective|secure)\b`,
  guarantees: String.raw`\b(?:guarantee[sd]?|promise[sd]?|risk-free|no risk|money-back|warrant(?:y|ies|ied)|proven)\b`,
  absolutes: String.raw`\b(?:always|never|forever|completely|totally|entirely|instantly|permanently|perfect(?:ly)?|everyone|everybody|nobody|no one|zero)\b`,
  numbers: String.raw`\b\d+(?:[.,]\d+)*\+?\s?(?:x|×)(?![\p{L}\p{N}])|\b\d+(?:[.,]\d+)*\+?\s(?:times|hours?|hrs?|days?|weeks?|minutes?|customers?|users?|teams?|companies|businesses|people|brands|countries|reviews?|stars?|clients?|members?)\b|\b\d(?:\.\d)?\s?\/\s?5\b|\b\d{1,3}(?:,\d{3})+\b`,
  prices: String.raw`[$€£¥₹]\s?\d+(?:[.,]\d+)*(?:\s?[kKmM]\b)?|\b\d+(?:[.,]\d+)*\s?(?:USD|EUR|GBP|dollars?|euros?|pounds)\b|(?<![-\p{L}])free\b(?!-)`,
  percentages: String.raw`\b\d+(?:[.,]\d+)?\s?(?:%|percent\b|per cent\b)`,
  health: String.raw`\b(?:cures?|cured|heals?|healing|treatment|treats acne|prevents?|clinically (?:proven|tested)|dermatologist[- ](?:tested|recommended|approved)|hypoallergenic|anti-?ag(?:e|ei)ng|eczema|acne|psoriasis|rosacea|FDA[- ]approved|non-toxic|chemical-free|detox(?:ify|ifying)?|medical-grade|therapeutic|repairs? (?:skin|damage)|boosts? collagen)\b`,
  finance: String.raw`\b(?:ROI|return on investment|guaranteed returns?|APR|APY|interest rate|tax[- ](?:free|deductible|savings?)|FDIC|insured|pays? for itself|no (?:hidden )?fees|fee-free|credit score|cash ?back)\b`,
};

// What text must hold before a built-in category can match: every number, price and percentage
// trigger has a digit (or, for prices, "free"). Most copy has none, and one search rules three out.
const builtInNeeds: Partial<Record<ClaimCategory, RegExp>> = { numbers: /\d/, percentages: /\d/, prices: /\d|free/i };

/** A category's pattern, and a quick test that rules it out when the text cannot match. */
export interface ClaimPattern extends OwnPattern {
  needs?: RegExp;
}

const categoryNames: Record<ClaimCategory, string> = {
  superlatives: 'a superlative',
  guarantees: 'a guarantee',
  absolutes: 'an absolute',
  numbers: 'a number or statistic',
  prices: 'a price or offer',
  percentages: 'a percentage',
  health: 'a regulated health claim',
  finance: 'a regulated financial claim',
};

const defaultMessage = '“{match}” is {category}; it needs review unless it is an approved claim.';

/** One regex per category (every category unless told which): the built-in triggers plus the kit's own words. */
export function claimPatterns(kit: BrandKit, categories = Object.keys(builtIn) as ClaimCategory[]): Map<ClaimCategory, ClaimPattern> {
  const words = kit.claims?.words ?? {};
  const out = new Map<ClaimCategory, ClaimPattern>();
  for (const category of categories) {
    const extra = ((words as Record<string, string[] | undefined>)[category] ?? []).map((w) => `\\b${escapeRegExp(w)}\\b`);
    const pattern: ClaimPattern = compilePattern([builtIn[category], ...extra].join('|'), 'giu');
    // The kit's own words need no digit, so a category with some is always searched.
    const needs = extra.length === 0 ? builtInNeeds[category] : undefined;
    if (needs) pattern.needs = needs;
    out.set(category, pattern);
  }
  return out;
}

/** The ranges of the text covered by approved claims (case-blind). */
export function approvedRanges(text: string, approved: readonly string[]): { start: number; end: number }[] {
  const folded = foldCase(text);
  const out: { start: number; end: number }[] = [];
  for (const claim of approved) {
    const needle = foldCase(claim.trim());
    if (!needle) continue;
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) out.push({ start: at, end: at + needle.length });
  }
  return out;
}

/** Claims needing review, in the rule's categories or else the kit's. Findings are reported as `claims.<category>`. */
export function compileClaims(rule: RuleOf<'claims'>, kit: BrandKit): CompiledRule {
  // Each category's reporter is made once per kit, not on every lint.
  const categories = [...claimPatterns(kit, rule.categories ?? kit.claims?.review ?? [])].map(([category, pattern]) => ({
    pattern,
    report: reporter(rule, `claims.${category}`),
    name: categoryNames[category],
  }));
  return {
    check(ctx) {
      for (const { pattern, report, name } of categories) {
        if (pattern.needs && !pattern.needs.test(ctx.text)) continue;
        ctx.matches(pattern, rule, (start, end, m) => report(ctx, start, end, [m[0]], { match: m[0], category: name }));
      }
    },
  };
}

/** The claims rule a kit gets when it lists claims to review but writes no claims rule itself. */
export function implicitClaimsRule(kit: BrandKit): RuleOf<'claims'> | undefined {
  const review = kit.claims?.review ?? [];
  if (review.length === 0 || (kit.rules ?? []).some((rule) => rule.type === 'claims')) return undefined;
  return { type: 'claims', id: 'claims', severity: 'warning', message: defaultMessage, skip: [...skipKinds], categories: review };
}
