import { addonEntryPoints, type MenuItem } from '@onbrand/apps-script/server';

export const menuItems: MenuItem[] = [{ caption: 'Open Onbrand', functionName: 'showSidebar' }];

export const { onOpen, onInstall, showSidebar } = addonEntryPoints(() => DocumentApp.getUi(), menuItems);
