import { openSidebar } from './sidebar';

export interface MenuItem {
  caption: string;
  /** The name of a top-level function in Code.js. */
  functionName: string;
}

/** Adds the add-on's menu under Extensions. Safe in AuthMode.NONE: it touches only the UI. */
export function addAddonMenu(ui: GoogleAppsScript.Base.Ui, items: readonly MenuItem[]): void {
  const menu = ui.createAddonMenu();
  for (const item of items) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}

/**
 * The three entry points every add-on has: `onOpen` builds the menu and nothing else, since it runs
 * in AuthMode.NONE before the add-on is used in the file; `onInstall` does the same right after
 * installation; `showSidebar` opens the sidebar.
 */
export function addonEntryPoints(ui: () => GoogleAppsScript.Base.Ui, items: readonly MenuItem[]) {
  const onOpen = (): void => addAddonMenu(ui(), items);
  return { onOpen, onInstall: onOpen, showSidebar: (): void => openSidebar(ui(), 'Onbrand') };
}
