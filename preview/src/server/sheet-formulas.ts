import { columnLetter, parseA1, type Cell, type FakeSheet, type FakeSpreadsheet } from '../apps-script';

// The preview's calculation of the formulas a person types: references to other cells (=B2,
// 'Use cases'!A2, B2:E2) and calls of the add-on's custom functions, which run in the built
// Code.js as Sheets runs them (values for single cells, 2-D arrays for ranges, the result spilled
// when it is an array, a thrown error shown as #ERROR! with its message). Sheets' own functions
// are not computed here; HYPERLINK keeps the value the fake spreadsheet gives it.

type Node =
  | { kind: 'value'; value: Cell }
  | { kind: 'range'; sheet: string | null; a1: string }
  | { kind: 'name'; name: string }
  | { kind: 'call'; name: string; args: Node[] };

export interface CellError {
  code: '#ERROR!' | '#REF!' | '#NAME?' | '#NUM!' | '#N/A';
  message: string;
}

type Result = { value: Cell | Cell[][] } | { error: CellError };

class FormulaSyntaxError extends Error {}

// ── Parsing ────────────────────────────────────────────────────────────────────────────────────

const tokenPattern =
  /\s*(?:(?<string>"(?:[^"]|"")*")|(?<ref>(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d*)?(?![\w(]))|(?<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|(?<name>[A-Za-z_][\w.]*)|(?<punct>[(),;-])|(?<operator>[+*/&^<>=%]+))/y;

function tokenize(text: string): { type: string; text: string }[] {
  const tokens: { type: string; text: string }[] = [];
  tokenPattern.lastIndex = 0;
  while (tokenPattern.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(tokenPattern.lastIndex))) break;
    const at = tokenPattern.lastIndex;
    const match = tokenPattern.exec(text);
    if (!match?.groups) throw new FormulaSyntaxError(`Formula parse error at “${text.slice(at).trim().slice(0, 12)}”.`);
    const [type, value] = Object.entries(match.groups).find(([, group]) => group !== undefined)!;
    tokens.push({ type, text: value! });
  }
  return tokens;
}

/** Parses the formulas the preview computes; anything else is a syntax error. */
export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula.replace(/^=/, ''));
  let at = 0;
  const peek = () => tokens[at];
  const expression = (): Node => {
    const token = tokens[at++];
    if (!token) throw new FormulaSyntaxError('Formula parse error: the formula ends too soon.');
    if (token.type === 'punct' && token.text === '-') {
      const next = expression();
      if (next.kind === 'value' && typeof next.value === 'number') return { kind: 'value', value: -next.value };
      throw new FormulaSyntaxError('Formula parse error: the preview computes "-" only before a number.');
    }
    if (token.type === 'string') return { kind: 'value', value: token.text.slice(1, -1).replace(/""/g, '"') };
    if (token.type === 'number') return { kind: 'value', value: Number(token.text) };
    if (token.type === 'ref') {
      const bang = token.text.lastIndexOf('!');
      const sheet = bang < 0 ? null : token.text.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
      return { kind: 'range', sheet, a1: token.text.slice(bang + 1) };
    }
    if (token.type === 'name') {
      if (peek()?.text === '(') {
        at++;
        const args: Node[] = [];
        if (peek()?.text === ')') at++;
        else
          for (;;) {
            // An empty argument, as in ONBRAND_LINT(A2,,Kit), is passed as an empty value.
            args.push(peek()?.text === ',' || peek()?.text === ';' || peek()?.text === ')' ? { kind: 'value', value: '' } : expression());
            const separator = tokens[at++];
            if (separator?.text === ')') break;
            if (separator?.text !== ',' && separator?.text !== ';') throw new FormulaSyntaxError(`Formula parse error: expected "," or ")" after argument ${args.length} of ${token.text.toUpperCase()}.`);
          }
        return { kind: 'call', name: token.text.toUpperCase(), args };
      }
      if (/^(true|false)$/i.test(token.text)) return { kind: 'value', value: token.text.toUpperCase() === 'TRUE' };
      return { kind: 'name', name: token.text };
    }
    throw new FormulaSyntaxError(`Formula parse error at “${token.text}”: the preview computes references and function calls, not operators.`);
  };
  const node = expression();
  if (at < tokens.length) {
    throw new FormulaSyntaxError(`Formula parse error at “${tokens[at]!.text}”: the preview computes references and function calls, not operators.`);
  }
  return node;
}

