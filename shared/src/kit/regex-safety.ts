// A small static analyser for the regular expressions a kit may hold. JavaScript's engine
// backtracks, so a pattern such as `(a+)+` takes exponential time on a near-miss like "aaaa…b"
// and would hang every surface that lints with the kit. We refuse two shapes that cause it
// (after the "star height" and "ambiguous alternation" criteria used by safe-regex and rxxr):
//  - a repeating quantifier inside another repeating quantifier: `(a+)+`, `(.*)*`, `(\w+\s?)*`;
//  - alternatives that can start with the same character under a repeating quantifier: `(a|a)*`, `(\w|\d)+`.
// A quantifier "repeats" when it is unbounded or allows more than `boundedRepeatLimit` copies;
// small bounded counts such as `(\d{1,3},)*` stay allowed because they cannot blow up.

const boundedRepeatLimit = 10;

/** A set of first characters: one flag per ASCII character, then one (at `beyond`) for anything beyond ASCII. */
type CharSet = boolean[];
const beyond = 128;

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

function setOf(has: (c: number) => boolean): CharSet {
  const set: CharSet = [];
  for (let c = 0; c <= beyond; c++) set.push(has(c));
  return set;
}

const emptySet = (): CharSet => new Array<boolean>(beyond + 1).fill(false);
const fullSet = (): CharSet => new Array<boolean>(beyond + 1).fill(true);
const union = (a: CharSet, b: CharSet): CharSet => a.map((bit, c) => bit || b[c]!);
const overlaps = (a: CharSet, b: CharSet) => a.some((bit, c) => bit && b[c]);
// Whatever lies beyond ASCII is assumed to hold characters on both sides of a complement.
const complement = (set: CharSet): CharSet => set.map((bit, c) => c === beyond || !bit);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

function charSet(code: number, ignoreCase: boolean): CharSet {
  const set = emptySet();
  set[Math.min(code, beyond)] = true;
  // An ASCII letter's other case differs from it in one bit (0x20).
  if (ignoreCase && isLetter(code)) set[code ^ 0x20] = true;
  return set;
}

// \d, \w and \s on ASCII; beyond it only \s matches (Unicode spaces). Their capitals are the complements.
const classEscapes: Record<string, (c: number) => boolean> = {
  d: isDigit,
  w: (c) => isDigit(c) || isLetter(c) || c === 95,
  s: (c) => c === 32 || (c >= 9 && c <= 13) || c === beyond,
};

// A quantifier with its lazy mark: *, +, ?, {n}, {n,} or {n,m}.
const quantifierPattern = /(?:([*+?])|\{(\d+)(,(\d*))?\})\??/y;

const leaf = (first: CharSet, nullable = false): Node => ({ height: 0, first, nullable, single: nullable ? undefined : first });

