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
