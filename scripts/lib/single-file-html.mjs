import * as esbuild from 'esbuild';

/** Escapes text for an HTML text node or attribute. */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);
}

/**
 * Makes inline code safe inside <script>/<style>: `</script` would end the element early.
 * `<\/` means the same in JS strings, template literals, regular expressions and CSS.
 */
export function escapeInline(code, tag) {
  return code.replace(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`).replace(/<!--/g, '<\\!--');
}

/** Wraps inlined CSS and JS into one HTML document, with the app's mount point. */
export function htmlDocument({ title, css, js }) {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    css ? `<style>${escapeInline(css, 'style')}</style>` : '',
    '</head>',
    '<body>',
    '<div id="app"></div>',
    `<script>${escapeInline(js, 'script')}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Bundles a UI entry and returns one HTML file with its JS and CSS inlined (hosts load a single file). */
export async function buildSingleFileHtml({ entry, title, target = 'es2020' }) {
  const result = await esbuild.build({
    entryPoints: { app: entry },
    bundle: true,
    write: false,
    outdir: 'out',
    format: 'iife',
    platform: 'browser',
    target,
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
  const css = result.outputFiles.find((file) => file.path.endsWith('.css'))?.text ?? '';
  return htmlDocument({ title, css, js });
}
