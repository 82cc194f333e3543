import { countCalls, type CallLog } from '../call-log';
import type { FakeHtmlOutput } from './fake-html-service';
import type { Mirror } from './mirror';

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;

export type MenuEntry = { caption: string; functionName: string } | { separator: true };

export class FakeMenu implements Mirror<Menu, 'addItem' | 'addSeparator' | 'addToUi', { addItem: FakeMenu; addSeparator: FakeMenu }> {
  readonly entries: MenuEntry[] = [];

  constructor(
    readonly title: string,
    private readonly ui: FakeUi,
    readonly calls: CallLog,
  ) {}

  addItem(caption: string, functionName: string): FakeMenu {
    this.entries.push({ caption, functionName });
    return this;
  }

  addSeparator(): FakeMenu {
    this.entries.push({ separator: true });
    return this;
  }

  addToUi(): void {
    this.ui.menus = [...this.ui.menus.filter((menu) => menu.title !== this.title), this];
  }
}

countCalls(FakeMenu, 'Menu', ['addItem', 'addSeparator', 'addToUi']);

/** The editor's UI: menus, the sidebar and alerts, kept as state the preview can draw. */
export class FakeUi implements Mirror<Ui, 'createAddonMenu' | 'createMenu' | 'showSidebar', { createAddonMenu: FakeMenu; createMenu: FakeMenu }> {
  menus: FakeMenu[] = [];
  sidebar: FakeHtmlOutput | null = null;
  readonly alerts: string[] = [];

  constructor(
    private readonly addonName: string,
    readonly calls: CallLog,
  ) {}

  createAddonMenu(): FakeMenu {
    return new FakeMenu(this.addonName, this, this.calls);
  }

  createMenu(caption: string): FakeMenu {
    return new FakeMenu(caption, this, this.calls);
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput | FakeHtmlOutput): void {
    this.sidebar = userInterface as FakeHtmlOutput;
  }

  alert(prompt: string): GoogleAppsScript.Base.Button {
    this.alerts.push(prompt);
    return 'ok' as unknown as GoogleAppsScript.Base.Button;
  }
}

countCalls(FakeUi, 'Ui', ['createAddonMenu', 'createMenu', 'showSidebar', 'alert']);
