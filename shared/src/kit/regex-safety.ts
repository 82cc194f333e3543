// A small static analyser for the regular expressions a kit may hold. JavaScript's engine
// backtracks, so a pattern such as `(a+)+` takes exponential time on a near-miss like "aaaa…b"
// and would hang every surface that lints with the kit. We refuse two shapes that cause it
// (after the "star height" and "ambiguous alternation" criteria used by safe-regex and rxxr):
//  - a repeating quantifier inside another repeating quantifier: `(a+)+`, `(.*)*`, `(\w+\s?)*`;
//  - alternatives that can start with the same character under a repeating quantifier: `(a|a)*`, `(\w|\d)+`.
// A quantifier "repeats" when it is unbounded or allows more than `boundedRepeatLimit` copies;
// small bounded counts such as `(\d{1,3},)*` stay allowed because they cannot blow up.

const boundedRepeatLimit = 10;

/** A set of first characters: a bitmap of ASCII plus a flag for anything beyond it. */
interface CharSet {
  ascii: boolean[];
  other: boolean;
}

interface Node {
  /** Greatest number of nested repeating quantifiers within this node. */
  height: number;
  /** Characters this node can start with. */
  first: CharSet;
  /** Whether the node can match the empty string. */
  nullable: boolean;
  /** Whether two alternatives within can start with the same character. */
  ambiguous?: boolean;
  /** For a one-character atom: the characters it matches. */
  single?: CharSet;
  /** For a repeated one-character atom: the characters the repeat consumes. */
  tail?: CharSet;
  problem?: string;
}

function emptySet(): CharSet {
  return { ascii: new Array<boolean>(128).fill(false), other: false };
}

function fullSet(): CharSet {
  return { ascii: new Array<boolean>(128).fill(true), other: true };
}

function union(a: CharSet, b: CharSet): CharSet {
  return { ascii: a.ascii.map((bit, i) => bit || b.ascii[i]!), other: a.other || b.other };
}

function overlaps(a: CharSet, b: CharSet): boolean {
  return (a.other && b.other) || a.ascii.some((bit, i) => bit && b.ascii[i]!);
}

function rangeSet(ranges: readonly (readonly [number, number])[], other: boolean): CharSet {
  const set = emptySet();
  for (const [from, to] of ranges) for (let c = from; c <= to && c < 128; c++) set.ascii[c] = true;
  set.other = other;
  return set;
}

const digit = (): CharSet => rangeSet([[48, 57]], false);
const word = (): CharSet => rangeSet([[48, 57], [65, 90], [95, 95], [97, 122]], false);
const space = (): CharSet => rangeSet([[9, 13], [32, 32]], true);

function complement(set: CharSet): CharSet {
  return { ascii: set.ascii.map((bit) => !bit), other: true };
}

function charSet(code: number, ignoreCase: boolean): CharSet {
  if (code >= 128) return { ascii: emptySet().ascii, other: true };
  const set = emptySet();
  set.ascii[code] = true;
  if (ignoreCase && /[a-z]/i.test(String.fromCharCode(code))) {
    set.ascii[String.fromCharCode(code).toLowerCase().charCodeAt(0)] = true;
    set.ascii[String.fromCharCode(code).toUpperCase().charCodeAt(0)] = true;
  }
  return set;
}

const leaf = (first: CharSet, nullable = false): Node => ({ height: 0, first, nullable, single: nullable ? undefined : first });

/** Reads a pattern once, left to right, building just enough to judge it. */
class Analyser {
  private pos = 0;
  constructor(private readonly src: string, private readonly ignoreCase: boolean) {}

  run(): Node {
    return this.alternation();
  }

  private peek(): string {
    return this.src[this.pos] ?? '';
  }

