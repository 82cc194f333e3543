import { useEffect, useState } from 'preact/hooks';
import type { EnvironmentState } from '../server/state';
import { DocumentPage } from './document-view';
import { SheetGrid } from './sheet-view';

type Addon = 'sheets' | 'docs';

async function runScriptFunction(addon: Addon, name: string, authMode: 'NONE' | 'FULL' = 'FULL') {
  const response = await fetch(`/api/${addon}/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, authMode }) });
  return (await response.json()) as { ok: boolean; error?: string };
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
        <div class="file-view">{state?.kind === 'sheets' ? <SheetGrid state={state} onState={setState} /> : state?.kind === 'docs' ? <DocumentPage state={state} onState={setState} /> : null}</div>
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
