import { memo } from 'preact/compat';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { EnvironmentState, SpreadsheetViewState } from '../server/state';
import { columnWidthsToFit, letter, parseClipboardRows, rowsToClipboard } from './sheet-grid-model';
import './sheet-grid.css';

type SheetView = SpreadsheetViewState['sheets'][number];
interface Point {
  row: number;
  column: number;
}
interface Selection {
  anchor: Point;
  focus: Point;
}

const rowHeight = 21;
const headerWidth = 46;
const overscan = 8;

const boxOf = (selection: Selection) => ({
  top: Math.min(selection.anchor.row, selection.focus.row),
  bottom: Math.max(selection.anchor.row, selection.focus.row),
  left: Math.min(selection.anchor.column, selection.focus.column),
  right: Math.max(selection.anchor.column, selection.focus.column),
});

async function post(action: 'edit' | 'select', body: unknown) {
  const response = await fetch(`/api/sheets/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await response.json()) as { ok: boolean; error?: string; state?: EnvironmentState };
}

interface RowProps {
  sheet: SheetView;
  row: number;
  columns: number;
  widths: number[];
  top: number | null;
  /** "left-right" of the selection in this row, or '' when the row is outside it; with the active column. */
  selected: string;
  activeColumn: number;
  frozen: boolean;
  pending: Record<string, string>;
}

/** One row of cells; redrawn only when its data or its part of the selection changes. */
const GridRow = memo(function GridRow(props: RowProps) {
  const { sheet, row, columns, widths, top, selected, activeColumn, frozen, pending } = props;
  const [left, right] = selected ? selected.split('-').map(Number) as [number, number] : [0, -1];
  const cells = sheet.cells[row - 1];
  return (
    <div role="row" aria-rowindex={row + 1} class={`sg-row${frozen ? ' sg-frozen' : ''}${frozen && row === sheet.frozenRows ? ' sg-frozen-last' : ''}`} style={top === null ? { top: `${rowHeight * row}px` } : { top: `${top}px` }}>
      <div role="rowheader" class={`sg-rowhead${selected ? ' in-selection' : ''}`}>{row}</div>
      {Array.from({ length: columns }, (_, index) => {
        const column = index + 1;
        const key = `${row},${column}`;
        const typed = pending[key];
        const text = typed ?? cells?.[index] ?? '';
        const error = sheet.errors[key];
        const style = sheet.styles[key];
        const isSelected = column >= left && column <= right;
        const numeric = typed === undefined && /^[-+]?[\d,]*\.?\d+(e[-+]?\d+)?%?$/i.test(text);
        return (
          <div
            key={column}
            role="gridcell"
            id={`cell-${row}-${column}`}
            aria-colindex={column + 1}
            aria-selected={isSelected}
            data-row={row}
            data-column={column}
            title={error ? `${error.code} ${error.message}` : text.length > 20 ? text : undefined}
            class={`sg-cell${numeric ? ' number' : ''}${frozen ? ' frozen' : ''}${error ? ' error' : ''}${isSelected && column === activeColumn ? ' active' : ''}`}
            style={{ width: `${widths[index]}px`, background: style?.background, color: style?.color }}
          >
            {text}
            {style?.dropdown && !frozen && <span aria-hidden="true" class="sg-dropdown">▾</span>}
          </div>
        );
      })}
    </div>
  );
});

/**
 * A sheet as an editable grid, with a formula bar above and the sheet tabs below. Selecting,
 * typing, pasting and clearing go to the simulated spreadsheet on the server, which computes the
 * formulas and answers with the new state; only the rows in view are drawn.
 */
export function SheetGrid(props: { state: SpreadsheetViewState; onState: (state: EnvironmentState) => void }) {
  const { state, onState } = props;
  const [viewed, setViewed] = useState<string | null>(null);
  useEffect(() => setViewed(null), [state.activeSheet]);
  const name = viewed ?? state.activeSheet;
  const sheet = state.sheets.find((candidate) => candidate.name === name) ?? state.sheets[0]!;
  const [selection, setSelection] = useState<Selection>({ anchor: { row: 1, column: 1 }, focus: { row: 1, column: 1 } });
  const [editing, setEditing] = useState<{ text: string; replace: boolean } | null>(null);
  const [pending, setPending] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 600 });
  const scroller = useRef<HTMLDivElement>(null);
  const editor = useRef<HTMLInputElement>(null);
  const seenServerSelection = useRef('');
  /** Selections the grid sent; the server echoing one back is not a selection the add-on made. */
  const sent = useRef<string[]>([]);

  // A selection the add-on made (or the sheet it activated) is shown; the person's own stays otherwise.
  useEffect(() => {
    const server = sheet.selected;
    const key = `${sheet.name}:${JSON.stringify(server)}`;
    if (server && key !== seenServerSelection.current) {
      seenServerSelection.current = key;
      if (sent.current.includes(key)) return;
      setSelection({ anchor: { row: server.row, column: server.column }, focus: { row: server.row + server.numRows - 1, column: server.column + server.numColumns - 1 } });
    }
  }, [sheet]);

  const columns = Math.min(sheet.columnCount, Math.max(26, ...sheet.cells.map((cells) => cells.length + 2)));
  const rows = Math.max(sheet.rowCount, sheet.cells.length);
  const widths = useMemo(() => columnWidthsToFit(sheet, columns), [sheet, columns]);
  const lefts = useMemo(() => widths.reduce<number[]>((acc, width, i) => [...acc, acc[i]! + width], [headerWidth]), [widths]);
  const box = boxOf(selection);
  const active = selection.focus;
  const activeKey = `${active.row},${active.column}`;
  const activeError = sheet.errors[activeKey];
  const activeText = pending[activeKey] ?? sheet.inputs[activeKey] ?? sheet.cells[active.row - 1]?.[active.column - 1] ?? '';

  const select = (next: Selection, sheetName = sheet.name) => {
    const clamp = (p: Point) => ({ row: Math.min(Math.max(p.row, 1), rows), column: Math.min(Math.max(p.column, 1), columns) });
    const clamped = { anchor: clamp(next.anchor), focus: clamp(next.focus) };
    setSelection(clamped);
    const b = boxOf(clamped);
    // The add-on's getActiveRange() follows the grid, as in Sheets.
    const range = { row: b.top, column: b.left, numRows: b.bottom - b.top + 1, numColumns: b.right - b.left + 1 };
    sent.current = [...sent.current.slice(-30), `${sheetName}:${JSON.stringify(range)}`];
    void post('select', { sheet: sheetName, ...range });
  };
  const moveTo = (row: number, column: number) => select({ anchor: { row, column }, focus: { row, column } });

  // Keeps the active cell in view.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const frozenHeight = sheet.frozenRows * rowHeight;
    const top = rowHeight * active.row;
    if (active.row > sheet.frozenRows && top < element.scrollTop + rowHeight + frozenHeight) element.scrollTop = top - rowHeight - frozenHeight;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight + 16;
    const left = lefts[active.column - 1]!;
    if (left - headerWidth < element.scrollLeft) element.scrollLeft = left - headerWidth;
    else if (left + widths[active.column - 1]! > element.scrollLeft + element.clientWidth) element.scrollLeft = left + widths[active.column - 1]! - element.clientWidth + 16;
  }, [active.row, active.column]);

  useEffect(() => {
    const element = scroller.current;
    if (element) setScroll({ top: element.scrollTop, height: element.clientHeight || 600 });
  }, []);

  // Focused before the next key arrives, so no keystroke of fast typing is lost.
  useLayoutEffect(() => {
    if (editing && document.activeElement?.getAttribute('aria-label') !== 'Formula bar') editor.current?.focus();
  }, [editing !== null]);
  const editingNow = useRef(editing);
  editingNow.current = editing;

  async function write(row: number, column: number, values: string[][]) {
    const shown: Record<string, string> = {};
    values.forEach((cells, r) => cells.forEach((text, c) => (shown[`${row + r},${column + c}`] = text)));
    setPending((before) => ({ ...before, ...shown }));
    const answer = await post('edit', { sheet: sheet.name, row, column, values });
    setPending((before) => Object.fromEntries(Object.entries(before).filter(([key]) => !(key in shown))));
    if (answer.ok && answer.state) {
      setProblem(null);
      onState(answer.state);
    } else {
      setProblem(answer.error ?? 'The edit failed.');
      // The typed text is not lost: the editor opens again with it.
      if (values.length === 1 && values[0]!.length === 1) {
        setSelection({ anchor: { row, column }, focus: { row, column } });
        setEditing({ text: values[0]![0]!, replace: false });
      }
    }
  }

  function commit(move: { rows: number; columns: number } | null) {
    const current = editingNow.current;
    if (!current) return;
    // Cleared at once, so the blur that moving focus causes does not commit a second time.
    editingNow.current = null;
    const { row, column } = active;
    const before = sheet.inputs[`${row},${column}`] ?? sheet.cells[row - 1]?.[column - 1] ?? '';
    setEditing(null);
    if (current.text !== before) void write(row, column, [[current.text]]);
    if (move) moveTo(row + move.rows, column + move.columns);
    scroller.current?.focus();
  }

  function clearSelection() {
    const values = Array.from({ length: box.bottom - box.top + 1 }, () => Array<string>(box.right - box.left + 1).fill(''));
    void write(box.top, box.left, values);
  }

  function onGridKey(event: KeyboardEvent) {
    if (editing || event.target !== scroller.current) return;
    const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const step = arrows[event.key];
    if (step) {
      event.preventDefault();
      // Ctrl/⌘ with an arrow jumps to the edge of the data, as in Sheets.
      const jump = event.ctrlKey || event.metaKey;
      const edge = { row: step[0] > 0 ? Math.max(sheet.cells.length, 1) : 1, column: step[1] > 0 ? Math.max(sheet.cells[active.row - 1]?.length ?? 1, 1) : 1 };
      const focus = jump
        ? { row: step[0] ? edge.row : active.row, column: step[1] ? edge.column : active.column }
        : { row: active.row + step[0], column: active.column + step[1] };
      if (event.shiftKey) select({ anchor: selection.anchor, focus });
      else moveTo(focus.row, focus.column);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      moveTo(active.row, active.column + (event.shiftKey ? -1 : 1));
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      setEditing({ text: activeText, replace: false });
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      clearSelection();
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c') {
      const cells = Array.from({ length: box.bottom - box.top + 1 }, (_, r) =>
        Array.from({ length: box.right - box.left + 1 }, (_, c) => sheet.cells[box.top + r - 1]?.[box.left + c - 1] ?? ''),
      );
      void navigator.clipboard?.writeText(rowsToClipboard(cells)).catch(() => {});
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing on a selected cell replaces what it holds.
      event.preventDefault();
      setEditing({ text: event.key, replace: true });
    }
  }

  function onEditorKey(event: KeyboardEvent) {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit({ rows: event.shiftKey ? -1 : 1, columns: 0 });
    } else if (event.key === 'Tab') {
      event.preventDefault();
      commit({ rows: 0, columns: event.shiftKey ? -1 : 1 });
    } else if (event.key === 'Escape') {
      event.preventDefault();
      editingNow.current = null;
      setEditing(null);
      scroller.current?.focus();
    } else if (editing?.replace && event.key.startsWith('Arrow')) {
      event.preventDefault();
      const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      const [rows, columns] = moves[event.key]!;
      commit({ rows, columns });
    }
  }

  function onPaste(event: ClipboardEvent) {
    if (editing) return;
    const text = event.clipboardData?.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    let values = parseClipboardRows(text);
    // One copied cell fills every selected cell, as in Sheets.
    if (values.length === 1 && values[0]!.length === 1) values = Array.from({ length: box.bottom - box.top + 1 }, () => Array<string>(box.right - box.left + 1).fill(values[0]![0]!));
    void write(box.top, box.left, values);
    select({ anchor: { row: box.top, column: box.left }, focus: { row: box.top + values.length - 1, column: box.left + Math.max(...values.map((cells) => cells.length)) - 1 } });
  }

  function cellFrom(event: MouseEvent): Point | null {
    const cell = (event.target as HTMLElement).closest('[role="gridcell"]') as HTMLElement | null;
    return cell ? { row: Number(cell.dataset.row), column: Number(cell.dataset.column) } : null;
  }

  const dragging = useRef(false);
  function onMouseDown(event: MouseEvent) {
    const point = cellFrom(event);
    if (!point) return;
    if (editing) commit(null);
    event.preventDefault();
    scroller.current?.focus();
    dragging.current = true;
    if (event.shiftKey) select({ anchor: selection.anchor, focus: point });
    else select({ anchor: point, focus: point });
  }
  function onMouseOver(event: MouseEvent) {
    if (!dragging.current || !(event.buttons & 1)) return (dragging.current = false), undefined;
    const point = cellFrom(event);
    if (point && (point.row !== active.row || point.column !== active.column)) setSelection({ anchor: selection.anchor, focus: point });
  }
  function onMouseUp() {
    if (dragging.current) select(selection);
    dragging.current = false;
  }

  const frozen = Math.min(sheet.frozenRows, rows);
  const first = Math.max(frozen + 1, Math.floor(scroll.top / rowHeight) - overscan);
  const last = Math.min(rows, Math.ceil((scroll.top + scroll.height) / rowHeight) + overscan);
  const rowProps = (row: number, top: number | null): RowProps => ({
    sheet,
    row,
    columns,
    widths,
    top,
    selected: row >= box.top && row <= box.bottom ? `${box.left}-${box.right}` : '',
    activeColumn: row === active.row ? active.column : 0,
    frozen: row <= frozen,
    pending,
  });
  const totalWidth = lefts[columns]!;
  const toast = state.toasts[state.toasts.length - 1];

  return (
    <div class="sheet">
      <div class="formula-bar">
        <span class="name-box" aria-label="Selected range">
          {box.top === box.bottom && box.left === box.right ? `${letter(active.column)}${active.row}` : `${letter(box.left)}${box.top}:${letter(box.right)}${box.bottom}`}
        </span>
        <span class="fx" aria-hidden="true">fx</span>
        <input
          aria-label="Formula bar"
          value={editing ? editing.text : activeText}
          onFocus={() => !editing && setEditing({ text: activeText, replace: false })}
          onInput={(event) => setEditing({ text: (event.target as HTMLInputElement).value, replace: false })}
          onKeyDown={onEditorKey}
        />
      </div>
      {activeError && (
        <div class="cell-error-note" role="note" aria-label="Cell error">
          {activeError.code} {activeError.message}
        </div>
      )}
      {problem && (
        <p class="preview-error" role="alert">
          {problem}
        </p>
      )}
      <div
        ref={scroller}
        class="sheet-scroll"
        role="grid"
        aria-label={`Sheet ${sheet.name}`}
        aria-rowcount={rows + 1}
        aria-colcount={columns + 1}
        aria-multiselectable="true"
        aria-activedescendant={`cell-${active.row}-${active.column}`}
        tabIndex={0}
        onKeyDown={onGridKey}
        onPaste={onPaste}
        onMouseDown={onMouseDown}
        onMouseOver={onMouseOver}
        onMouseUp={onMouseUp}
        onDblClick={(event) => cellFrom(event) && setEditing({ text: activeText, replace: false })}
        onScroll={(event) => setScroll({ top: (event.target as HTMLElement).scrollTop, height: (event.target as HTMLElement).clientHeight })}
      >
        <div style={{ position: 'relative', width: `${totalWidth}px`, height: `${rowHeight * (rows + 1)}px` }}>
          <div class="sg-head" role="row" aria-rowindex={1} style={{ width: `${totalWidth}px` }}>
            <div class="sg-corner" />
            {widths.map((width, index) => (
              <div key={index} role="columnheader" class={`sg-colhead${index + 1 >= box.left && index + 1 <= box.right ? ' in-selection' : ''}`} style={{ width: `${width}px` }}>
                {letter(index + 1)}
              </div>
            ))}
          </div>
          {Array.from({ length: frozen }, (_, i) => (
            <div key={`f${i}`} class="sg-frozen" style={{ top: `${rowHeight * (i + 1)}px`, position: 'sticky', height: 0 }}>
              <GridRow {...rowProps(i + 1, 0)} />
            </div>
          ))}
          {Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => (
            <GridRow key={first + i} {...rowProps(first + i, null)} />
          ))}
          {editing && (
            <input
              ref={editor}
              class="sg-editor"
              aria-label={`Edit cell ${letter(active.column)}${active.row}`}
              value={editing.text}
              style={{ top: `${rowHeight * active.row - 1}px`, left: `${lefts[active.column - 1]! - 1}px`, minWidth: `${widths[active.column - 1]! + 2}px`, height: `${rowHeight + 2}px` }}
              onInput={(event) => setEditing({ text: (event.target as HTMLInputElement).value, replace: editing.replace })}
              onKeyDown={onEditorKey}
              onBlur={() => commit(null)}
            />
          )}
        </div>
      </div>
      <div class="sheet-tabs" role="tablist" aria-label="Sheets">
        {state.sheets.map((candidate) => (
          <span
            key={candidate.name}
            role="tab"
            tabIndex={0}
            aria-selected={candidate.name === sheet.name}
            class="sheet-tab"
            onClick={() => {
              setViewed(candidate.name);
              setEditing(null);
              const server = candidate.selected;
              const at = server ? { row: server.row, column: server.column } : { row: 1, column: 1 };
              // Clicking a tab makes that sheet the active one, as in Sheets.
              select({ anchor: at, focus: at }, candidate.name);
            }}
            onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && (event.target as HTMLElement).click()}
          >
            {candidate.name}
          </span>
        ))}
      </div>
      {toast && (
        <div role="status" data-testid="toast" style={{ margin: '6px 8px', padding: '8px 12px', background: '#323232', color: '#fff', borderRadius: '4px', maxWidth: '520px', fontSize: '13px' }}>
          {toast}
        </div>
      )}
    </div>
  );
}
