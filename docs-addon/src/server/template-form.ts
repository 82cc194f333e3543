import type { Issue } from '@onbrand/shared';
import type { PromptTemplate } from '@onbrand/shared/prompts';
import type { TemplateField } from '../contract';

// A form is generated from each template's typed input (its zod/mini schema): strings become text
// boxes, numbers number boxes, lists of strings one-item-a-line boxes, enums choices, and anything
// richer a JSON box. Nested objects flatten to dotted names ("brief.product").

interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  entries?: Record<string, string>;
}

// Words a marketer uses for a few variable names; the rest are spelled out from camelCase.
const plainLabels: Readonly<Record<string, string>> = { cta: 'Call to action', maxGraphemes: 'Max characters', adHeadline: 'Ad headline' };

const labelOf = (name: string) => {
  const last = name.split('.').pop()!;
  return plainLabels[last] ?? last.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
};

function valueAt(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);
}

function sampleText(kind: TemplateField['kind'], value: unknown): string {
  if (value === undefined || value === null) return '';
  if (kind === 'list' && Array.isArray(value)) return value.join('\n');
  if (kind === 'json') return JSON.stringify(value, null, 1);
  return String(value);
}

function walk(def: Def, path: string[], required: boolean, sample: unknown, out: TemplateField[]): void {
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') return walk(def.innerType!._zod.def, path, false, sample, out);
  if (def.type === 'object') {
    // The repair slot is for the generator's second request, never for a person.
    for (const [key, child] of Object.entries(def.shape ?? {})) if (key !== 'repair') walk(child._zod.def, [...path, key], required, sample, out);
    return;
  }
  const element = def.element?._zod.def.type;
  const kind: TemplateField['kind'] =
    def.type === 'string' ? 'text'
    : def.type === 'number' || def.type === 'int' ? 'number'
    : def.type === 'boolean' ? 'boolean'
    : def.type === 'enum' ? 'choice'
    : def.type === 'array' && element === 'string' ? 'list'
    : 'json';
  const name = path.join('.');
  out.push({ name, label: labelOf(name), kind, required, choices: def.entries ? Object.values(def.entries) : [], sample: sampleText(kind, valueAt(sample, path)) });
}

/** The form fields for a template's input. */
export function templateFields(template: PromptTemplate): TemplateField[] {
  const out: TemplateField[] = [];
  walk((template.input as unknown as { _zod: { def: Def } })._zod.def, [], true, template.sample, out);
  return out;
}

/** Turns the form's text values into the template's typed input; bad numbers or JSON are named by field. */
export function formValues(fields: readonly TemplateField[], values: Readonly<Record<string, unknown>>): { vars: Record<string, unknown>; issues: Issue[] } {
  const vars: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const field of fields) {
    const raw = values[field.name];
    if (raw === undefined || raw === '') continue;
    let value: unknown = raw;
    // Values other than text (a sidebar may send a number or a list as is) are taken as they are.
    if (typeof raw === 'string') {
      if (field.kind === 'number') {
        value = Number(raw);
        if (!Number.isFinite(value as number)) issues.push({ path: field.name, message: 'expected a number' });
      } else if (field.kind === 'boolean') value = raw === 'true';
      else if (field.kind === 'list') value = raw.split('\n').map((line) => line.trim()).filter(Boolean);
      else if (field.kind === 'json') {
        try {
          value = JSON.parse(raw);
        } catch {
          issues.push({ path: field.name, message: 'expected JSON, as in the example' });
        }
      }
    }
    const path = field.name.split('.');
    let at = vars;
    for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
    at[path[path.length - 1]!] = value;
  }
  return { vars, issues };
}
