import { describe, expect, it } from 'vitest';
import { missingScopes, scopedCalls, scopes, type AppsScriptManifest } from '../../preview/src/apps-script/scopes';
import { readDist } from '../helpers/dist';

// Apps Script grants a script only the oauthScopes its manifest lists; a call needing another
// scope fails for every user. Each built Code.js is read for the services it calls, and the
// built appsscript.json must grant a scope for each.

describe.each(['sheets-addon', 'docs-addon'])('%s manifest against its bundle', (name) => {
  const code = readDist(`${name}/Code.js`);
  const manifest = JSON.parse(readDist(`${name}/appsscript.json`)) as AppsScriptManifest;

  it('grants a scope for every service call the bundle makes', () => {
    expect(missingScopes(code, manifest)).toEqual([]);
  });

  it('reads the user’s email, the editor, the network and the file', () => {
    const calls = scopedCalls(code);
    expect(calls).toEqual(expect.arrayContaining(['Session.getActiveUser', 'Ui.showSidebar', 'UrlFetchApp.fetch']));
    expect(calls).toContain(name === 'sheets-addon' ? 'SpreadsheetApp.getActiveSpreadsheet' : 'DocumentApp.getActiveDocument');
  });

  it('would fail on a manifest without userinfo.email, as the add-on first shipped', () => {
    const old = { ...manifest, oauthScopes: manifest.oauthScopes!.filter((scope) => scope !== scopes.userEmail) };
    expect(missingScopes(code, old)).toContain('You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email');
  });
});
