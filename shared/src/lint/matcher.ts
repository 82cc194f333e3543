import { asciiJoinersInWords, asciiWord, foldUnit, unitsFoldingTo } from '../text';

// One Aho–Corasick automaton over case-folded UTF-16 units finds every literal term of a kit in a
// single pass, however many terms the kit has (Aho & Corasick, "Efficient string matching", 1975).
// Folding is one unit to one unit, so offsets in folded text are offsets in the original.
// When the full transition table fits the budget it is precomputed (a DFA: one table read per
// character); otherwise the automaton follows failure links over sparse maps. The same pass counts
// words for the brand-fit score, so a long text is read once. (Walking a trie from each word start
// instead measured about twice as slow; one combined regular expression slows down linearly with
// the number of terms.)

const denseBudget = 8_000_000;

/** Finds many literal keys at once; keys are matched case-blind, callers check case and boundaries. */
export class TermMatcher {
  readonly keyLengths: Int32Array;
  private readonly classOf: Uint16Array;
  private readonly classes: number;
  private readonly dense: Int32Array | undefined;
  private readonly sparse: Map<number, number>[] = [];
  private readonly fail: Int32Array;
  /** Key ending at each state, or -1. */
  private readonly output: Int32Array;
  /** Nearest state along the failure chain that ends a key, or -1. */
  private readonly dictionary: Int32Array;

  constructor(keys: readonly string[]) {
    this.keyLengths = Int32Array.from(keys, (key) => key.length);
    const classByUnit = new Map<number, number>();
    for (const key of keys) {
      for (let i = 0; i < key.length; i++) {
        const unit = foldUnit(key.charCodeAt(i));
        if (!classByUnit.has(unit)) classByUnit.set(unit, classByUnit.size + 1);
      }
    }
    const classes = (this.classes = classByUnit.size + 1);
    // Class of every raw unit, folding included, so the scan never folds.
    const classOf = (this.classOf = new Uint16Array(0x10000));
    for (const [folded, cls] of classByUnit) for (const unit of unitsFoldingTo(folded)) classOf[unit] = cls;

    const goto: Map<number, number>[] = [new Map()];
    const outputs: number[] = [-1];
    keys.forEach((key, index) => {
      let state = 0;
      for (let i = 0; i < key.length; i++) {
        const cls = classOf[key.charCodeAt(i)]!;
        let next = goto[state]!.get(cls);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          outputs.push(-1);
          goto[state]!.set(cls, next);
        }
        state = next;
      }
      if (key.length > 0 && outputs[state] === -1) outputs[state] = index;
    });

    const states = goto.length;
    const output = (this.output = Int32Array.from(outputs));
    const fail = (this.fail = new Int32Array(states));
    const dictionary = (this.dictionary = new Int32Array(states).fill(-1));
    const order = [0];
    for (let head = 0; head < order.length; head++) {
      const state = order[head]!;
      for (const [cls, child] of goto[state]!) {
        let f = fail[state]!;
        while (f !== 0 && !goto[f]!.has(cls)) f = fail[f]!;
        const target = goto[f]!.get(cls);
        fail[child] = target !== undefined && target !== child ? target : 0;
        dictionary[child] = output[fail[child]!]! >= 0 ? fail[child]! : dictionary[fail[child]!]!;
        order.push(child);
      }
    }

    if (states * classes > denseBudget) {
      this.sparse = goto;
      return;
    }
    const byId = new Int32Array(states * classes);
    // Breadth-first order guarantees a state's failure target is complete before the state: each
    // row starts as a copy of its failure state's row, then takes the state's own edges.
    for (const state of order) {
      const row = state * classes;
      if (state !== 0) byId.copyWithin(row, fail[state]! * classes, fail[state]! * classes + classes);
      for (const [cls, next] of goto[state]!) byId[row + cls] = next;
    }
    // States are renumbered breadth-first, so the shallow states where a scan spends most of its
    // time share cache lines; rows are premultiplied and emitting states negated, so the scan does
    // no multiplication or second lookup.
    const rank = new Int32Array(states);
    order.forEach((state, i) => (rank[state] = i));
    // 1 where a state ends a key directly or through its dictionary link.
    const emits = Uint8Array.from(output, (key, state) => (key >= 0 || dictionary[state]! >= 0 ? 1 : 0));
    const table = new Int32Array(states * classes);
    this.output = new Int32Array(states);
    this.dictionary = new Int32Array(states);
    for (let state = 0; state < states; state++) {
      const row = rank[state]! * classes;
      for (let cls = 0; cls < classes; cls++) {
        const target = byId[state * classes + cls]!;
        table[row + cls] = (emits[target] === 1 ? -rank[target]! : rank[target]!) * classes;
      }
      this.output[rank[state]!] = output[state]!;
      this.dictionary[rank[state]!] = dictionary[state]! >= 0 ? rank[dictionary[state]!]! : -1;
    }
    this.dense = table;
  }

  /**
   * Calls `onMatch(key, end)` for every occurrence of every key, overlapping ones included. Returns
   * the text's word count (as `countWords` gives it) when the text is ASCII, or -1.
   */
  scan(text: string, onMatch: (key: number, end: number) => void): number {
    if (this.dense) return this.scanDense(text, this.dense, onMatch);
    this.scanSparse(text, onMatch);
    return -1;
  }

  private report(state: number, end: number, onMatch: (key: number, end: number) => void): void {
    if (this.output[state]! >= 0) onMatch(this.output[state]!, end);
    for (let d = this.dictionary[state]!; d >= 0; d = this.dictionary[d]!) onMatch(this.output[d]!, end);
  }

  // The hot loop: one class lookup and one table read per unit. The table holds the next state's
  // row offset, negated when that state ends a key (the root never does). Word starts are counted
  // without branches: a letter or digit after anything else; joiners inside words ("don't", "3.5")
  // are subtracted afterwards; for text beyond ASCII, countWords decides.
  private scanDense(text: string, table: Int32Array, onMatch: (key: number, end: number) => void): number {
    const classOf = this.classOf;
    const classes = this.classes;
    const wordTable = asciiWord;
    const length = text.length;
    let row = 0;
    let starts = 0;
    let previous = 0;
    let wide = 0;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      const next = table[row + classOf[c]!]!;
      if (next < 0) {
        row = -next;
        this.report(row / classes, i + 1, onMatch);
      } else row = next;
      const word = wordTable[c & 0x7f]!;
      starts += word & (previous ^ 1);
      previous = word;
      wide |= c >> 7;
    }
    return wide === 0 ? starts - asciiJoinersInWords(text) : -1;
  }

  private scanSparse(text: string, onMatch: (key: number, end: number) => void): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const cls = this.classOf[text.charCodeAt(i)]!;
      let next = this.sparse[state]!.get(cls);
      while (next === undefined && state !== 0) {
        state = this.fail[state]!;
        next = this.sparse[state]!.get(cls);
      }
      state = next ?? 0;
      if (this.output[state]! >= 0 || this.dictionary[state]! >= 0) this.report(state, i + 1, onMatch);
    }
  }
}
