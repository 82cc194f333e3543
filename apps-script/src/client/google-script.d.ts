// The client-side google.script API that Apps Script injects into HtmlService pages.
declare namespace google.script {
  interface Runner {
    withSuccessHandler(handler: (value: any, userObject?: unknown) => void): Runner;
    withFailureHandler(handler: (error: Error, userObject?: unknown) => void): Runner;
    withUserObject(userObject: unknown): Runner;
    [serverFunction: string]: ((...args: any[]) => void) | any;
  }
  const run: Runner;
  namespace host {
    function close(): void;
    function setHeight(height: number): void;
    function setWidth(width: number): void;
    const origin: string;
  }
}
