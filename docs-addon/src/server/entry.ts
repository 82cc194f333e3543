import { exposeEndpoints } from '@onbrand/apps-script/server';
import { docsContract } from '../contract';
import { readDocumentSummary } from './document-port';
import { onInstall, onOpen, showSidebar } from './menu';

const endpoints = exposeEndpoints(docsContract, {
  getDocumentSummary: () => readDocumentSummary(DocumentApp.getActiveDocument()),
});

/** Functions Apps Script calls by name; the build writes a top-level stub for each. */
export const globals = { onOpen, onInstall, showSidebar, ...endpoints };

/** Docs has no custom functions; the build expects the export on every add-on. */
export const customFunctions = {};
