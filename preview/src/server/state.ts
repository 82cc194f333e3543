import type { DocsEnvironment, MenuEntry, SheetsEnvironment } from '../apps-script';

/** What the preview page draws: plain data, read without counting host calls. */
export function environmentState(environment: SheetsEnvironment | DocsEnvironment) {
  const ui = {
    menus: environment.ui.menus.map((menu) => ({ title: menu.title, entries: menu.entries as MenuEntry[] })),
    sidebar: environment.ui.sidebar ? { title: environment.ui.sidebar.getTitle(), file: environment.ui.sidebar.fileName } : null,
    alerts: environment.ui.alerts,
    calls: environment.calls.byName(),
  };
  if (environment.kind === 'sheets') {
    const active = environment.spreadsheet.activeSheetSnapshot();
    return {
      ...ui,
      kind: 'sheets' as const,
      activeSheet: active.snapshotName(),
      toasts: environment.spreadsheet.toasts,
      sheets: environment.spreadsheet.sheets.map((sheet) => ({ name: sheet.snapshotName(), cells: sheet.snapshot().map((row) => row.map(String)) })),
    };
  }
  return { ...ui, kind: 'docs' as const, paragraphs: environment.document.body.paragraphs };
}

export type EnvironmentState = ReturnType<typeof environmentState>;
