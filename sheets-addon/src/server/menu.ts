import { addAddonMenu, openSidebar, type MenuItem } from '@onbrand/apps-script/server';
import { operationMenu } from './operations';

/** The add-on menu; each item names a top-level function in Code.js (see entry.ts). */
export const menuItems: MenuItem[] = [
  ...Object.values(operationMenu).map(({ caption, functionName }) => ({ caption, functionName })),
  { caption: 'Open Onbrand', functionName: 'showSidebar' },
];

/** Runs in AuthMode.NONE before the add-on is used in this file: it builds the menu and nothing else. */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  addAddonMenu(SpreadsheetApp.getUi(), menuItems);
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function showSidebar(): void {
  openSidebar(SpreadsheetApp.getUi(), 'Onbrand');
}
