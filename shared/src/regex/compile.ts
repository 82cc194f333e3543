// Compiles a kit's regular expression (JavaScript syntax, `u` mode) into a small program for the
// linear-time matcher in `match.ts`. JavaScript's own engine backtracks, so some patterns take
// exponential or polynomial time on near-misses; this program never backtracks over the text.
// Lookaround and back-references cannot run in linear time, so they are refused, as RE2 refuses them.
// The source is first compiled by JavaScript, so the parser here only ever sees valid syntax.
// One difference remains, as in RE2: JavaScript rejects an iteration of a repeat that matched empty
// text, so a repeat of something that can match nothing ("(?:a*?)*") may match differently here.

/** One instruction. `next`/`alt` are instruction indexes. */
export type Instruction =
  | { op: 'char'; test: (cp: number) => boolean; source: string; next: number }
  | { op: 'split'; next: number; alt: number }
  | { op: 'save'; slot: number; next: number }
  /** Forgets the groups numbered from `first` to `last`, as each new iteration of a repeat does in JavaScript. */
  | { op: 'reset'; first: number; last: number; next: number }
  | { op: 'assert'; kind: '^' | '$' | 'b' | 'B'; next: number }
  | { op: 'match' };

export interface Program {
  code: Instruction[];
  /** JavaScript's flags for the pattern's single-character tests: u, and i when case is ignored. */
  flags: string;
  /** The most characters (code points) one match can span, or Infinity. */
  maxLength: number;
  /** Number of capture groups, group 0 (the whole match) excluded. */
  groups: number;
  names: Record<string, number>;
  /** Whether a code point is a word character for \b, as the pattern's flags define it. */
  isWord: (cp: number) => boolean;
}

/** A pattern this engine cannot run, with the reason in words a kit author can act on. */
export class UnsupportedPattern extends Error {}

/** Programs longer than this are refused: their size multiplies the work per character. */
export const maxInstructions = 4000;

type Node =
  | { kind: 'char'; source: string }
  | { kind: 'assert'; which: '^' | '$' | 'b' | 'B' }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'group'; index: number | undefined; body: Node }
  | { kind: 'repeat'; body: Node; min: number; max: number; lazy: boolean; groups: [number, number] };

function parse(source: string): { root: Node; groups: number; names: Record<string, number> } {
  let pos = 0;
  let groups = 0;
  const names: Record<string, number> = {};
  const refuse = (what: string): never => {
    throw new UnsupportedPattern(`${what} cannot be matched in linear time; rewrite the pattern without it`);
  };

  function alternation(): Node {
    const options = [sequence()];
    while (source[pos] === '|') {
      pos++;
      options.push(sequence());
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  }

  function sequence(): Node {
    const items: Node[] = [];
    while (pos < source.length && source[pos] !== '|' && source[pos] !== ')') {
      const before = groups;
      items.push(quantified(atom(), before));
    }
    return { kind: 'seq', items };
  }

  function quantified(node: Node, groupsBefore: number): Node {
    const m = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})(\?)?/.exec(source.slice(pos, pos + 24));
    if (!m) return node;
    pos += m[0].length;
    const min = m[1] ? (m[1] === '+' ? 1 : 0) : Number(m[2]);
    const max = m[1] ? (m[1] === '?' ? 1 : Infinity) : m[3] === undefined ? min : m[4] ? Number(m[4]) : Infinity;
    if (min > 1000 || (max !== Infinity && max > 1000)) throw new UnsupportedPattern('a repeat count above 1000 makes the pattern too large; use a smaller count');
    return { kind: 'repeat', body: node, min, max, lazy: m[5] !== undefined, groups: [groupsBefore + 1, groups] };
  }

  function atom(): Node {
    const start = pos;
    const c = source[pos]!;
    if (c === '^' || c === '$') {
      pos++;
      return { kind: 'assert', which: c };
    }
    if (c === '(') {
      pos++;
      if (/^\?<?[=!]/.test(source.slice(pos, pos + 3))) refuse('lookaround such as (?=…), (?!…), (?<=…) or (?<!…)');
      let index: number | undefined;
      if (source.startsWith('?:', pos)) pos += 2;
      else if (source.startsWith('?<', pos)) {
        const close = source.indexOf('>', pos);
        index = ++groups;
        names[source.slice(pos + 2, close)] = index;
        pos = close + 1;
      } else if (source[pos] === '?') refuse(`the group "(${source.slice(pos, pos + 3)}"`);
      else index = ++groups;
      const body = alternation();
      pos++; // ')'
      return { kind: 'group', index, body };
    }
    if (c === '[') {
      pos++;
      if (source[pos] === '^') pos++;
      while (source[pos] !== ']') pos += source[pos] === '\\' ? 2 : 1;
      pos++;
      return { kind: 'char', source: source.slice(start, pos) };
    }
    if (c === '\\') {
      const e = source[pos + 1]!;
      if (e === 'b' || e === 'B') {
        pos += 2;
        return { kind: 'assert', which: e };
      }
      if (/[1-9]/.test(e) || e === 'k') refuse('a back-reference such as \\1 or \\k<name>');
      const tail = /^(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}(?:\\u[0-9a-fA-F]{4})?|x[0-9a-fA-F]{2}|c[A-Za-z]|.)/su.exec(source.slice(pos + 1))![0];
      pos += 1 + tail.length;
      return { kind: 'char', source: source.slice(start, pos) };
    }
    pos += String.fromCodePoint(source.codePointAt(pos)!).length;
    return { kind: 'char', source: source.slice(start, pos) };
  }

  const root = alternation();
  return { root, groups, names };
}