// ── Calculation ────────────────────────────────────────────────────────────────────────────────

interface Box {
  sheet: FakeSheet;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

const overlaps = (a: Box, b: Box) =>
  a.sheet === b.sheet && a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.column < b.column + b.numColumns && b.column < a.column + a.numColumns;

/** What one formula cell last computed: its inputs' key, its result and the cells it spilled into. */
interface Computed {
  sheet: FakeSheet;
  row: number;
  column: number;
  formula: string;
  argsKey: string | null;
  result: Result;
  /** What the formula gave before spilling, so a blocked spill can be tried again without running it. */
  given: Result;
  /** Cells other than the formula's own that hold its spilled values, with the value put there. */
  spill: { row: number; column: number; value: Cell }[];
}

const keyOf = (sheet: FakeSheet, row: number, column: number) => `${sheet.sheetId}:${row},${column}`;
const a1 = (row: number, column: number) => `${columnLetter(column)}${row}`;

function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof Date ? { date: item.getTime() } : item));
}

/** Runs one custom function as Sheets does: read-only, 30 seconds, no user data. */
export type CustomFunctionRunner = (name: string, args: unknown[]) => unknown;

export class SheetCalculator {
  private readonly computed = new Map<string, Computed>();
  /** Formula cells to compute afresh even when their inputs did not change: a person typed them again. */
  private readonly retyped = new Set<string>();

  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly runCustomFunction: CustomFunctionRunner,
  ) {}

  /** The error a cell shows, if a formula put one there. */
  errorAt(sheet: FakeSheet, row: number, column: number): CellError | null {
    const entry = this.computed.get(keyOf(sheet, row, column));
    return entry && 'error' in entry.result ? entry.result.error : null;
  }

  /**
   * A person typed into these cells: a formula there is computed afresh, and spilled values there
   * now belong to the person (the formula that spilled them reports that it cannot expand).
   */
  edited(sheet: FakeSheet, row: number, column: number, numRows: number, numColumns: number): void {
    const box = { sheet, row, column, numRows, numColumns };
    for (let r = row; r < row + numRows; r++) for (let c = column; c < column + numColumns; c++) this.retyped.add(keyOf(sheet, r, c));
    for (const [key, entry] of this.computed) {
      const kept = entry.spill.filter((cell) => !overlaps(box, { sheet: entry.sheet, row: cell.row, column: cell.column, numRows: 1, numColumns: 1 }));
      if (kept.length < entry.spill.length) this.retyped.add(key);
      entry.spill = kept;
    }
  }

  /** Computes every formula whose inputs changed, in the order their references need. */
  recalculate(): void {
    const formulas = this.spreadsheet.sheets.flatMap((sheet) => sheet.formulaCells().map((cell) => ({ sheet, ...cell })));
    const present = new Set(formulas.map((cell) => keyOf(cell.sheet, cell.row, cell.column)));
    // A formula that was deleted or overwritten takes its spilled values with it.
    for (const [key, entry] of this.computed) {
      if (present.has(key) && entry.sheet.formulaAt(entry.row, entry.column) === entry.formula) continue;
      this.clearSpill(entry);
      if (!present.has(key)) this.computed.delete(key);
    }
    const done = new Set<string>();
    const inProgress = new Set<string>();
    const byKey = new Map(formulas.map((cell) => [keyOf(cell.sheet, cell.row, cell.column), cell]));

    const computeCell = (key: string): void => {
      if (done.has(key)) return;
      const cell = byKey.get(key)!;
      if (inProgress.has(key)) throw new CircularReference();
      inProgress.add(key);
      try {
        this.compute(cell.sheet, cell.row, cell.column, cell.formula, (box) => {
          // Formulas whose own cell or spilled values fall in the box are computed first.
          for (const [otherKey, other] of byKey) {
            if (otherKey === key) continue;
            const entry = this.computed.get(otherKey);
            const area = entry && entry.spill.length > 0 ? this.spillBox(entry) : { sheet: other.sheet, row: other.row, column: other.column, numRows: 1, numColumns: 1 };
            if (overlaps(area, box)) computeCell(otherKey);
          }
        });
      } catch (error) {
        if (!(error instanceof CircularReference)) throw error;
        this.store(cell.sheet, cell.row, cell.column, cell.formula, null, { error: { code: '#REF!', message: 'Circular dependency detected. To resolve with iterative calculation, see File > Settings.' } });
      } finally {
        inProgress.delete(key);
        done.add(key);
      }
    };
    for (const key of byKey.keys()) computeCell(key);
    this.retyped.clear();
  }

  private spillBox(entry: Computed): Box {
    const rows = Math.max(...entry.spill.map((cell) => cell.row), entry.row);
    const columns = Math.max(...entry.spill.map((cell) => cell.column), entry.column);
    return { sheet: entry.sheet, row: entry.row, column: entry.column, numRows: rows - entry.row + 1, numColumns: columns - entry.column + 1 };
  }

  private compute(sheet: FakeSheet, row: number, column: number, formula: string, before: (box: Box) => void): void {
    const key = keyOf(sheet, row, column);
    let node: Node;
    try {
      node = parseFormula(formula);
    } catch (error) {
      if (!(error instanceof FormulaSyntaxError)) throw error;
      return this.store(sheet, row, column, formula, null, { error: { code: '#ERROR!', message: error.message } });
    }
    // HYPERLINK and the other functions of Sheets itself are left as the spreadsheet has them.
    if (node.kind === 'call' && node.name === 'HYPERLINK') return;
    // The formulas this one reads are computed first.
    const visit = (part: Node): void => {
      if (part.kind === 'call') part.args.forEach(visit);
      else if (part.kind !== 'value') {
        const box = this.resolve(sheet, part);
        if (!('error' in box)) before(box);
      }
    };
    visit(node);
    // A formula runs again only when what it reads changed, or a person typed it again: Sheets
    // caches custom functions the same way.
    const inputsKey = stableKey(this.inputsOf(node, sheet));
    const previous = this.computed.get(key);
    const intact = previous?.spill.every((cell) => sameCell(sheet.cellAt(cell.row, cell.column), cell.value)) ?? false;
    if (previous && previous.formula === formula && previous.argsKey === inputsKey && !this.retyped.has(key)) {
      const blocked = previous.given !== previous.result;
      // The same inputs give the same result; only a spill that was blocked or written over is tried again.
      if (intact && !blocked) return;
      return this.store(sheet, row, column, formula, inputsKey, previous.given);
    }
    const evaluate = (part: Node): Result => {
      if (part.kind === 'value') return { value: part.value };
      if (part.kind === 'range' || part.kind === 'name') {
        const box = this.resolve(sheet, part);
        if ('error' in box) return box;
        for (let r = box.row; r < box.row + box.numRows; r++) {
          for (let c = box.column; c < box.column + box.numColumns; c++) {
            const error = this.errorAt(box.sheet, r, c);
            // An error in a referenced cell is passed on, as Sheets does, without running the function.
            if (error) return { error };
          }
        }
        const values = box.sheet.read({ row: box.row, column: box.column, numRows: box.numRows, numColumns: box.numColumns });
        return { value: box.numRows === 1 && box.numColumns === 1 ? values[0]![0]! : values };
      }
      const args: unknown[] = [];
      for (const argument of part.args) {
        const result = evaluate(argument);
        if ('error' in result) return result;
        args.push(result.value);
      }
      return this.call(part.name, args);
    };
    this.store(sheet, row, column, formula, inputsKey, evaluate(node));
  }

  /** The values a formula reads, without running any function: the key its cached result is kept under. */
  private inputsOf(node: Node, sheet: FakeSheet): unknown {
    if (node.kind === 'value') return node.value;
    if (node.kind === 'call') return [node.name, node.args.map((arg) => this.inputsOf(arg, sheet))];
    const box = this.resolve(sheet, node);
    if ('error' in box) return box.error.message;
    return [box.sheet.read({ row: box.row, column: box.column, numRows: box.numRows, numColumns: box.numColumns }), this.errorsIn(box)];
  }

  private errorsIn(box: Box): string {
    let errors = '';
    for (let r = box.row; r < box.row + box.numRows; r++) for (let c = box.column; c < box.column + box.numColumns; c++) if (this.errorAt(box.sheet, r, c)) errors += `${r},${c};`;
    return errors;
  }

  private call(name: string, args: unknown[]): Result {
    try {
      return { value: normalise(this.runCustomFunction(name, args)) };
    } catch (error) {
      const message = (error as Error).message;
      if (message === `Script function not found: ${name}`) {
        return name.startsWith('ONBRAND_')
          ? { error: { code: '#NAME?', message: `Unknown function: '${name}'.` } }
          : { error: { code: '#ERROR!', message: `The preview computes cell references and the add-on's custom functions; ${name} is computed only in Google Sheets.` } };
      }
      if (error instanceof ResultError) return { error: error.cellError };
      return { error: { code: '#ERROR!', message } };
    }
  }

  private resolve(home: FakeSheet, node: { kind: 'range'; sheet: string | null; a1: string } | { kind: 'name'; name: string }): Box | { error: CellError } {
    if (node.kind === 'name') {
      const named = this.spreadsheet.namedRanges.get(node.name);
      if (!named) return { error: { code: '#NAME?', message: `Unknown range name: '${node.name}'.` } };
      const range = named.range;
      return { sheet: range.snapshotSheet(), row: range.getRow(), column: range.getColumn(), numRows: range.getNumRows(), numColumns: range.getNumColumns() };
    }
    const sheet = node.sheet === null ? home : this.spreadsheet.sheets.find((candidate) => candidate.snapshotName() === node.sheet);
    if (!sheet) return { error: { code: '#REF!', message: `Unresolved sheet name '${node.sheet}'.` } };
    const box = parseA1(node.a1, sheet.maxRows(), sheet.maxColumns());
    if (box.row + box.numRows - 1 > sheet.maxRows() || box.column + box.numColumns - 1 > sheet.maxColumns() || box.numRows < 1 || box.numColumns < 1) {
      return { error: { code: '#REF!', message: `Range ${node.a1} is outside the sheet ${sheet.snapshotName()}.` } };
    }
    return { sheet, row: box.row, column: box.column, numRows: box.numRows, numColumns: box.numColumns };
  }

  /** Writes a result into its cell and spills an array to the right and below, as Sheets does. */
  private store(sheet: FakeSheet, row: number, column: number, formula: string, argsKey: string | null, result: Result): void {
    const key = keyOf(sheet, row, column);
    const previous = this.computed.get(key);
    const entry: Computed = { sheet, row, column, formula, argsKey, result, given: result, spill: [] };
    if (previous) this.clearSpill(previous);
    if ('value' in result && Array.isArray(result.value)) {
      const rows = result.value;
      const blocked = this.blocker(sheet, row, column, rows, previous);
      if (blocked) entry.result = { error: blocked };
      else {
        rows.forEach((cells, r) =>
          cells.forEach((value, c) => {
            if (r === 0 && c === 0) return;
            sheet.write(row + r, column + c, [[value]], true);
            entry.spill.push({ row: row + r, column: column + c, value });
          }),
        );
      }
    }
    const shown = 'error' in entry.result ? entry.result.error.code : Array.isArray(entry.result.value) ? (entry.result.value[0]?.[0] ?? '') : entry.result.value;
    sheet.write(row, column, [[shown]], true);
    this.computed.set(key, entry);
  }

  private blocker(sheet: FakeSheet, row: number, column: number, rows: Cell[][], previous: Computed | undefined): CellError | null {
    const width = Math.max(...rows.map((cells) => cells.length));
    const needRows = row + rows.length - 1 - sheet.maxRows();
    if (needRows > 0 || column + width - 1 > sheet.maxColumns()) {
      return { code: '#REF!', message: `Result was not automatically expanded, please insert more ${needRows > 0 ? `rows (${needRows})` : `columns (${column + width - 1 - sheet.maxColumns()})`}.` };
    }
    for (let r = 0; r < rows.length; r++) {
      for (let c = 0; c < width; c++) {
        if (r === 0 && c === 0) continue;
        const value = sheet.cellAt(row + r, column + c);
        const ours = previous?.spill.some((cell) => cell.row === row + r && cell.column === column + c);
        if ((value !== '' && !ours) || sheet.formulaAt(row + r, column + c)) {
          return { code: '#REF!', message: `Array result was not expanded because it would overwrite data in ${a1(row + r, column + c)}.` };
        }
      }
    }
    return null;
  }

  /** Empties the cells a formula spilled into, unless someone has written there since. */
  private clearSpill(entry: Computed): void {
    for (const cell of entry.spill) {
      const now = entry.sheet.cellAt(cell.row, cell.column);
      if (sameCell(now, cell.value)) entry.sheet.write(cell.row, cell.column, [['']], true);
    }
    entry.spill = [];
  }
}