/** Names why a pattern could backtrack catastrophically, or returns undefined when it is safe. */
export function backtrackingRisk(pattern: string, ignoreCase = false): string | undefined {
  // The pattern is read once, left to right, building just enough to judge it.
  let pos = 0;
  const peek = () => pattern[pos] ?? '';
  // Consumes what a sticky pattern matches at the current position.
  const take = (sticky: RegExp) => {
    sticky.lastIndex = pos;
    const m = sticky.exec(pattern);
    if (m) pos += m[0].length;
    return m;
  };

  function alternation(): Node {
    const branches: Node[] = [sequence()];
    while (peek() === '|') {
      pos++;
      branches.push(sequence());
    }
    if (branches.length === 1) return branches[0]!;
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
      problem: branches.find((branch) => branch.problem)?.problem,
      ambiguous: ambiguous || branches.some((branch) => branch.ambiguous),
    };
  }

  function sequence(): Node {
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
    while (pos < pattern.length && peek() !== '|' && peek() !== ')') {
      const atom = quantified();
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

  function quantified(): Node {
    const node = atom();
    // Most atoms have no quantifier, so one character is looked at before the pattern runs.
    const m = '*+?{'.includes(peek()) ? take(quantifierPattern) : null;
    if (!m) return node;
    const min = m[1] ? (m[1] === '+' ? 1 : 0) : Number(m[2]);
    const max = m[1] ? (m[1] === '?' ? 1 : Infinity) : m[3] === undefined ? min : m[4] ? Number(m[4]) : Infinity;
    const nullable = node.nullable || min === 0;
    if (max <= boundedRepeatLimit || node.problem) return { ...node, nullable };
    if (node.height > 0) return { ...node, nullable, problem: 'a repeated part inside another repeated part, like (a+)+' };
    if (node.ambiguous) return { ...node, nullable, problem: 'alternatives that can match the same text under a repeat, like (a|a)*' };
    return { height: node.height + 1, first: node.first, nullable, tail: node.single };
  }

  function atom(): Node {
    const c = pattern[pos++]!;
    if (c === '(') {
      const lookaround = take(/\?<?[=!]/y);
      if (!lookaround) take(/\?(?:<[^>]+>|:)/y);
      const inner = alternation();
      if (peek() === ')') pos++;
      // A lookaround consumes nothing, so it starts with nothing and matches the empty string.
      return lookaround ? { ...inner, first: emptySet(), nullable: true } : inner;
    }
    if (c === '[') return leaf(charClass());
    if (c === '.') return leaf(fullSet());
    if (c === '^' || c === '$') return leaf(emptySet(), true);
    if (c === '\\') return escape(false);
    return leaf(charSet(c.codePointAt(0)!, ignoreCase));
  }

  function charClass(): CharSet {
    const negated = peek() === '^';
    if (negated) pos++;
    let set = emptySet();
    let firstChar = true;
    while (pos < pattern.length && (peek() !== ']' || firstChar)) {
      firstChar = false;
      const c = pattern[pos++]!;
      let from: number;
      if (c === '\\') {
        const escaped = escape(true).first;
        // Only an escape of one ASCII character can start a range.
        if (escaped.slice(0, beyond).filter(Boolean).length !== 1) {
          set = union(set, escaped);
          continue;
        }
        from = escaped.indexOf(true);
      } else from = c.codePointAt(0)!;
      if (peek() === '-' && pattern[pos + 1] !== ']' && pattern[pos + 1] !== undefined) {
        pos++;
        const d = pattern[pos++]!;
        const to = d === '\\' ? escape(true).first.lastIndexOf(true, beyond - 1) : d.codePointAt(0)!;
        set = union(set, setOf((code) => (code === beyond ? to >= beyond : from <= code && code <= to)));
        if (ignoreCase) set = union(set, setOf(isLetter));
      } else set = union(set, charSet(from, ignoreCase));
    }
    pos++;
    return negated ? complement(set) : set;
  }

  function escape(inClass: boolean): Node {
    const c = pattern[pos++] ?? '';
    const classTest = classEscapes[c.toLowerCase()];
    if (classTest) {
      const set = setOf(classTest);
      return leaf(c === c.toLowerCase() ? set : complement(set));
    }
    if (c === 'b' || c === 'B') return inClass ? leaf(charSet(8, false)) : leaf(emptySet(), true);
    if (c === 'n') return leaf(charSet(10, false));
    if (c === 'r') return leaf(charSet(13, false));
    if (c === 't') return leaf(charSet(9, false));
    if (c === 'p' || c === 'P') {
      take(/\{[^}]*\}/y);
      return leaf(fullSet());
    }
    if (c === 'u' || c === 'x') {
      const m = take(/\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4}|[0-9a-fA-F]{2}/y);
      return leaf(charSet(m ? parseInt(m[0].replace(/[{}]/g, ''), 16) : c.charCodeAt(0), ignoreCase));
    }
    if (c === 'k') {
      take(/<[^>]*>/y);
      return leaf(fullSet(), true);
    }
    // A back-reference may match anything the group matched, including nothing.
    if (/[1-9]/.test(c)) return leaf(fullSet(), true);
    return leaf(charSet(c.codePointAt(0) ?? 0, ignoreCase));
  }

  return alternation().problem;
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
