import type { Rule } from '../kit';

// The kit's rules said as instructions, so one rule drives the check, the prompt and the fix.
// Regular-expression rules are left to the check: a pattern means little to a model.

const maxItems = 12;

function quoted(items: readonly string[]): string {
  const shown = items.slice(0, maxItems).map((item) => `"${item}"`);
  return items.length > maxItems ? `${shown.join(', ')}, …` : shown.join(', ');
}

function where(rule: Rule): string {
  return rule.channels?.length ? ` (in ${rule.channels.join(', ')})` : '';
}

const scopes: Record<string, string> = { sentence: 'each sentence', paragraph: 'each paragraph', line: 'each line', text: 'the whole text' };

function instruction(rule: Rule): string | string[] | undefined {
  switch (rule.type) {
    case 'existence':
      return rule.tokens.length ? `Leave out ${quoted(rule.tokens)}${where(rule)}` : undefined;
    case 'substitution': {
      if (rule.regex) return undefined;
      const swaps = Object.entries(rule.swap).map(([from, to]) => `"${Array.isArray(to) ? to[0] : to}", not "${from}"`);
      return swaps.length ? `Write ${swaps.slice(0, maxItems).join('; ')}${where(rule)}` : undefined;
    }
    case 'capitalization':
      return [
        rule.terms.length ? `Write these names exactly so: ${quoted(rule.terms)}` : '',
        rule.style ? `${rule.scope === 'headings' ? 'Headings use' : rule.scope === 'lines' ? 'Each line uses' : 'The copy uses'} ${rule.style} case${where(rule)}` : '',
      ];
    case 'length': {
      const limits = [
        rule.maxWords !== undefined ? `${rule.maxWords} words` : '',
        rule.maxGraphemes !== undefined ? `${rule.maxGraphemes} characters` : '',
      ].filter(Boolean);
      return limits.length ? `Keep ${scopes[rule.scope]} to at most ${limits.join(' and ')}${where(rule)}` : undefined;
    }
    case 'consistency': {
      const pairs = Object.entries(rule.either).map(([one, other]) => `"${one}", not "${other}"`);
      return pairs.length ? `Spell one way throughout: ${pairs.slice(0, maxItems).join('; ')}` : undefined;
    }
    case 'conditional':
      return `Spell out an acronym the first time you use it${rule.exceptions.length ? ` (not needed for ${rule.exceptions.slice(0, maxItems).join(', ')})` : ''}`;
    case 'readability':
      return `Aim for a reading grade of ${rule.maxGrade} or lower${where(rule)}`;
    case 'required':
      return `Include ${quoted(rule.elements)}${where(rule) || ' in every piece'}`;
    case 'occurrence':
      // A message with no placeholders is already an instruction ("No emoji in subject lines.").
      return /%s|\{[a-z]+\}/.test(rule.message) ? undefined : `${rule.message.replace(/\.$/, '')}${where(rule)}`;
  }
  // Repetition is a typo check, and claims have their own policy in the prompt.
  return undefined;
}

/** One instruction per kit rule a model can follow. */
export function ruleLines(rule: Rule): string[] {
  return [instruction(rule)].flat().filter((line): line is string => !!line);
}
