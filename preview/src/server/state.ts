import type { DocsEnvironment, MenuEntry, SheetsEnvironment } from '../apps-script';
import { documentState } from './docs-state';
import { spreadsheetState } from './sheets-state';

/** What the preview page draws: plain data, read without counting host calls. */
export function environmentState(environment: SheetsEnvironment | DocsEnvironment) {
  const ui = {
    menus: environment.ui.menus.map((menu) => ({ title: menu.title, entries: menu.entries as MenuEntry[] })),
    sidebar: environment.ui.sidebar ? { title: environment.ui.sidebar.getTitle(), file: environment.ui.sidebar.fileName } : null,
    alerts: environment.ui.alerts,
    calls: environment.calls.byName(),
  };
  return environment.kind === 'sheets' ? { ...ui, ...spreadsheetState(environment) } : { ...ui, ...documentState(environment) };
}

export type EnvironmentState = ReturnType<typeof environmentState>;
export type SpreadsheetViewState = Extract<EnvironmentState, { kind: 'sheets' }>;
export type DocumentViewState = Extract<EnvironmentState, { kind: 'docs' }>;
