// The OAuth scopes Apps Script demands before a service method runs, from the "Authorization"
// note on each method in the Apps Script reference. One table serves the fakes (a call whose scope
// the manifest lacks fails with the host's message) and the check of each built Code.js (every
// service the bundle calls has its scope in appsscript.json).

export const scopes = {
  spreadsheetsCurrentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  documentsCurrentOnly: 'https://www.googleapis.com/auth/documents.currentonly',
  documents: 'https://www.googleapis.com/auth/documents',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  externalRequest: 'https://www.googleapis.com/auth/script.external_request',
  userEmail: 'https://www.googleapis.com/auth/userinfo.email',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
} as const;

interface ServiceRule {
  /** The methods that need a scope: every method but `free`, or only those listed. */
  needs: 'every' | readonly string[];
  free?: readonly string[];
  /** Any one of these lets the call run. */
  anyOf: readonly string[];
  /** A global the script names (SpreadsheetApp), or an object it is handed (Ui, from getUi()). */
  global: boolean;
}

// HtmlService, PropertiesService, LockService, Utilities and console need no scope. Builders such as
// SpreadsheetApp.newDataValidation carry no note of their own; they count as the service (stricter).
export const serviceScopes: Readonly<Record<string, ServiceRule>> = {
  // getUi only builds menus, which even AuthMode.NONE may do.
  SpreadsheetApp: { global: true, needs: 'every', free: ['getUi'], anyOf: [scopes.spreadsheetsCurrentOnly, scopes.spreadsheets] },
  DocumentApp: { global: true, needs: 'every', free: ['getUi'], anyOf: [scopes.documentsCurrentOnly, scopes.documents] },
  Ui: { global: false, needs: ['showSidebar', 'showModalDialog', 'showModelessDialog', 'alert', 'prompt'], anyOf: [scopes.containerUi] },
  Session: { global: true, needs: ['getActiveUser', 'getEffectiveUser'], anyOf: [scopes.userEmail] },
  UrlFetchApp: { global: true, needs: 'every', anyOf: [scopes.externalRequest] },
  ScriptApp: { global: true, needs: ['newTrigger', 'getProjectTriggers', 'getUserTriggers', 'deleteTrigger', 'getOAuthToken'], anyOf: [scopes.scriptApp] },
};

/** What appsscript.json says about scopes and fetching; without oauthScopes Apps Script infers them. */
export interface AppsScriptManifest {
  oauthScopes?: readonly string[];
  urlFetchWhitelist?: readonly string[];
}

/** The scopes any one of which lets `service.method` run; none when it needs none. */
export function scopesFor(service: string, method: string): readonly string[] {
  const rule = serviceScopes[service];
  // Capitalised members are enums (SpreadsheetApp.WrapStrategy, DocumentApp.ElementType): no call.
  if (!rule || /^[A-Z]/.test(method) || rule.free?.includes(method)) return [];
  return rule.needs === 'every' || rule.needs.includes(method) ? rule.anyOf : [];
}

/** An error as Apps Script throws it: logged as "Exception: <message>". */
export function hostException(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** Apps Script's refusal of a call whose scope the manifest does not grant. */
export function permissionMessage(service: string, method: string, anyOf: readonly string[]): string {
  const required = anyOf.length === 1 ? anyOf[0] : `(${anyOf.join(' || ')})`;
  return `You do not have permission to call ${service}.${method}. Required permissions: ${required}`;
}

/** Throws as Apps Script does when the manifest grants none of the scopes a call needs. */
export function requireScope(manifest: AppsScriptManifest, service: string, method: string): void {
  const anyOf = scopesFor(service, method);
  const granted = manifest.oauthScopes;
  if (granted && anyOf.length > 0 && !anyOf.some((scope) => granted.includes(scope))) throw hostException(permissionMessage(service, method, anyOf));
}

/** A service as a script sees it: each method first checks that the manifest grants its scope. */
export function withScopes<T extends object>(service: string, target: T, manifest: AppsScriptManifest): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        requireScope(manifest, service, property);
        return (value as (...values: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}

/** Each scoped service call a bundle makes, as `Service.method`, found by name in its text. */
export function scopedCalls(code: string): string[] {
  const calls = new Set<string>();
  for (const [service, rule] of Object.entries(serviceScopes)) {
    // A global keeps its name through minifying; a handed object is found by its method's name.
    const pattern = rule.global
      ? new RegExp(`(?<![\\w$.])${service}\\.([A-Za-z_$][\\w$]*)`, 'g')
      : new RegExp(`\\.(${(rule.needs as readonly string[]).join('|')})\\(`, 'g');
    for (const [, method] of code.matchAll(pattern)) if (scopesFor(service, method!).length > 0) calls.add(`${service}.${method}`);
  }
  return [...calls].sort();
}

/** Apps Script's refusal for every call in the bundle whose scope the manifest lacks. */
export function missingScopes(code: string, manifest: AppsScriptManifest): string[] {
  const granted = manifest.oauthScopes ?? [];
  return scopedCalls(code).flatMap((call) => {
    const [service, method] = call.split('.') as [string, string];
    const anyOf = scopesFor(service, method);
    return anyOf.some((scope) => granted.includes(scope)) ? [] : [permissionMessage(service, method, anyOf)];
  });
}
