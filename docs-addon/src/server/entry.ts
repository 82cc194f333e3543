import { exposeEndpoints, withDocumentLock } from '@onbrand/apps-script/server';
import { docsContract } from '../contract';
import { readBriefTable } from './brief-table';
import { checkDocument, ignoreFinding, selectFinding } from './check';
import { auditLog, readTeamApprovers, saveTeamApprovers } from './audit-log';
import { activeDocument, readDocumentSummary } from './document-port';
import { draftFromBrief } from './draft';
import { applyFixes } from './fixes';
import { currentSettings, importKit, loadKit, providerList, saveSettings, summarizeKit } from './kit-store';
import { approveMark, chooseRewrite, publicMarks, rejectMark, reportMark } from './marks';
import { onInstall, onOpen, showSidebar } from './menu';
import { rewriteSelection } from './rewrite';
import { runTemplate, templateInfos } from './templates';

const endpoints = exposeEndpoints(docsContract, {
  getDocumentSummary: () => readDocumentSummary(activeDocument()),
  getStatus: () => ({ kit: summarizeKit(loadKit()), settings: currentSettings(), providers: providerList(), marks: publicMarks(), templates: templateInfos() }),
  checkDocument,
  selectFinding: (input) => selectFinding(input.location),
  applyFixes: (input) => applyFixes(input.fixes),
  draftFromBrief: (input) => draftFromBrief(input.brief),
  rewriteSelection: (input) => rewriteSelection(input.channel),
  readBriefTable,
  chooseRewrite: (input) => chooseRewrite(input.id, input.keep),
  runTemplate: (input) => runTemplate(input.templateId, input.vars),
  approveMark: (input) => approveMark(input.id, input.confirm),
  rejectMark: (input) => rejectMark(input.id, input.reason),
  reportMark: (input) => reportMark(input.id, input.kind, input.note),
  ignoreFinding,
  getAuditLog: auditLog,
  getApprovers: () => ({ approvers: [...readTeamApprovers().content], kitNames: loadKit().kit.governance.approvers.content.length > 0 }),
  saveApprovers: (input) => withDocumentLock(() => saveTeamApprovers(input.content)),
  importKit: (input) => importKit(input.json, input.scope),
  saveSettings,
});

/** Functions Apps Script calls by name; the build writes a top-level stub for each. */
export const globals = { onOpen, onInstall, showSidebar, ...endpoints };

/** Docs has no custom functions; the build expects the export on every add-on. */
export const customFunctions = {};
