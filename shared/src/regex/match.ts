import type { Program } from './compile';

// Finds every match of a compiled program in time proportional to text length × program size.
// One backward pass marks, for each position and each character instruction, whether reading that
// character there can still end in a match (the "live" set). Matching then never guesses: from the
// leftmost live start it follows, at each position, the first instruction in the pattern's own
// priority order (greedy, lazy, left alternative first) whose continuation is live, so it picks
// the same match as a backtracking engine without ever backtracking over the text. Each position
// is read once backwards and at most once forwards, whatever the pattern.

/** A match: `index` and the texts of the whole match (0) and of each group, as RegExp results give them. */
export interface LinearMatch {
  index: number;
  [group: number]: string | undefined;
  0: string;
  groups?: Record<string, string | undefined>;
}

/** Counts the matcher's elementary steps, so tests can bound the work per character. */
export interface Work {
  steps: number;
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

// The live set at a position depends only on the live set after it, the character there and whether
// the character before is a word character (for \b). So, as in RE2's lazy DFA, each live set becomes
// a state and each transition is computed once and remembered with the program, across texts: on
// most text the backward pass is one table read per character.

interface Dfa {
  /** Each state's live instructions, as bits. */
  sets: Uint32Array[];
  ids: Map<string, number>;
  /** Next state for an ASCII character, at state × 256 + cp (+128 after a word character), or -1. */
  ascii: Int32Array;
  /** Per state: next state for other characters, keyed by cp * 2 + word-before, and at the text's start by -1 - cp. */
  other: Map<number, number>[];
  /** Per state: whether a match can start there. */
  starts: boolean[];
  /** The state at the end of the text, after a non-word and a word character, once known. */
  ends: [number, number];
  /** The state where nothing after is read, before a character: keyed by cp * 2 + word-before. */
  edges: Map<number, number>;
  /**
   * Finds where a match could start: any character that can come first in a match. Such a search
   * is one character class, so JavaScript runs it in linear time. Undefined when a match may be empty.
   */
  firstChars: RegExp | undefined;
  /** Word characters among ASCII, for \b. */
  asciiWord: Uint8Array;
  /** Instructions that can reach each instruction without reading a character. */
  preds: number[][];
  chars: number[];
  words: number;
  usesWordBoundary: boolean;
}

const dfas = new WeakMap<Program, Dfa>();
// A program's remembered states are dropped, between texts, once they pass this many.
const maxStates = 4000;

function dfaOf(program: Program): Dfa {
  const known = dfas.get(program);
  if (known && known.sets.length <= maxStates) return known;
  const { code } = program;
  const preds: number[][] = code.map(() => []);
  const chars: number[] = [];
  code.forEach((ins, pc) => {
    if (ins.op === 'char') chars.push(pc);
    else if (ins.op === 'split') {
      preds[ins.next]!.push(pc);
      if (ins.alt !== ins.next) preds[ins.alt]!.push(pc);
    } else if (ins.op !== 'match') preds[ins.next]!.push(pc);
  });
  const dfa: Dfa = {
    sets: [],
    ids: new Map(),
    ascii: new Int32Array(256 * 16).fill(-1),
    other: [],
    starts: [],
    ends: [-1, -1],
    edges: new Map(),
    firstChars: firstCharacters(program),
    asciiWord: Uint8Array.from({ length: 128 }, (_, cp) => (program.isWord(cp) ? 1 : 0)),
    preds,
    chars,
    words: Math.ceil(code.length / 32),
    usesWordBoundary: code.some((ins) => ins.op === 'assert' && (ins.kind === 'b' || ins.kind === 'B')),
  };
  dfas.set(program, dfa);
  return dfa;
}

// The characters a match can begin with, as one search, or undefined when a match may be empty.
function firstCharacters(program: Program): RegExp | undefined {
  const { code } = program;
  const seen = new Set<number>();
  const sources = new Set<string>();
  const stack = [0];
  while (stack.length > 0) {
    const pc = stack.pop()!;
    if (seen.has(pc)) continue;
    seen.add(pc);
    const ins = code[pc]!;
    if (ins.op === 'match') return undefined;
    if (ins.op === 'char') sources.add(ins.source);
    else if (ins.op === 'split') stack.push(ins.next, ins.alt);
    else stack.push(ins.next);
  }
  return new RegExp([...sources].join('|'), `g${program.flags}`);
}

const has = (set: Uint32Array, pc: number) => ((set[pc >> 5]! >>> (pc & 31)) & 1) === 1;

/** Where an assertion is tested: at the text's start or end, and whether the characters around are word characters. */
interface Place {
  atStart: boolean;
  atEnd: boolean;
  wordBefore: boolean;
  wordAfter: boolean;
}

function holdsAt(kind: '^' | '$' | 'b' | 'B', place: Place): boolean {
  if (kind === '^') return place.atStart;
  if (kind === '$') return place.atEnd;
  return (kind === 'b') === (place.wordBefore !== place.wordAfter);
}

// The live set before a character `cp` (-1 at the end of the text), given the live set after it.
function step(program: Program, dfa: Dfa, after: number, cp: number, place: Place, work: Work): number {
  const { code } = program;
  const next = dfa.sets[after];
  const set = new Uint32Array(dfa.words);
  const stack = [code.length - 1];
  set[(code.length - 1) >> 5]! |= 1 << ((code.length - 1) & 31);
  if (cp >= 0 && next) {
    for (const pc of dfa.chars) {
      work.steps++;
      const ins = code[pc]!;
      if (ins.op === 'char' && has(next, ins.next) && ins.test(cp)) {
        set[pc >> 5]! |= 1 << (pc & 31);
        stack.push(pc);
      }
    }
  }
  while (stack.length > 0) {
    for (const p of dfa.preds[stack.pop()!]!) {
      work.steps++;
      if (has(set, p)) continue;
      const ins = code[p]!;
      if (ins.op === 'assert' && !holdsAt(ins.kind, place)) continue;
      set[p >> 5]! |= 1 << (p & 31);
      stack.push(p);
    }
  }
  const key = set.join(',');
  let id = dfa.ids.get(key);
  if (id === undefined) {
    id = dfa.sets.push(set) - 1;
    dfa.ids.set(key, id);
    if (dfa.ascii.length < dfa.sets.length * 256) {
      const grown = new Int32Array(dfa.ascii.length * 2).fill(-1);
      grown.set(dfa.ascii);
      dfa.ascii = grown;
    }
    dfa.other.push(new Map());
    dfa.starts.push(has(set, 0));
  }
  return id;
}

/** Calls `onMatch` for every non-overlapping match, left to right, as a global RegExp would find them. Offsets are UTF-16. */
export function eachLinearMatch(program: Program, text: string, onMatch: (m: LinearMatch) => void, work: Work = { steps: 0 }): void {
  const { code, isWord } = program;
  const dfa = dfaOf(program);
  const n = text.length;
  // Most texts hold no character a match can begin with; they cost one search and nothing else.
  const firstChars = dfa.firstChars;
  if (firstChars) {
    firstChars.lastIndex = 0;
    if (!firstChars.test(text)) {
      work.steps += n;
      return;
    }
  }
  const asciiWord = dfa.asciiWord;
  const usesWordBoundary = dfa.usesWordBoundary;

  const wordBefore = (i: number) => {
    if (i <= 0) return false;
    const unit = text.charCodeAt(i - 1);
    return isWord(isLow(unit) && i >= 2 && isHigh(text.charCodeAt(i - 2)) ? text.codePointAt(i - 2)! : unit);
  };
  const placeAt = (i: number): Place => ({ atStart: i === 0, atEnd: i === n, wordBefore: wordBefore(i), wordAfter: i < n && isWord(text.codePointAt(i)!) });
  const atBoundary = (i: number) => i <= 0 || i >= n || !isLow(text.charCodeAt(i)) || !isHigh(text.charCodeAt(i - 1));

  // The live state at each character boundary from `lo` to `hi`, stored at `stateAt[i - offset]`.
  // At `hi` the text either ends or lies beyond any match's reach, so nothing after it is read.
  let stateAt = new Int32Array(0);
  let offset = 0;
  let steps = 0;
  const backward = (lo: number, hi: number) => {
    if (stateAt.length < hi - lo + 1) stateAt = new Int32Array(hi - lo + 1);
    offset = lo;
    stateAt.fill(-1, 0, hi - lo + 1);
    let state: number;
    if (hi === n) {
      const after = usesWordBoundary && wordBefore(n) ? 1 : 0;
      state = dfa.ends[after]!;
      if (state < 0 || n === 0) state = step(program, dfa, -1, -1, placeAt(n), work);
      if (n > 0) dfa.ends[after] = state;
    } else {
      const cp = text.codePointAt(hi)!;
      const key = cp * 2 + (usesWordBoundary && wordBefore(hi) ? 1 : 0);
      let to = dfa.edges.get(key);
      if (to === undefined) dfa.edges.set(key, (to = step(program, dfa, -1, cp, placeAt(hi), work)));
      state = to;
    }
    stateAt[hi - offset] = state;
    // The hot loop: for ASCII, one read of the transition table per character.
    for (let i = hi - 1; i >= lo && i > 0; i--) {
      let cp = text.charCodeAt(i);
      const unitBefore = text.charCodeAt(i - 1);
      const before = !usesWordBoundary ? 0 : unitBefore < 128 ? asciiWord[unitBefore]! : wordBefore(i) ? 1 : 0;
      steps++;
      if (cp < 128) {
        const key = state * 256 + cp + before * 128;
        let to = dfa.ascii[key]!;
        if (to < 0) {
          to = step(program, dfa, state, cp, { atStart: false, atEnd: false, wordBefore: before === 1, wordAfter: isWord(cp) }, work);
          dfa.ascii[key] = to;
        }
        state = to;
      } else {
        // The second half of a surrogate pair is not a place where matching stops or starts.
        if (isLow(cp) && isHigh(unitBefore)) continue;
        cp = text.codePointAt(i)!;
        const row = dfa.other[state]!;
        let to = row.get(cp * 2 + before);
        if (to === undefined) row.set(cp * 2 + before, (to = step(program, dfa, state, cp, placeAt(i), work)));
        state = to;
      }
      stateAt[i - offset] = state;
    }
    if (lo === 0 && n > 0) {
      const cp = text.codePointAt(0)!;
      const row = dfa.other[state]!;
      let to = row.get(-1 - cp);
      if (to === undefined) row.set(-1 - cp, (to = step(program, dfa, state, cp, placeAt(0), work)));
      stateAt[0] = to;
    }
  };
  // An assertion at `i`, as the walk meets it, without building a Place.
  const holds = (kind: '^' | '$' | 'b' | 'B', i: number) => {
    if (kind === '^') return i === 0;
    if (kind === '$') return i === n;
    return (kind === 'b') === (wordBefore(i) !== (i < n && isWord(text.codePointAt(i)!)));
  };
  const live = (i: number, pc: number) => has(dfa.sets[stateAt[i - offset]!]!, pc);
  const startsAt = (i: number) => stateAt[i - offset]! >= 0 && dfa.starts[stateAt[i - offset]!]!;

  // The walk: from a live start, the first instruction in priority order whose continuation is live.
  const size = code.length;
  const stack: number[] = [];
  let seen = new Int32Array(0);
  let parent = seen;
  let stamp = 0;
  const walk = (start: number): number[] => {
    if (seen.length === 0) [seen, parent] = [new Int32Array(size), new Int32Array(size)];
    const slots: number[] = new Array<number>((program.groups + 1) * 2).fill(-1);
    let pc = 0;
    let i = start;
    for (;;) {
      stamp++;
      stack.push(pc, -1);
      let found = -1;
      const cp = i < n ? text.codePointAt(i)! : -1;
      const width = cp > 0xffff ? 2 : 1;
      while (stack.length > 0) {
        const from = stack.pop()!;
        const p = stack.pop()!;
        steps++;
        if (seen[p] === stamp) continue;
        seen[p] = stamp;
        parent[p] = from;
        const ins = code[p]!;
        if (ins.op === 'match') found = p;
        else if (ins.op === 'char') {
          if (cp >= 0 && live(i + width, ins.next) && ins.test(cp)) found = p;
        } else if (ins.op === 'split') stack.push(ins.alt, p, ins.next, p);
        else if (ins.op === 'save' || ins.op === 'reset' || holds(ins.kind, i)) stack.push(ins.next, p);
        if (found >= 0) break;
      }
      stack.length = 0;
      // Liveness promises a way on; finding none would be a defect in this module.
      if (found < 0) throw new Error('linear matcher lost its way');
      const path: number[] = [];
      for (let p = found; p >= 0; p = parent[p]!) path.push(p);
      for (let k = path.length - 1; k >= 0; k--) {
        const ins = code[path[k]!]!;
        if (ins.op === 'save') slots[ins.slot] = i;
        else if (ins.op === 'reset') slots.fill(-1, ins.first * 2, ins.last * 2 + 2);
      }
      const ins = code[found]!;
      if (ins.op !== 'char') return slots;
      i += width;
      pc = ins.next;
    }
  };
  const report = (start: number, slots: number[]) => {
    const m: LinearMatch = { index: start, 0: text.slice(slots[0], slots[1]) };
    for (let g = 1; g <= program.groups; g++) m[g] = slots[g * 2]! >= 0 && slots[g * 2 + 1]! >= 0 ? text.slice(slots[g * 2], slots[g * 2 + 1]) : undefined;
    const names = Object.entries(program.names);
    if (names.length > 0) m.groups = Object.fromEntries(names.map(([name, g]) => [name, m[g]]));
    onMatch(m);
    const end = slots[1]!;
    return end > start ? end : start + (start < n && text.codePointAt(start)! > 0xffff ? 2 : 1);
  };

  if (firstChars && program.maxLength !== Infinity) {
    // A match is at most `maxLength` characters long, so only a short window after each place where
    // one could begin matters: the work is the number of such places times the window.
    const reach = program.maxLength * 2 + 1;
    for (let from = 0; from < n; ) {
      firstChars.lastIndex = from;
      const found = firstChars.exec(text);
      steps += (found ? found.index : n) - from;
      if (!found) break;
      const start = found.index;
      if (!atBoundary(start)) {
        from = start + 1;
        continue;
      }
      backward(start, Math.min(n, start + reach));
      from = startsAt(start) ? report(start, walk(start)) : start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
    }
  } else {
    // Otherwise one backward pass over the text from the first place a match could begin.
    let first = 0;
    if (firstChars) {
      firstChars.lastIndex = 0;
      first = firstChars.exec(text)?.index ?? -1;
      steps += first < 0 ? n : first;
    }
    if (first >= 0) {
      backward(first, n);
      for (let from = first; from <= n; ) {
        let start = from;
        while (start <= n && !startsAt(start)) start++;
        steps += start - from;
        if (start > n) break;
        from = report(start, walk(start));
      }
    }
  }
  work.steps += steps;
}