function maxLength(node: Node): number {
  switch (node.kind) {
    case 'char': return 1;
    case 'assert': return 0;
    case 'seq': return node.items.reduce((sum, item) => sum + maxLength(item), 0);
    case 'alt': return Math.max(...node.options.map(maxLength));
    case 'group': return maxLength(node.body);
    case 'repeat': {
      const body = maxLength(node.body);
      return body === 0 ? 0 : body * node.max;
    }
  }
}

// A one-character test from an atom's own source: JavaScript decides what the atom matches (case
// folding and Unicode properties included), one code point at a time, remembered per code point.
function charTest(source: string, flags: string): (cp: number) => boolean {
  const re = new RegExp(`^(?:${source})$`, flags);
  const ascii = new Int8Array(128).fill(-1);
  const other = new Map<number, boolean>();
  return (cp) => {
    if (cp < 128) {
      if (ascii[cp] === -1) ascii[cp] = re.test(String.fromCharCode(cp)) ? 1 : 0;
      return ascii[cp] === 1;
    }
    let hit = other.get(cp);
    if (hit === undefined) other.set(cp, (hit = re.test(String.fromCodePoint(cp))));
    return hit;
  };
}

/** Compiles a pattern (valid JavaScript `u`-mode syntax) for the linear matcher; throws UnsupportedPattern. */
export function compileProgram(source: string, ignoreCase: boolean): Program {
  const flags = ignoreCase ? 'iu' : 'u';
  const { root, groups, names } = parse(source);
  const code: Instruction[] = [];
  const tests = new Map<string, (cp: number) => boolean>();
  const emit = (instruction: Instruction) => {
    if (code.length >= maxInstructions) throw new UnsupportedPattern(`the pattern is too large (over ${maxInstructions} steps); use smaller repeat counts`);
    code.push(instruction);
    return code.length - 1;
  };
  // Emits `node` so that it continues at whatever instruction comes next.
  function gen(node: Node): void {
    switch (node.kind) {
      case 'char': {
        let test = tests.get(node.source);
        if (!test) tests.set(node.source, (test = charTest(node.source, flags)));
        emit({ op: 'char', test, source: node.source, next: code.length + 1 });
        return;
      }
      case 'assert':
        emit({ op: 'assert', kind: node.which, next: code.length + 1 });
        return;
      case 'seq':
        node.items.forEach(gen);
        return;
      case 'group':
        if (node.index !== undefined) emit({ op: 'save', slot: node.index * 2, next: code.length + 1 });
        gen(node.body);
        if (node.index !== undefined) emit({ op: 'save', slot: node.index * 2 + 1, next: code.length + 1 });
        return;
      case 'alt': {
        const jumps: { op: 'split'; next: number; alt: number }[] = [];
        node.options.forEach((option, i) => {
          const last = i === node.options.length - 1;
          const split = last ? undefined : { op: 'split' as const, next: code.length + 1, alt: 0 };
          if (split) emit(split);
          gen(option);
          if (!last) {
            const jump = { op: 'split' as const, next: 0, alt: 0 };
            emit(jump);
            jumps.push(jump);
            split!.alt = code.length;
          }
        });
        for (const jump of jumps) jump.next = jump.alt = code.length;
        return;
      }
      case 'repeat': {
        const [first, last] = node.groups;
        const body = () => {
          if (first <= last) emit({ op: 'reset', first, last, next: code.length + 1 });
          gen(node.body);
        };
        for (let i = 0; i < node.min; i++) body();
        if (node.max === Infinity) {
          const loop = code.length;
          const split = { op: 'split' as const, next: 0, alt: 0 };
          emit(split);
          const start = code.length;
          body();
          emit({ op: 'split', next: loop, alt: loop });
          [split.next, split.alt] = node.lazy ? [code.length, start] : [start, code.length];
          return;
        }
        // Optional copies nest, (x(x)?)?, so the greedy one takes as many as it can, as JavaScript does.
        const splits: { op: 'split'; next: number; alt: number }[] = [];
        for (let i = node.min; i < node.max; i++) {
          const split = { op: 'split' as const, next: code.length + 1, alt: 0 };
          emit(split);
          splits.push(split);
          body();
        }
        for (const split of splits) {
          if (node.lazy) [split.next, split.alt] = [code.length, split.next];
          else split.alt = code.length;
        }
        return;
      }
    }
  }
  emit({ op: 'save', slot: 0, next: 1 });
  gen(root);
  emit({ op: 'save', slot: 1, next: code.length + 1 });
  emit({ op: 'match' });
  return { code, flags, maxLength: maxLength(root), groups, names, isWord: charTest('\\w', flags) };
}
