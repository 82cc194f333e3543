// Stands in for the google.script API that Apps Script injects into a sidebar. Each call goes to
// the preview server, which runs the real built Code.js against the simulated spreadsheet or document.

const addon = (document.currentScript as HTMLScriptElement | null)?.dataset.addon ?? 'sheets';

type Handler = ((value: unknown, userObject?: unknown) => void) | undefined;

function assertScriptRunValue(value: unknown, where: string): void {
  // google.script.run refuses Dates, functions and class instances; so does the preview.
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return;
  if (Array.isArray(value)) return value.forEach((item, index) => assertScriptRunValue(item, `${where}[${index}]`));
  if (Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value as object).forEach(([key, item]) => assertScriptRunValue(item, `${where}.${key}`));
  }
  throw new Error(`Failed due to illegal value in property: ${where}`);
}

function runner(onSuccess: Handler, onFailure: Handler, userObject: unknown): unknown {
  return new Proxy(
    {},
    {
      get(_target, property) {
        if (property === 'withSuccessHandler') return (handler: Handler) => runner(handler, onFailure, userObject);
        if (property === 'withFailureHandler') return (handler: Handler) => runner(onSuccess, handler, userObject);
        if (property === 'withUserObject') return (object: unknown) => runner(onSuccess, onFailure, object);
        return (...args: unknown[]) => {
          try {
            assertScriptRunValue(args, 'arguments');
          } catch (error) {
            setTimeout(() => onFailure?.(error, userObject));
            return;
          }
          fetch(`/api/${addon}/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: property, args }) })
            .then((response) => response.json() as Promise<{ ok: boolean; value?: unknown; error?: string }>)
            .then((answer) => {
              if (answer.ok) onSuccess?.(answer.value, userObject);
              else onFailure?.(new Error(answer.error), userObject);
            })
            .catch((error: unknown) => onFailure?.(error instanceof Error ? error : new Error(String(error)), userObject))
            .finally(() => parent.postMessage({ previewHostChanged: addon }, '*'));
        };
      },
    },
  );
}

(window as unknown as { google: unknown }).google = {
  script: {
    run: runner(undefined, undefined, undefined),
    host: {
      origin: location.origin,
      close: () => parent.postMessage({ previewCloseSidebar: addon }, '*'),
      setHeight: () => {},
      setWidth: () => {},
    },
  },
};
