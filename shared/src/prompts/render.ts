// A small Mustache subset for prompt text: `{{x}}`, `{{a.b}}`, `{{.}}`, sections `{{#x}}…{{/x}}`,
// inverted sections `{{^x}}…{{/x}}` and partials `{{> name}}`. It walks a parsed tree; nothing is evaluated.
// Unlike Mustache, a name that resolves to nothing is an error, so a typo cannot silently drop the brief.

/** What went wrong while rendering, with the template and the variable at fault. */
export interface RenderError {
  templateId: string;
  variable: string;
  message: string;
}

export type RenderResult = { ok: true; value: string } | { ok: false; error: RenderError };

// Text is a plain string; a tag keeps its sigil ('' for a variable) and, for a section, what it holds.
type Node = string | Tag;
interface Tag {
  sigil: string;
  name: string;
  children: Node[];
}

class Failure {
  constructor(
    readonly variable: string,
    readonly message: string,
  ) {}
}

// A tag alone on its line takes the line with it, so sections do not leave blank lines in prompts.
const standaloneTag = /^[ \t]*(\{\{\s*[#^/>][^}]*\}\})[ \t]*(?:\r?\n|$)/gm;
const tag = /\{\{\s*([#^/>]?)\s*([^}]*?)\s*\}\}/g;

function parse(source: string): Node[] {
  const text = source.replace(standaloneTag, '$1');
  const root: Tag = { sigil: '#', name: '', children: [] };
  const stack = [root];
  let last = 0;
  for (const match of text.matchAll(tag)) {
    const top = stack[stack.length - 1]!;
    if (match.index > last) top.children.push(text.slice(last, match.index));
    last = match.index + match[0].length;
    const [, sigil = '', name = ''] = match;
    if (!name) throw new Failure('', `an empty tag "${match[0]}"`);
    if (sigil === '/') {
      // The root's name is empty and a tag's never is, so a close with nothing open fails here too.
      if (top.name !== name) throw new Failure(name, `"{{/${name}}}" closes a section that is not open`);
      stack.pop();
    } else {
      const node: Tag = { sigil, name, children: [] };
      top.children.push(node);
      if (sigil === '#' || sigil === '^') stack.push(node);
    }
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1]!.name;
    throw new Failure(open, `the section "{{#${open}}}" is never closed`);
  }
  if (last < text.length) root.children.push(text.slice(last));
  return root.children;
}

const absent = Symbol('absent');

function hasKey(frame: unknown, key: string): frame is Record<string, unknown> {
  return typeof frame === 'object' && frame !== null && Object.prototype.hasOwnProperty.call(frame, key);
}

function lookup(stack: readonly unknown[], name: string): unknown {
  if (name === '.') return stack[stack.length - 1];
  const [head = '', ...rest] = name.split('.');
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i];
    if (!hasKey(frame, head)) continue;
    let value: unknown = frame[head];
    for (const key of rest) {
      if (!hasKey(value, key)) return absent;
      value = value[key];
    }
    return value;
  }
  return absent;
}

/** Makes text unable to close or open a `<data>` fence, whatever it contains. */
export function neutraliseFence(text: string): string {
  return text.replace(/<(\s*\/?\s*data)/gi, '&lt;$1');
}

function interpolate(name: string, value: unknown): string {
  if (value === absent) throw new Failure(name, `the variable "${name}" is missing`);
  if (typeof value === 'string') return neutraliseFence(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value == null) throw new Failure(name, `the variable "${name}" has no value`);
  throw new Failure(name, `the variable "${name}" is a list or object; use a section to show it`);
}

function isEmpty(value: unknown): boolean {
  return value === false || value == null || value === '' || (Array.isArray(value) && value.length === 0);
}

function walk(nodes: readonly Node[], stack: unknown[], partials: Readonly<Record<string, string>>, depth: number): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += node;
      continue;
    }
    const { sigil, name, children } = node;
    if (!sigil) out += interpolate(name, lookup(stack, name));
    else if (sigil === '>') {
      const partial = partials[name];
      if (typeof partial !== 'string') throw new Failure(name, `the partial "${name}" does not exist`);
      // Partials may include partials; a cycle would never end, so depth is bounded.
      if (depth > 8) throw new Failure(name, `partials nest too deeply at "${name}"`);
      out += walk(parsed(partial), stack, partials, depth + 1);
    } else {
      const value = lookup(stack, name);
      if (value === absent) throw new Failure(name, `the section "${name}" names a missing variable`);
      if (sigil === '^') {
        if (isEmpty(value)) out += walk(children, stack, partials, depth);
      } else if (Array.isArray(value)) {
        for (const item of value) out += walk(children, [...stack, item], partials, depth);
      } else if (value === true) {
        out += walk(children, stack, partials, depth);
      } else if (!isEmpty(value)) {
        out += walk(children, [...stack, value], partials, depth);
      }
    }
  }
  return out;
}

const parsedCache = new Map<string, Node[]>();

function parsed(source: string): Node[] {
  let nodes = parsedCache.get(source);
  if (!nodes) parsedCache.set(source, (nodes = parse(source)));
  return nodes;
}

/** A render error as a value, naming the template and the variable at fault. */
export function renderFailure(templateId: string, variable: string, message: string): { ok: false; error: RenderError } {
  return { ok: false, error: { templateId, variable, message: `template "${templateId}": ${message}` } };
}

/** Renders template text against a view; every failure comes back as a value naming the template and variable. */
export function renderText(
  templateId: string,
  source: string,
  view: Readonly<Record<string, unknown>>,
  partials: Readonly<Record<string, string>> = {},
): RenderResult {
  try {
    return { ok: true, value: walk(parsed(source), [view], partials, 0) };
  } catch (error) {
    if (error instanceof Failure) return renderFailure(templateId, error.variable, error.message);
    throw error;
  }
}
