import { addAddonMenu, openSidebar, type MenuItem } from '@onbrand/apps-script/server';

/** The add-on menu; each item names a top-level function in Code.js (see entry.ts). */
export const menuItems: MenuItem[] = [
  { caption: 'Set up tracker', functionName: 'menuSetUpTracker' },
  { caption: 'Score use cases', functionName: 'menuScoreUseCases' },
  { caption: 'Analyze experiments', functionName: 'menuAnalyzeExperiments' },
  { caption: 'Write insights', functionName: 'menuWriteInsights' },
  { caption: 'Brand-check selected column', functionName: 'menuBrandCheckColumn' },
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
