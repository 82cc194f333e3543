import type { CallLog } from '../call-log';
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
    private readonly calls: CallLog,
  ) {}

  addItem(caption: string, functionName: string): FakeMenu {
    this.calls.record('Menu.addItem');
    this.entries.push({ caption, functionName });
    return this;
  }

  addSeparator(): FakeMenu {
    this.calls.record('Menu.addSeparator');
    this.entries.push({ separator: true });
    return this;
  }

  addToUi(): void {
    this.calls.record('Menu.addToUi');
    this.ui.menus = [...this.ui.menus.filter((menu) => menu.title !== this.title), this];
  }
}

/** The editor's UI: menus, the sidebar and alerts, kept as state the preview can draw. */
export class FakeUi implements Mirror<Ui, 'createAddonMenu' | 'createMenu' | 'showSidebar', { createAddonMenu: FakeMenu; createMenu: FakeMenu }> {
  menus: FakeMenu[] = [];
  sidebar: FakeHtmlOutput | null = null;
  readonly alerts: string[] = [];

  constructor(
    private readonly addonName: string,
    private readonly calls: CallLog,
  ) {}

  createAddonMenu(): FakeMenu {
    this.calls.record('Ui.createAddonMenu');
    return new FakeMenu(this.addonName, this, this.calls);
  }

  createMenu(caption: string): FakeMenu {
    this.calls.record('Ui.createMenu');
    return new FakeMenu(caption, this, this.calls);
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput | FakeHtmlOutput): void {
    this.calls.record('Ui.showSidebar');
    this.sidebar = userInterface as FakeHtmlOutput;
  }

  alert(prompt: string): GoogleAppsScript.Base.Button {
    this.calls.record('Ui.alert');
    this.alerts.push(prompt);
    return 'ok' as unknown as GoogleAppsScript.Base.Button;
  }
}
