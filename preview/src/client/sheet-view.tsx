import type { SpreadsheetViewState } from '../server/state';

/** The active sheet as a grid, with the sheet tabs below. */
export function SheetGrid(props: { state: SpreadsheetViewState }) {
  const sheet = props.state.sheets.find((candidate) => candidate.name === props.state.activeSheet);
  const columns = Math.max(6, ...(sheet?.cells.map((row) => row.length) ?? [0]));
  const rows = Math.max(12, (sheet?.cells.length ?? 0) + 2);
  return (
    <div class="sheet">
      <table class="grid" aria-label={`Sheet ${props.state.activeSheet}`}>
        <thead>
          <tr>
            <th />
            {Array.from({ length: columns }, (_, c) => (
              <th key={c}>{String.fromCharCode(65 + c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              <th>{r + 1}</th>
              {Array.from({ length: columns }, (_, c) => (
                <td key={c}>{sheet?.cells[r]?.[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div class="sheet-tabs" role="tablist" aria-label="Sheets">
        {props.state.sheets.map((candidate) => (
          <span key={candidate.name} role="tab" aria-selected={candidate.name === props.state.activeSheet} class="sheet-tab">
            {candidate.name}
          </span>
        ))}
      </div>
    </div>
  );
}
