import vm from 'node:vm';

const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * Reads each `export function NAME(params)` with its JSDoc from a custom-functions source file.
 * Sheets autocompletes a custom function only from a JSDoc block with @customfunction that sits
 * on a top-level function declaration in the pushed script, so the build copies them there.
 */
export function readCustomFunctionDocs(source) {
  const docs = new Map();
  // A block's body may not hold "*/", so an earlier comment is never swallowed into the next one.
  const pattern = /(\/\*\*(?:[^*]|\*(?!\/))*\*\/)\s*export function (\w+)\s*\(([^)]*)\)/g;
  for (const [, comment, name, params] of source.matchAll(pattern)) {
    const names = params
      .split(',')
      .map((param) => param.trim().match(/^(\w+)/)?.[1])
      .filter(Boolean);
    docs.set(name, { comment, params: names });
  }
  return docs;
}

/**
 * Lists what the bundle exposes by evaluating it in an empty context — as Apps Script does before
 * any authorization — so a bundle that touches a service at load time fails the build here.
 */
export function readBundleExports(bundle, globalName) {
  const context = vm.createContext({});
  vm.runInContext(`${bundle}\n;this.__exports = ${globalName};`, context);
  const api = context.__exports;
  if (!api || typeof api.globals !== 'object') throw new Error(`${globalName}.globals is missing: the server entry must export "globals".`);
  return { globals: Object.keys(api.globals), customFunctions: Object.keys(api.customFunctions ?? {}) };
}

/**
 * Writes the top-level function declarations Apps Script finds by name, each delegating into the
 * bundle. Declarations, not `const f = () => …`: only declarations become callable global functions.
 */
export function appsScriptStubs({ globals, customFunctions }, docs, globalName) {
  const lines = [];
  for (const name of [...globals, ...customFunctions]) {
    if (!identifier.test(name)) throw new Error(`"${name}" cannot be an Apps Script function name.`);
  }
  for (const name of globals) {
    lines.push(`function ${name}() { return ${globalName}.globals.${name}.apply(this, arguments); }`);
  }
  for (const name of customFunctions) {
    const doc = docs.get(name);
    if (!doc) throw new Error(`Custom function ${name} has no JSDoc in its source; Sheets could not autocomplete it.`);
    if (!doc.comment.includes('@customfunction')) throw new Error(`The JSDoc of ${name} lacks @customfunction.`);
    const params = doc.params.join(', ');
    lines.push(`${doc.comment}\nfunction ${name}(${params}) { return ${globalName}.customFunctions.${name}(${params}); }`);
  }
  return lines.join('\n') + '\n';
}
