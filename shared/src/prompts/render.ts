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

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string }
  | { kind: 'section'; name: string; inverted: boolean; children: Node[] }
  | { kind: 'partial'; name: string };

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
  const root: Node[] = [];
  const stack: { name: string; children: Node[] }[] = [{ name: '', children: root }];
  let last = 0;
  for (const match of text.matchAll(tag)) {
    const top = stack[stack.length - 1]!;
    if (match.index > last) top.children.push({ kind: 'text', text: text.slice(last, match.index) });
    last = match.index + match[0].length;
    const [, sigil, name = ''] = match;
    if (!name) throw new Failure('', `an empty tag "${match[0]}"`);
    if (sigil === '#' || sigil === '^') {
      const section: Node = { kind: 'section', name, inverted: sigil === '^', children: [] };
      top.children.push(section);
      stack.push({ name, children: section.children });
    } else if (sigil === '/') {
      if (stack.length === 1 || top.name !== name) throw new Failure(name, `"{{/${name}}}" closes a section that is not open`);
      stack.pop();
    } else if (sigil === '>') {
      top.children.push({ kind: 'partial', name });
    } else {
      top.children.push({ kind: 'var', name });
    }
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1]!.name;
    throw new Failure(open, `the section "{{#${open}}}" is never closed`);
  }
  if (last < text.length) root.push({ kind: 'text', text: text.slice(last) });
  return root;
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
  if (value === null || value === undefined) throw new Failure(name, `the variable "${name}" has no value`);
  throw new Failure(name, `the variable "${name}" is a list or object; use a section to show it`);
}

function isEmpty(value: unknown): boolean {
  return value === false || value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function walk(nodes: readonly Node[], stack: unknown[], partials: Readonly<Record<string, Node[]>>, depth: number): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'var') out += interpolate(node.name, lookup(stack, node.name));
    else if (node.kind === 'partial') {
      const partial = partials[node.name];
      if (!partial) throw new Failure(node.name, `the partial "${node.name}" does not exist`);
      // Partials may include partials; a cycle would never end, so depth is bounded.
      if (depth > 8) throw new Failure(node.name, `partials nest too deeply at "${node.name}"`);
      out += walk(partial, stack, partials, depth + 1);
    } else {
      const value = lookup(stack, node.name);
      if (value === absent) throw new Failure(node.name, `the section "${node.name}" names a missing variable`);
      if (node.inverted) {
        if (isEmpty(value)) out += walk(node.children, stack, partials, depth);
      } else if (Array.isArray(value)) {
        for (const item of value) out += walk(node.children, [...stack, item], partials, depth);
      } else if (value === true) {
        out += walk(node.children, stack, partials, depth);
      } else if (!isEmpty(value)) {
        out += walk(node.children, [...stack, value], partials, depth);
      }
    }
  }
  return out;
}

const parsedCache = new Map<string, Node[]>();

function parsed(source: string): Node[] {
  let nodes = parsedCache.get(source);
  if (!nodes) {
    nodes = parse(source);
    parsedCache.set(source, nodes);
  }
  return nodes;
}

/** Renders template text against a view; every failure comes back as a value naming the template and variable. */
export function renderText(
  templateId: string,
  source: string,
  view: Readonly<Record<string, unknown>>,
  partials: Readonly<Record<string, string>> = {},
): RenderResult {
  try {
    const compiled: Record<string, Node[]> = {};
    for (const [name, text] of Object.entries(partials)) compiled[name] = parsed(text);
    return { ok: true, value: walk(parsed(source), [view], compiled, 0) };
  } catch (error) {
    if (error instanceof Failure) {
      return { ok: false, error: { templateId, variable: error.variable, message: `template "${templateId}": ${error.message}` } };
    }
    throw error;
  }
}
