import { describeIssues, issueLines, parseWith, type Parsed } from '../issues';
import type * as z from '../zod';
import type { BrandKit } from '../kit';
import { renderPrompt, type PromptTemplate, type RenderedPrompt } from '../prompts';
import { callModel, parseJson, type ModelConfig } from './providers';
import type { RetryPolicy } from './retry';
import type { Flow } from './transport';

/** A checked answer: what blocks it (brand errors) and what only asks for a retry (lengths, which can be cut). */
export interface Checked<R> {
  result: R;
  problems: string[];
  soft: string[];
}

export type Asked<R> = { ok: true; result: R; notices: string[] } | { ok: false; why: string };

/**
 * Thrown when the kit's privacy policy stops a request before it is sent. A blocked request must not
 * fall back to an offline draft as if the model had failed, so it ends the whole generation; `drafted`
 * turns it into an issue the user sees.
 */
export class PersonalDataBlocked extends Error {
  override name = 'PersonalDataBlocked';
}

export interface RepairRequest {
  problems: string[];
  previous: string;
}

/** Parses a model's JSON text and validates it, naming what is wrong. */
export function readJsonAnswer<S extends z.ZodMiniType>(schema: S, text: string): Parsed<z.output<S>> {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, issues: [{ path: '(root)', message: 'the answer is not valid JSON' }] };
  return parseWith(schema, json.value);
}

/** Renders a built-in template with inputs built in code from validated data; a failure is a bug there or in the template. */
export function promptFor<S extends z.ZodMiniType>(template: PromptTemplate<S>, vars: z.input<S>, kit: BrandKit): RenderedPrompt {
  const rendered = renderPrompt(template, vars, kit);
  if (!rendered.ok) throw new Error(rendered.error.message);
  return rendered.value;
}

// Enough of a broken answer for the model to see what it did, without sending a runaway answer back.
const previousLimit = 8000;

/**
 * The generation loop: one request; parse the answer, validate it against its schema and check it; if it is unusable or breaks rules,
 * one repair request listing the problems; if that fails too, say why (the caller falls back).
 */
export function* askWithRepair<S extends z.ZodMiniType, R>(
  prompt: (repair: RepairRequest | null) => RenderedPrompt,
  config: ModelConfig,
  policy: RetryPolicy,
  answerSchema: S,
  check: (value: z.output<S>) => Checked<R>,
): Flow<Asked<R>> {
  const read = (text: string) => readJsonAnswer(answerSchema, text);
  const first = yield* callModel(prompt(null), config, policy);
  if (!first.ok && first.kind === 'personal-data') throw new PersonalDataBlocked(first.message);
  if (!first.ok && first.kind !== 'unusable') return { ok: false, why: first.message };
  const held = first.ok ? first.notices : [];
  let problems: string[];
  if (!first.ok) problems = [first.message];
  else {
    const value = read(first.text);
    if (!value.ok) problems = issueLines(value.issues);
    else {
      const checked = check(value.value);
      if (!checked.problems.length && !checked.soft.length) return { ok: true, result: checked.result, notices: held };
      problems = [...checked.problems, ...checked.soft];
    }
  }
  const previous = first.ok ? first.text.slice(0, previousLimit) : '';
  const second = yield* callModel(prompt({ problems, previous }), config, policy);
  if (!second.ok && second.kind === 'personal-data') throw new PersonalDataBlocked(second.message);
  if (!second.ok) return { ok: false, why: `After a repair request, ${second.message}` };
  const value = read(second.text);
  if (!value.ok) return { ok: false, why: `The answer was still invalid after one repair request (${describeIssues(value.issues, '; ')})` };
  const checked = check(value.value);
  if (checked.problems.length) {
    const n = checked.problems.length;
    return { ok: false, why: `The answer still broke ${n} brand rule${n === 1 ? '' : 's'} after one repair request (${checked.problems.slice(0, 3).join('; ')})` };
  }
  const notices = [...new Set([...held, ...second.notices])];
  notices.push(`The first answer needed one repair request (${problems.length} problem${problems.length === 1 ? '' : 's'}).`);
  if (checked.soft.length) notices.push(`Cut to fit the channel limits: ${checked.soft.join('; ')}.`);
  return { ok: true, result: checked.result, notices };
}
