import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { writeStoredJson } from '../../apps-script/src/server/stored-json';
import { createDocsEnvironment, type DocsEnvironment } from '../../preview/src/apps-script';
import type { BlockSpec } from '../../preview/src/apps-script/fake-document';

const globals = globalThis as Record<string, unknown>;
let installed: string[] = [];

afterEach(() => {
  for (const name of installed) delete globals[name];
  installed = [];
});

/**
 * A document environment whose services are installed as globals, so the add-on's server modules
 * run in-process exactly as they do in Apps Script (where the services are globals too).
 */
export function installDocs(paragraphs: readonly BlockSpec[], name = 'Campaign draft'): DocsEnvironment {
  const env = createDocsEnvironment({ name, paragraphs: paragraphs as string[], files: {} });
  for (const [key, service] of Object.entries(env.services)) {
    if (key === 'console') continue;
    globals[key] = service;
    installed.push(key);
  }
  return env;
}

/** Stores an example kit as this document's kit, as an import would. */
export function useExampleKit(env: DocsEnvironment, name: 'ledgerline' | 'juniper-oak' = 'ledgerline'): void {
  const kit = JSON.parse(readFileSync(join(import.meta.dirname, `../../examples/kits/${name}.json`), 'utf8'));
  writeStoredJson(env.properties.document as never, 'onbrand.kit', kit);
}

/** Every paragraph's text, read without counting calls. */
export const texts = (env: DocsEnvironment) => env.document.body.snapshotParagraphs().map((p) => p.snapshotText());
