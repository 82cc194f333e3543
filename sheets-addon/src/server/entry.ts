import { exposeEndpoints, withDocumentLock } from '@onbrand/apps-script/server';
import { sheetsContract } from '../contract';
import * as custom from './custom-functions';
import { onInstall, onOpen, showSidebar } from './menu';
import { activeIdentity, currentUser, menuFunctions, runOperation } from './operations';
import { buildProgram } from './program';
import { addExperimentFromTemplate, moveStage, stageGatesView } from './stage-gates';
import { readPortfolio } from './portfolio';
import { listInsights, reportInsight, reviewInsight, saveSettingsChange, settingsView } from './settings-view';
import { auditExport } from './audit-trail';
import { readSheetSummary } from './sheet-port';
import { readStatsCard } from './stats-card';
import { logLearning } from './learning-log';

const active = () => SpreadsheetApp.getActiveSpreadsheet();
/** Runs an edit of the active spreadsheet under the document lock. */
const locked = <T>(edit: (spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) => T) => withDocumentLock(() => edit(active()));

const endpoints = exposeEndpoints(sheetsContract, {
  getSheetSummary: () => readSheetSummary(active()),
  setupTracker: () => runOperation('setup'),
  scoreUseCases: () => runOperation('score'),
  analyzeExperiments: () => runOperation('analyze'),
  writeInsights: () => runOperation('insights'),
  brandCheckColumn: () => runOperation('brand-check'),
  getPortfolio: () => readPortfolio(active()),
  getStatsCard: (input) => readStatsCard(active(), input.experiment),
  listInsights: () => listInsights(active()),
  reviewInsight: (input) => locked((spreadsheet) => reviewInsight(spreadsheet, input.id, input.review, new Date())),
  reportInsight: (input) => locked((spreadsheet) => reportInsight(spreadsheet, input.id, input.kind, input.note, new Date())),
  getAuditExport: () => auditExport(active()),
  logLearning: (input) => locked((spreadsheet) => logLearning(spreadsheet, input.experiment, currentUser(), new Date())),
  getStageGates: () => stageGatesView(active(), activeIdentity()),
  moveStage: (input) => locked((spreadsheet) => moveStage(spreadsheet, input, activeIdentity(), new Date())),
  addExperimentFromTemplate: (input) => locked((spreadsheet) => addExperimentFromTemplate(spreadsheet, input)),
  buildProgram: (input) => locked((spreadsheet) => buildProgram(spreadsheet, input.csv)),
  getSettings: () => settingsView(active()),
  saveSettings: (input) => locked((spreadsheet) => saveSettingsChange(spreadsheet, input)),
});

/** Functions Apps Script calls by name; the build writes a top-level stub for each. */
export const globals = {
  onOpen,
  onInstall,
  showSidebar,
  ...menuFunctions,
  ...endpoints,
};

/** Custom functions; the build copies each one's JSDoc onto its stub so Sheets autocompletes it. */
export const customFunctions = {
  ONBRAND_SAMPLE_SIZE: custom.ONBRAND_SAMPLE_SIZE,
  ONBRAND_PVALUE: custom.ONBRAND_PVALUE,
  ONBRAND_LIFT: custom.ONBRAND_LIFT,
  ONBRAND_PROB_BEAT: custom.ONBRAND_PROB_BEAT,
  ONBRAND_SCORE: custom.ONBRAND_SCORE,
  ONBRAND_DETECTABLE_LIFT: custom.ONBRAND_DETECTABLE_LIFT,
  ONBRAND_LINT: custom.ONBRAND_LINT,
};
