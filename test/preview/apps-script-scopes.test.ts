import { describe, expect, it } from 'vitest';
import docsManifest from '../../docs-addon/appsscript.json';
import sheetsManifest from '../../sheets-addon/appsscript.json';
import { createDocsEnvironment, createSheetsEnvironment, FakeHtmlOutput } from '../../preview/src/apps-script';
import { missingScopes, scopedCalls, scopes, type AppsScriptManifest } from '../../preview/src/apps-script/scopes';

// The fakes are built from the add-on's appsscript.json and refuse, with Apps Script's words, any
// call whose scope the manifest does not grant and any fetch outside urlFetchWhitelist.

type Script = Record<string, any>;

const without = (manifest: AppsScriptManifest, scope: string): AppsScriptManifest => ({ ...manifest, oauthScopes: manifest.oauthScopes!.filter((granted) => granted !== scope) });
/** What a call threw, as Apps Script would log it: name and exact message. */
function refusal(call: () => unknown): { name: string; message: string } {
  try {
    call();
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('the call was not refused');
}
const exception = (message: string) => ({ name: 'Exception', message });
const sheets = (manifest?: AppsScriptManifest) => createSheetsEnvironment({ name: 'Plan', sheets: { A: [['x']] }, files: {}, ...(manifest ? { manifest } : {}) });
const docs = (manifest?: AppsScriptManifest) => createDocsEnvironment({ name: 'Brief', paragraphs: ['Hello'], files: {}, ...(manifest ? { manifest } : {}) });

describe('the add-ons ask for the user’s email', () => {
  it.each([
    ['Sheets', sheets],
    ['Docs', docs],
  ])('lets the %s add-on read who is approving, as its manifest grants userinfo.email', (_, environment) => {
    const { services } = environment();
    const session = services.Session as Script;
    expect(session.getActiveUser().getEmail()).toBe('maya@example.com');
    expect(session.getEffectiveUser().getEmail()).toBe('maya@example.com');
  });

  it('refuses Session.getActiveUser with Apps Script’s message when the manifest lacks the scope', () => {
    const session = sheets(without(sheetsManifest, scopes.userEmail)).services.Session as Script;
    expect(refusal(() => session.getActiveUser())).toEqual(exception('You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email'));
    expect(() => session.getEffectiveUser()).toThrow('You do not have permission to call Session.getEffectiveUser.');
    expect(session.getScriptTimeZone()).toBe('Etc/UTC');
  });
});

describe('every scoped service the fakes implement', () => {
  it('refuses the spreadsheet without a spreadsheets scope, but still builds menus', () => {
    const env = sheets(without(sheetsManifest, scopes.spreadsheetsCurrentOnly));
    const app = env.services.SpreadsheetApp as Script;
    expect(refusal(() => app.getActiveSpreadsheet())).toEqual(
      exception('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)'),
    );
    app.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi();
    expect(env.ui.menus).toHaveLength(1);
  });

  it('accepts the broader spreadsheets scope in place of currentonly', () => {
    const manifest = { oauthScopes: [scopes.spreadsheets] };
    expect((sheets(manifest).services.SpreadsheetApp as Script).getActiveSpreadsheet().getName()).toBe('Plan');
  });

  it('refuses the document without a documents scope', () => {
    const app = docs(without(docsManifest, scopes.documentsCurrentOnly)).services.DocumentApp as Script;
    expect(refusal(() => app.getActiveDocument())).toEqual(
      exception('You do not have permission to call DocumentApp.getActiveDocument. Required permissions: (https://www.googleapis.com/auth/documents.currentonly || https://www.googleapis.com/auth/documents)'),
    );
  });

  it('refuses to show the sidebar without script.container.ui', () => {
    const env = docs(without(docsManifest, scopes.containerUi));
    const ui = (env.services.DocumentApp as Script).getUi();
    expect(refusal(() => ui.showSidebar(new FakeHtmlOutput('Sidebar', '<p>hi</p>')))).toEqual(exception('You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui'));
    expect(env.ui.sidebar).toBeNull();
  });

  it('refuses UrlFetchApp.fetch without script.external_request, before anything is sent', () => {
    const env = sheets(without(sheetsManifest, scopes.externalRequest));
    env.urlFetch.handler = () => ({ status: 200, body: '{}' });
    expect(refusal(() => (env.services.UrlFetchApp as Script).fetch('https://api.openai.com/v1/chat/completions'))).toEqual(
      exception('You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request'),
    );
    expect(env.urlFetch.requests).toEqual([]);
  });
});

describe('UrlFetchApp under the manifest’s urlFetchWhitelist', () => {
  const answer = () => ({ status: 200, body: '{"ok":true}' });

  it('fetches a URL under a listed prefix', () => {
    const env = docs();
    env.urlFetch.handler = answer;
    expect((env.services.UrlFetchApp as Script).fetch('https://api.anthropic.com/v1/messages', { method: 'post' }).getContentText()).toBe('{"ok":true}');
  });

  it.each([
    ['a server the manifest does not list', 'https://models.example.com/v1/chat/completions'],
    ['plain http, even to a listed host', 'http://api.openai.com/v1/chat/completions'],
    ['a look-alike host', 'https://api.openai.com.example.net/v1/chat/completions'],
  ])('refuses %s with Apps Script’s message, muted or not', (_, url) => {
    const env = sheets();
    env.urlFetch.handler = answer;
    const fetch = (env.services.UrlFetchApp as Script).fetch.bind(env.services.UrlFetchApp);
    expect(refusal(() => fetch(url, { muteHttpExceptions: true }))).toEqual(exception(`Request to ${url} failed because the URL has not been whitelisted in the script manifest.`));
    expect(env.urlFetch.requests).toEqual([]);
    expect(env.calls.count('UrlFetchApp.fetch')).toBe(1);
  });

  it('lets a team’s server through once its prefix is added to the manifest', () => {
    const manifest = { ...sheetsManifest, urlFetchWhitelist: [...sheetsManifest.urlFetchWhitelist, 'https://models.example.com/'] };
    const env = sheets(manifest);
    env.urlFetch.handler = answer;
    expect((env.services.UrlFetchApp as Script).fetch('https://models.example.com/v1/chat/completions').getResponseCode()).toBe(200);
  });
});

describe('the scope check of a bundle', () => {
  const code = 'function f(){var u=Session.getActiveUser().getEmail();SpreadsheetApp.getUi().showSidebar(x);UrlFetchApp.fetch(a);Session.getScriptTimeZone();DocumentApp.ElementType.TEXT;}';

  it('finds each scoped call, leaving out enums and calls that need no scope', () => {
    expect(scopedCalls(code)).toEqual(['Session.getActiveUser', 'Ui.showSidebar', 'UrlFetchApp.fetch']);
  });

  it('names each call whose scope the manifest lacks, in Apps Script’s words', () => {
    expect(missingScopes(code, { oauthScopes: [scopes.containerUi] })).toEqual([
      'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    ]);
    expect(missingScopes(code, { oauthScopes: [scopes.containerUi, scopes.userEmail, scopes.externalRequest] })).toEqual([]);
  });
});
