import { useEffect, useState } from 'preact/hooks';
import type { EnvironmentState } from '../server/state';

type Addon = 'sheets' | 'docs';

async function runScriptFunction(addon: Addon, name: string, authMode: 'NONE' | 'FULL' = 'FULL') {
  const response = await fetch(`/api/${addon}/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, authMode }) });
  return (await response.json()) as { ok: boolean; error?: string };
}

function SheetGrid(props: { state: Extract<EnvironmentState, { kind: 'sheets' }> }) {
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

function DocumentPage(props: { state: Extract<EnvironmentState, { kind: 'docs' }> }) {
  return (
    <article class="doc-page" aria-label="Document">
      {props.state.paragraphs.map((text, index) => (index === 0 ? <h1 key={index}>{text}</h1> : <p key={index}>{text || '\u00a0'}</p>))}
    </article>
  );
}

/** A spreadsheet or document window with its Extensions menu and the add-on's sidebar. */
export function AddonWorkspace(props: { addon: Addon; fileName: string }) {
  const { addon } = props;
  const [state, setState] = useState<EnvironmentState | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [sidebarKey, setSidebarKey] = useState(0);
  const [sidebarClosed, setSidebarClosed] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = () =>
    fetch(`/api/${addon}/state`)
      .then((response) => response.json() as Promise<EnvironmentState>)
      .then(setState);

  useEffect(() => {
    // Opening the file runs onOpen before the user has authorized the add-on here.
    runScriptFunction(addon, 'onOpen', 'NONE').then((result) => (result.ok ? refresh() : setError(result.error ?? 'onOpen failed')));
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { previewHostChanged?: string; previewCloseSidebar?: string } | null;
      if (data?.previewHostChanged === addon) void refresh();
      if (data?.previewCloseSidebar === addon) setSidebarClosed(true);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  async function choose(functionName: string) {
    setMenuOpen(false);
    const result = await runScriptFunction(addon, functionName);
    setError(result.ok ? null : (result.error ?? 'The menu item failed.'));
    setSidebarClosed(false);
    setSidebarKey((key) => key + 1);
    await refresh();
  }

  return (
    <div class={`addon-workspace ${addon}`}>
      <div class="menubar">
        <span class="file-name">{props.fileName}</span>
        <div class="menu">
          <button class="menu-button" aria-haspopup="menu" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>
            Extensions
          </button>
          {menuOpen && (
            <ul class="menu-list" role="menu">
              {state?.menus.map((menu) => (
                <li key={menu.title} role="none">
                  <span class="menu-title">{menu.title}</span>
                  <ul role="group" aria-label={menu.title}>
                    {menu.entries.map((entry, index) =>
                      'separator' in entry ? (
                        <li key={index} role="separator" />
                      ) : (
                        <li key={index} role="none">
                          <button role="menuitem" onClick={() => choose(entry.functionName)}>
                            {entry.caption}
                          </button>
                        </li>
                      ),
                    )}
                  </ul>
                </li>
              ))}
              {state?.menus.length === 0 && <li class="muted">No add-on menu</li>}
            </ul>
          )}
        </div>
      </div>
      {error && (
        <p class="preview-error" role="alert">
          {error}
        </p>
      )}
      <div class="addon-body">
        <div class="file-view">{state?.kind === 'sheets' ? <SheetGrid state={state} /> : state?.kind === 'docs' ? <DocumentPage state={state} /> : null}</div>
        {state?.sidebar && !sidebarClosed && (
          <aside class="addon-sidebar" aria-label={`${state.sidebar.title} sidebar`}>
            <header>
              <span>{state.sidebar.title}</span>
              <button aria-label="Close sidebar" onClick={() => setSidebarClosed(true)}>
                ×
              </button>
            </header>
            <iframe key={sidebarKey} title={`${state.sidebar.title} sidebar`} src={`/addons/${addon}/${state.sidebar.file}.html`} />
          </aside>
        )}
      </div>
    </div>
  );
}
