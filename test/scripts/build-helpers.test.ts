import { describe, expect, it } from 'vitest';
import { appsScriptStubs, readBundleExports, readCustomFunctionDocs } from '../../scripts/lib/apps-script-stubs.mjs';
import { findHostGlobals } from '../../scripts/lib/core-globals.mjs';
import { escapeInline, htmlDocument } from '../../scripts/lib/single-file-html.mjs';

describe('the core host-globals check', () => {
  it.each([
    ['const width = window.innerWidth;', 'window'],
    ['const env = process.env.KEY;', 'process'],
    ['const fs = require("fs");', 'require'],
    ['figma.notify("hi");', 'figma'],
    ['SpreadsheetApp.getUi();', 'SpreadsheetApp'],
    ['(globalThis as any).fetch("x");', 'globalThis'],
    ['const a = flag ? document : null;', 'document'],
  ])('flags %s', (source, name) => {
    expect(findHostGlobals(source).map((found: { name: string }) => found.name)).toContain(name);
  });

  it.each([
    ['// window is mentioned in a comment', 'a comment'],
    ['const text = "process the document";', 'a string'],
    ['node.document.title', 'a property'],
    ['const options = { document: true };', 'an object key'],
    ['interface Port { fetch?: () => void; console: string }', 'a declared member'],
    ['function read(document: Doc) {}', 'a parameter'],
  ])('lets %s pass (%s)', (source) => {
    expect(findHostGlobals(source)).toEqual([]);
  });

  it('reports the line of each use', () => {
    expect(findHostGlobals('const a = 1;\n\nconsole.log(a);')).toEqual([{ name: 'console', line: 3 }]);
  });
});

describe('the Apps Script stub writer', () => {
  const source = `
/**
 * Scores a use case from 0 to 100.
 * @param {number} impact Impact, 1 to 5.
 * @param {number} risk Risk, 1 to 5.
 * @return {number} The score.
 * @customfunction
 */
export function ONBRAND_DEMO(impact: unknown, risk: number[][] = []): number { return 1; }
`;
  const bundle = 'var __X__ = { globals: { onOpen: function (e) { return "opened:" + e; } }, customFunctions: { ONBRAND_DEMO: function (a, b) { return a * 2; } } };';

  it('reads each custom function with its JSDoc and parameter names', () => {
    const docs = readCustomFunctionDocs(source);
    expect(docs.get('ONBRAND_DEMO')).toEqual({ comment: expect.stringContaining('@customfunction'), params: ['impact', 'risk'] });
  });

  it('takes only the JSDoc block right above each function, not an earlier comment with it', () => {
    const docs = readCustomFunctionDocs(`/** Helpers for the cells below. */\nconst limit = 3;\n${source}`);
    expect(docs.get('ONBRAND_DEMO')?.comment.startsWith('/**')).toBe(true);
    expect(docs.get('ONBRAND_DEMO')?.comment).not.toContain('Helpers for the cells below');
  });

  it('writes top-level declarations that delegate into the bundle', async () => {
    const exported = readBundleExports(bundle, '__X__');
    const stubs = appsScriptStubs(exported, readCustomFunctionDocs(source), '__X__');
    expect(stubs).toContain('@customfunction\n */\nfunction ONBRAND_DEMO(impact, risk)');
    const vm = await import('node:vm');
    const context = vm.createContext({});
    vm.runInContext(`${bundle}\n${stubs}`, context);
    expect(context.onOpen('e')).toBe('opened:e');
    expect(context.ONBRAND_DEMO(4, [])).toBe(8);
  });

  it('refuses a custom function without JSDoc, which Sheets could not autocomplete', () => {
    expect(() => appsScriptStubs({ globals: [], customFunctions: ['MYSTERY'] }, new Map(), '__X__')).toThrow(/MYSTERY has no JSDoc/);
  });

  it('fails when the bundle touches a service while loading', () => {
    expect(() => readBundleExports('var __X__ = { globals: {} }; SpreadsheetApp.getUi();', '__X__')).toThrow(/SpreadsheetApp/);
  });
});

describe('single-file HTML', () => {
  it('escapes closing tags and comment openers inside inlined code', () => {
    const js = 'const s = "</script><!-- x"; const re = /<\\/script/;';
    expect(escapeInline(js, 'script')).toBe('const s = "<\\/script><\\!-- x"; const re = /<\\/script/;');
    const html = htmlDocument({ title: 'A & B', css: 'a{}', js });
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html).toContain('<title>A &amp; B</title>');
  });

  it('keeps the escaped script meaning the same', () => {
    const js = 'globalThis.out = ["</script>", "<!--"].join("|");';
    const context: { out?: string } = {};
    new Function('globalThis', escapeInline(js, 'script'))(context);
    expect(context.out).toBe('</script>|<!--');
  });
});
