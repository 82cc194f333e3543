import { useEffect, useState } from 'preact/hooks';
import type { SpreadsheetViewState } from '../server/state';

const letter = (column: number) => {
  let text = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
};

/**
 * A sheet as a grid, with the sheet tabs below: number formats as displayed, conditional colours,
 * dropdown markers, a frozen (sticky, bold) header and the latest toast. Clicking a tab shows that
 * sheet here; the script's active sheet changes only when the add-on changes it.
 */
export function SheetGrid(props: { state: SpreadsheetViewState }) {
  const { state } = props;
  const [viewed, setViewed] = useState<string | null>(null);
  useEffect(() => setViewed(null), [state.activeSheet]);
  const name = viewed ?? state.activeSheet;
  const sheet = state.sheets.find((candidate) => candidate.name === name);
  const columns = Math.max(6, ...(sheet?.cells.map((row) => row.length) ?? [0]));
  const rows = Math.max(12, (sheet?.cells.length ?? 0) + 2);
  const toast = state.toasts[state.toasts.length - 1];
  return (
    <div class="sheet">
      <table class="grid" aria-label={`Sheet ${name}`}>
        <thead>
          <tr>
            <th />
            {Array.from({ length: columns }, (_, c) => (
              <th key={c} style={{ minWidth: `${Math.min(220, sheet?.columnWidths[c] ?? 100)}px` }}>{letter(c + 1)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => {
            const frozen = r < (sheet?.frozenRows ?? 0);
            return (
              <tr key={r} class={frozen ? 'frozen' : undefined}>
                <th>{r + 1}</th>
                {Array.from({ length: columns }, (_, c) => {
                  const style = sheet?.styles[`${r + 1},${c + 1}`];
                  const selected = sheet?.selected?.row === r + 1 && sheet.selected.column === c + 1;
                  const text = sheet?.cells[r]?.[c] ?? '';
                  return (
                    <td
                      key={c}
                      class={selected ? 'selected' : undefined}
                      style={{
                        background: style?.background,
                        color: style?.color,
                        fontWeight: frozen ? 600 : undefined,
                        borderBottom: frozen && r === (sheet?.frozenRows ?? 0) - 1 ? '3px solid #c0c4c8' : undefined,
                        outline: selected ? '2px solid #1a73e8' : undefined,
                        maxWidth: '240px',
                        whiteSpace: 'nowrap',
                        overflow: 'hidden',
                        textOverflow: 'ellipsis',
                      }}
                      title={text || undefined}
                    >
                      {text}
                      {style?.dropdown && !frozen && <span aria-hidden="true" style={{ color: '#80868b', marginLeft: '6px' }}>▾</span>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="sheet-tabs" role="tablist" aria-label="Sheets">
        {state.sheets.map((candidate) => (
          <span
            key={candidate.name}
            role="tab"
            tabIndex={0}
            aria-selected={candidate.name === name}
            class="sheet-tab"
            onClick={() => setViewed(candidate.name)}
            onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && setViewed(candidate.name)}
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
