/** The built single-file sidebar, pushed as Sidebar.html. */
export const sidebarFile = 'Sidebar';

/**
 * Opens the sidebar. createHtmlOutputFromFile, not a template: minified code can contain `<?`,
 * which the template engine would try to evaluate.
 */
export function openSidebar(ui: GoogleAppsScript.Base.Ui, title: string): void {
  ui.showSidebar(HtmlService.createHtmlOutputFromFile(sidebarFile).setTitle(title));
}
