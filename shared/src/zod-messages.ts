import type { $ZodErrorMap } from 'zod/v4/core';

// English messages for the checks the kit, brief and RPC schemas use. zod's own English locale
// also names every string format (e-mail, UUID, IBAN…) that no Onbrand schema has; this keeps its
// wording for the rest at a fraction of the size, which matters in the Apps Script bundles.

const sizeUnits: Record<string, string> = { string: 'characters', array: 'items', set: 'items', map: 'entries', file: 'bytes' };

function typeName(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && !Number.isFinite(input)) return Number.isNaN(input) ? 'NaN' : String(input);
  return typeof input;
}

const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : typeof value === 'bigint' ? `${value}n` : String(value));

function sizeMessage(origin: string, bound: 'small' | 'big', comparison: string, limit: unknown): string {
  const unit = sizeUnits[origin];
  return `Too ${bound}: expected ${origin} to ${unit ? `have ${comparison}${String(limit)} ${unit}` : `be ${comparison}${String(limit)}`}`;
}

export const englishMessages: $ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected}, received ${typeName(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Invalid input: expected ${show(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(show).join('|')}`;
    case 'too_big':
      return sizeMessage(issue.origin ?? 'value', 'big', issue.exact ? 'exactly ' : issue.inclusive ? '<=' : '<', issue.maximum);
    case 'too_small':
      return sizeMessage(issue.origin ?? 'value', 'small', issue.exact ? 'exactly ' : issue.inclusive ? '>=' : '>', issue.minimum);
    case 'invalid_format':
      return issue.format === 'regex' ? `Invalid string: must match pattern ${issue.pattern}` : `Invalid ${issue.format}`;
    case 'not_multiple_of':
      return `Invalid number: must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map(show).join(', ')}`;
    case 'invalid_key':
      return `Invalid key in ${issue.origin}`;
    case 'invalid_element':
      return `Invalid value in ${issue.origin}`;
    case 'invalid_union': {
      // A discriminated union adds the discriminator values it knows; its issue type does not declare them.
      const options = (issue as { options?: unknown[] }).options;
      return options?.length ? `Invalid discriminator value. Expected ${options.map((option) => `'${String(option)}'`).join(' | ')}` : 'Invalid input';
    }
    default:
      return 'Invalid input';
  }
};
