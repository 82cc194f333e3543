import { addonEntryPoints, type MenuItem } from '@onbrand/apps-script/server';
import { operationMenu } from './operations';

/** The add-on menu; each item names a top-level function in Code.js (see entry.ts). */
export const menuItems: MenuItem[] = [
  ...Object.values(operationMenu).map(({ caption, functionName }) => ({ caption, functionName })),
  { caption: 'Open Onbrand', functionName: 'showSidebar' },
];

export const { onOpen, onInstall, showSidebar } = addonEntryPoints(() => SpreadsheetApp.getUi(), menuItems);