  private alternation(): Node {
    const branches: Node[] = [this.sequence()];
    while (this.peek() === '|') {
      this.pos++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    const problem = branches.find((branch) => branch.problem)?.problem;
    let first = emptySet();
    let ambiguous = false;
    for (const branch of branches) {
      if (overlaps(first, branch.first)) ambiguous = true;
      first = union(first, branch.first);
    }
    return {
      height: Math.max(...branches.map((branch) => branch.height)),
      first,
      nullable: branches.some((branch) => branch.nullable),
      problem,
      ambiguous: ambiguous || branches.some((branch) => branch.ambiguous),
    };
  }

  private sequence(): Node {
    let height = 0;
    let first = emptySet();
    let nullable = true;
    let problem: string | undefined;
    let ambiguous = false;
    // A repeat of one character class followed by a required character it cannot match, as in
    // `[a-z]+ `, ends at one place only, so it does not add to the nesting depth.
    let pending: Node | undefined;
    const settle = (next?: Node) => {
      if (!pending) return;
      const guarded = next !== undefined && !next.nullable && pending.tail && !overlaps(pending.tail, next.first);
      if (!guarded) height = Math.max(height, pending.height);
      pending = undefined;
    };
    while (this.pos < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.quantified();
      settle(atom);
      if (atom.tail && atom.height === 1) pending = atom;
      else height = Math.max(height, atom.height);
      problem ??= atom.problem;
      ambiguous ||= atom.ambiguous === true;
      if (nullable) first = union(first, atom.first);
      nullable &&= atom.nullable;
    }
    settle();
    return { height, first, nullable, problem, ambiguous };
  }

  private quantified(): Node {
    const atom = this.atom();
    const quantifier = this.quantifier();
    if (!quantifier) return atom;
    const repeats = quantifier.max > boundedRepeatLimit;
    const nullable = atom.nullable || quantifier.min === 0;
    if (!repeats || atom.problem) return { ...atom, nullable };
    if (atom.height > 0) {
      return { ...atom, nullable, problem: 'a repeated part inside another repeated part, like (a+)+' };
    }
    if (atom.ambiguous) {
      return { ...atom, nullable, problem: 'alternatives that can match the same text under a repeat, like (a|a)*' };
    }
    return { height: atom.height + 1, first: atom.first, nullable, tail: atom.single };
  }

  private quantifier(): { min: number; max: number } | undefined {
    const c = this.peek();
    let result: { min: number; max: number } | undefined;
    if (c === '*') result = { min: 0, max: Infinity };
    else if (c === '+') result = { min: 1, max: Infinity };
    else if (c === '?') result = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) return undefined;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      this.pos += m[0].length;
      if (this.peek() === '?') this.pos++;
      return { min, max };
    }
    if (!result) return undefined;
    this.pos++;
    if (this.peek() === '?') this.pos++;
    return result;
  }

  private atom(): Node {
    const c = this.src[this.pos++]!;
    if (c === '(') return this.group();
    if (c === '[') return leaf(this.charClass());
    if (c === '.') return leaf(fullSet());
    if (c === '^' || c === '$') return leaf(emptySet(), true);
    if (c === '\\') return this.escape(false);
    return leaf(charSet(c.codePointAt(0)!, this.ignoreCase));
  }

  private group(): Node {
    const lookaround = /^\?(<?[=!])/.exec(this.src.slice(this.pos));
    const named = /^\?<[^>]+>/.exec(this.src.slice(this.pos));
    if (lookaround) this.pos += lookaround[0].length;
    else if (named) this.pos += named[0].length;
    else if (this.src.startsWith('?:', this.pos)) this.pos += 2;
    const inner = this.alternation();
    if (this.peek() === ')') this.pos++;
    // A lookaround consumes nothing, so it starts with nothing and matches the empty string.
    return lookaround ? { ...inner, first: emptySet(), nullable: true } : inner;
  }

  private charClass(): CharSet {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    let set = emptySet();
    let firstChar = true;
    while (this.pos < this.src.length && (this.peek() !== ']' || firstChar)) {
      firstChar = false;
      const c = this.src[this.pos++]!;
      let from: number;
      if (c === '\\') {
        const escaped = this.escape(true);
        if (!escaped.first.ascii.filter(Boolean).length || escaped.first.ascii.filter(Boolean).length > 1) {
          set = union(set, escaped.first);
          continue;
        }
        from = escaped.first.ascii.indexOf(true);
      } else from = c.codePointAt(0)!;
      if (this.peek() === '-' && this.src[this.pos + 1] !== ']' && this.src[this.pos + 1] !== undefined) {
        this.pos++;
        const d = this.src[this.pos++]!;
        const to = d === '\\' ? this.escape(true).first.ascii.lastIndexOf(true) : d.codePointAt(0)!;
        set = union(set, rangeSet([[from, Math.min(to, 127)]], to >= 128));
        if (this.ignoreCase) set = union(set, rangeSet([[65, 90], [97, 122]], false));
      } else set = union(set, charSet(from, this.ignoreCase));
    }
    this.pos++;
    return negated ? complement(set) : set;
  }

  private escape(inClass: boolean): Node {
    const c = this.src[this.pos++] ?? '';
    switch (c) {
      case 'd': return leaf(digit());
      case 'D': return leaf(complement(digit()));
      case 'w': return leaf(word());
      case 'W': return leaf(complement(word()));
      case 's': return leaf(space());
      case 'S': return leaf(complement(space()));
      case 'b': case 'B': return inClass ? leaf(charSet(8, false)) : leaf(emptySet(), true);
      case 'n': return leaf(charSet(10, false));
      case 'r': return leaf(charSet(13, false));
      case 't': return leaf(charSet(9, false));
      case 'p': case 'P': {
        const m = /^\{[^}]*\}/.exec(this.src.slice(this.pos));
        if (m) this.pos += m[0].length;
        return leaf(fullSet());
      }
      case 'u': case 'x': {
        const m = /^(\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4}|[0-9a-fA-F]{2})/.exec(this.src.slice(this.pos));
        if (!m) return leaf(charSet(c.charCodeAt(0), this.ignoreCase));
        this.pos += m[0].length;
        return leaf(charSet(parseInt(m[0].replace(/[{}]/g, ''), 16), this.ignoreCase));
      }
      case 'k': {
        const m = /^<[^>]*>/.exec(this.src.slice(this.pos));
        if (m) this.pos += m[0].length;
        return leaf(fullSet(), true);
      }
      default:
        // A back-reference may match anything the group matched, including nothing.
        if (/[1-9]/.test(c)) return leaf(fullSet(), true);
        return leaf(charSet(c.codePointAt(0) ?? 0, this.ignoreCase));
    }
  }
}

/** Names why a pattern could backtrack catastrophically, or returns undefined when it is safe. */
export function backtrackingRisk(pattern: string, ignoreCase = false): string | undefined {
  return new Analyser(pattern, ignoreCase).run().problem;
}

/** Flags the engine compiles every kit pattern with: global, Unicode-aware, optionally case-blind. */
export function patternFlags(ignoreCase: boolean): string {
  return ignoreCase ? 'giu' : 'gu';
}

/** Checks a kit pattern: it must compile and must not backtrack catastrophically. Returns a message or undefined. */
export function checkPattern(pattern: string, ignoreCase = false): string | undefined {
  try {
    new RegExp(pattern, patternFlags(ignoreCase));
  } catch (error) {
    return `invalid regular expression (${(error as Error).message})`;
  }
  const risk = backtrackingRisk(pattern, ignoreCase);
  return risk ? `this pattern can take exponential time on some text (${risk}); rewrite it without ${risk.split(',')[0]}` : undefined;
}
