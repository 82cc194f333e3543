import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  cloneForScriptRun,
  createDocsEnvironment,
  createSheetsEnvironment,
  loadAppsScript,
  type DocsEnvironment,
  type SheetsEnvironment,
} from '../apps-script';
import { editDocument } from './docs-state';
import { sampleDocument } from './sample-document';
import { sampleSpreadsheet } from './sample-spreadsheet';
import { refusal } from './same-origin';
import { editCells, selectCells } from './sheet-editing';
import { calculatorFor } from './sheet-formulas';
import { environmentState } from './state';

export type AddonName = 'sheets' | 'docs';

export interface PreviewServer {
  url: string;
  environments: { sheets: SheetsEnvironment; docs: DocsEnvironment };
  /** Puts both simulated files back as they were when the preview started. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function send(response: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

async function loadEnvironments(distDir: string) {
  const files = async (addon: string) => ({ Sidebar: await readFile(join(distDir, addon, 'Sidebar.html'), 'utf8') });
  const code = async (addon: string) => readFile(join(distDir, addon, 'Code.js'), 'utf8');
  const sheets = createSheetsEnvironment({ ...sampleSpreadsheet, files: await files('sheets-addon') });
  const docs = createDocsEnvironment({ ...sampleDocument, files: await files('docs-addon') });
  const scripts = { sheets: loadAppsScript(await code('sheets-addon'), sheets.services), docs: loadAppsScript(await code('docs-addon'), docs.services) };
  // Formulas typed in the grid call the built Code.js as Sheets calls a custom function.
  calculatorFor(sheets.spreadsheet, (name, args) => scripts.sheets.run(name, args, { customFunction: true }))!.recalculate();
  return { environments: { sheets, docs }, scripts };
}

/**
 * Serves the built add-ons against simulated hosts. The Figma plugin runs entirely in the page;
 * the Apps Script add-ons' Code.js runs here in Node, in a fresh scope per call, over fakes that
 * keep the spreadsheet and document state between calls.
 */
export async function startPreviewServer(options: { port?: number; host?: string; distDir?: string } = {}): Promise<PreviewServer> {
  const distDir = options.distDir ?? 'dist';
  let loaded = await loadEnvironments(distDir);

  async function staticFile(response: ServerResponse, path: string, transform?: (text: string) => string) {
    try {
      const text = await readFile(join(distDir, path), 'utf8');
      send(response, 200, transform ? transform(text) : text, contentTypes[path.slice(path.lastIndexOf('.'))] ?? 'text/plain');
    } catch {
      send(response, 404, JSON.stringify({ error: `${path} is not built. Run npm run build.` }));
    }
  }

  async function api(addon: AddonName, action: string, request: IncomingMessage, response: ServerResponse) {
    const environment = loaded.environments[addon];
    if (action === 'state') return send(response, 200, JSON.stringify(environmentState(environment)));
    // The person's own typing and caret on the document page.
    if (action === 'edit' && environment.kind === 'docs' && request.method === 'POST') {
      try {
        editDocument(environment, await readBody(request));
        return send(response, 200, JSON.stringify({ ok: true, state: environmentState(environment) }));
      } catch (error) {
        return send(response, 200, JSON.stringify({ ok: false, error: (error as Error).message }));
      }
    }
    if (action === 'run' && request.method === 'POST') {
      const body = (await readBody(request)) as { name?: string; args?: unknown[]; authMode?: 'NONE' | 'FULL' };
      try {
        const args = cloneForScriptRun(body.args ?? [], 'arguments') as unknown[];
        const value = cloneForScriptRun(loaded.scripts[addon].run(String(body.name), args, { authMode: body.authMode }));
        return send(response, 200, JSON.stringify({ ok: true, value: value ?? null }));
      } catch (error) {
        return send(response, 200, JSON.stringify({ ok: false, error: (error as Error).message }));
      } finally {
        // What the script wrote may be read by formulas in the sheet, as Sheets recalculates after a script.
        if (environment.kind === 'sheets') calculatorFor(environment.spreadsheet)?.recalculate();
      }
    }
    // A person typing, pasting, clearing or selecting in the grid.
    if ((action === 'edit' || action === 'select') && request.method === 'POST' && environment.kind === 'sheets') {
      const body = await readBody(request);
      try {
        if (action === 'select') {
          selectCells(environment.spreadsheet, body);
          return send(response, 200, JSON.stringify({ ok: true }));
        }
        editCells(environment.spreadsheet, body);
        return send(response, 200, JSON.stringify({ ok: true, state: environmentState(environment) }));
      } catch (error) {
        return send(response, 200, JSON.stringify({ ok: false, error: (error as Error).message }));
      }
    }
    send(response, 404, JSON.stringify({ error: `Unknown preview action ${action}.` }));
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://preview.local');
    const path = url.pathname;
    const apiMatch = path.match(/^\/api\/(sheets|docs)\/(\w+)$/);
    const sidebarMatch = path.match(/^\/addons\/(sheets|docs)\/Sidebar\.html$/);
    const refused = refusal(request.method, request.headers, (server.address() as AddressInfo).port, apiMatch !== null);
    let work: Promise<void>;
    if (refused) work = Promise.resolve(send(response, 403, JSON.stringify({ error: `Refused: ${refused}.` })));
    else if (apiMatch) work = api(apiMatch[1] as AddonName, apiMatch[2]!, request, response);
    else if (sidebarMatch) {
      // The shim stands in for google.script.run; it must run before the sidebar's own script.
      const shim = `<script src="/gas-shim.js" data-addon="${sidebarMatch[1]}"></script>`;
      work = staticFile(response, `${sidebarMatch[1]}-addon/Sidebar.html`, (html) => html.replace('<head>', `<head>${shim}`));
    } else if (path === '/' || path === '/index.html') work = staticFile(response, 'preview/index.html');
    else if (path === '/preview.js' || path === '/preview.css' || path === '/gas-shim.js') work = staticFile(response, `preview${path}`);
    else if (path === '/figma/code.js' || path === '/figma/ui.html') work = staticFile(response, `figma-plugin/${path.slice(7)}`);
    else work = Promise.resolve(send(response, 404, JSON.stringify({ error: `Nothing at ${path}.` })));
    work.catch((error: unknown) => send(response, 500, JSON.stringify({ error: (error as Error).message })));
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    get environments() {
      return loaded.environments;
    },
    async reset() {
      loaded = await loadEnvironments(distDir);
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