class CircularReference extends Error {}

const sameCell = (a: Cell, b: Cell) => a === b || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());

class ResultError extends Error {
  constructor(readonly cellError: CellError) {
    super(cellError.message);
  }
}

/** A custom function's return value as cells: a 1-D array is a column, nothing is an empty cell. */
function normalise(value: unknown): Cell | Cell[][] {
  const cell = (item: unknown): Cell => {
    if (item === null || item === undefined) return '';
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) throw new ResultError({ code: '#NUM!', message: 'The custom function returned a number that is not finite.' });
      return item;
    }
    if (typeof item === 'string' || typeof item === 'boolean') return item;
    if (Object.prototype.toString.call(item) === '[object Date]') return new Date((item as Date).getTime());
    if (Array.isArray(item)) throw new ResultError({ code: '#ERROR!', message: 'The custom function returned an array nested more than two deep.' });
    return String(item);
  };
  if (!Array.isArray(value)) return cell(value);
  if (value.length === 0) throw new ResultError({ code: '#N/A', message: 'The custom function returned an empty array.' });
  const rows = value.map((row: unknown) => (Array.isArray(row) ? row.map(cell) : [cell(row)]));
  const width = Math.max(...rows.map((row) => row.length));
  if (width === 0) throw new ResultError({ code: '#N/A', message: 'The custom function returned an empty array.' });
  return rows.map((row) => [...row, ...Array<Cell>(width - row.length).fill('')]);
}

const calculators = new WeakMap<FakeSpreadsheet, SheetCalculator>();

/** The calculator that computes a spreadsheet's formulas in the preview, made on first use. */
export function calculatorFor(spreadsheet: FakeSpreadsheet, runCustomFunction?: CustomFunctionRunner): SheetCalculator | null {
  let calculator = calculators.get(spreadsheet);
  if (!calculator && runCustomFunction) calculators.set(spreadsheet, (calculator = new SheetCalculator(spreadsheet, runCustomFunction)));
  return calculator ?? null;
}
