import { foldUnit, unitsFoldingTo } from '../text';

// One Aho–Corasick automaton over case-folded UTF-16 units finds every literal term of a kit in a
// single pass, however many terms the kit has (Aho & Corasick, "Efficient string matching", 1975).
// Folding is one unit to one unit, so offsets in folded text are offsets in the original.
// When the full transition table fits the budget it is precomputed (a DFA: one table read per
// character); otherwise the automaton follows failure links over sparse maps.

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
    this.classes = classByUnit.size + 1;
    // Class of every raw unit, folding included, so the scan never folds.
    this.classOf = new Uint16Array(0x10000);
    for (const [folded, cls] of classByUnit) for (const unit of unitsFoldingTo(folded)) this.classOf[unit] = cls;

    const goto: Map<number, number>[] = [new Map()];
    const outputs: number[] = [-1];
    keys.forEach((key, index) => {
      let state = 0;
      for (let i = 0; i < key.length; i++) {
        const cls = this.classOf[key.charCodeAt(i)]!;
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
    this.output = Int32Array.from(outputs);
    this.fail = new Int32Array(states);
    this.dictionary = new Int32Array(states).fill(-1);
    const order: number[] = [];
    for (const child of goto[0]!.values()) order.push(child);
    for (let head = 0; head < order.length; head++) {
      const state = order[head]!;
      for (const [cls, child] of goto[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !goto[f]!.has(cls)) f = this.fail[f]!;
        const target = goto[f]!.get(cls);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const failState = this.fail[child]!;
        this.dictionary[child] = this.output[failState]! >= 0 ? failState : this.dictionary[failState]!;
        order.push(child);
      }
    }

    if (states * this.classes <= denseBudget) {
      const table = new Int32Array(states * this.classes);
      // Breadth-first order guarantees a state's failure target is complete before the state.
      for (const state of [0, ...order]) {
        const row = state * this.classes;
        const failRow = this.fail[state]! * this.classes;
        for (let cls = 0; cls < this.classes; cls++) {
          const next = goto[state]!.get(cls);
          table[row + cls] = next !== undefined ? next : state === 0 ? 0 : table[failRow + cls]!;
        }
      }
      this.dense = table;
    } else {
      this.sparse = goto;
    }
  }

  /** Calls `onMatch(key, end)` for every occurrence of every key, overlapping ones included. */
  scan(text: string, onMatch: (key: number, end: number) => void): void {
    const { classOf, output, dictionary } = this;
    const length = text.length;
    const report = (state: number, end: number) => {
      if (output[state]! >= 0) onMatch(output[state]!, end);
      for (let d = dictionary[state]!; d >= 0; d = dictionary[d]!) onMatch(output[d]!, end);
    };
    if (this.dense) {
      const table = this.dense;
      const classes = this.classes;
      let state = 0;
      for (let i = 0; i < length; i++) {
        state = table[state * classes + classOf[text.charCodeAt(i)]!]!;
        if (output[state]! >= 0 || dictionary[state]! >= 0) report(state, i + 1);
      }
      return;
    }
    let state = 0;
    for (let i = 0; i < length; i++) {
      const cls = classOf[text.charCodeAt(i)]!;
      let next = this.sparse[state]!.get(cls);
      while (next === undefined && state !== 0) {
        state = this.fail[state]!;
        next = this.sparse[state]!.get(cls);
      }
      state = next ?? 0;
      if (output[state]! >= 0 || dictionary[state]! >= 0) report(state, i + 1);
    }
  }
}
