import { checkApprover, auditRecord, describeIdentity, type Identity } from '@onbrand/shared/governance';
import { defaultGovernance, type Governance } from '@onbrand/shared/kit';
import {
  checkGate,
  experimentTemplates,
  findTemplate,
  parseStage,
  scoreUseCaseTable,
  type ExperimentEvidence,
  type GateCheck,
  type Stage,
} from '@onbrand/shared/experiments';
import type { GateMove, StageGates } from '../contract';
import { appendAudit as logAuditRecords } from './audit-trail';
import { analyzeResults, readPlans } from './experiment-data';
import { findKit } from './kit-source';
import { readLooks, runKey, sequentialReadout } from './ledger';
import { appendFrozenPlans, currentPlans, judgeByFrozen, readFrozenPlans } from './plans';
import { readSettings, scoringWeights, type TrackerSettings } from './settings';
import { appendRows, columnIndex, readTable, textColumn, type Table } from './table';
import { experimentsSheet, ledgerSheet, plansSheet, resultsSheet, scoringSheet, useCasesSheet } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// Moving a use case to its next stage: the gate's criteria must be met (the core's checkGate) and
// the person must be named to pass stage gates, by the brand kit's governance section or, for a
// team without a shared kit, the "Stage gate approvers" setting. The move, who made it and why go
// to the Audit log; moving to "running" freezes each experiment's analysis plan first.

/** Who may pass a stage gate: the kit's list when it names anyone, else the Settings sheet's. */
export function stageGovernance(settings: TrackerSettings): { governance: Governance; source: 'kit' | 'settings' | 'none' } {
  const kit = findKit(settings.kitJson).kit;
  const fromKit = kit?.governance.approvers.stageGates ?? [];
  if (fromKit.length) return { governance: kit!.governance, source: 'kit' };
  const listed = settings.stageGateApprovers.split(/[,;\s]+/).map((entry) => entry.trim()).filter(Boolean);
  return { governance: { ...defaultGovernance, approvers: { content: [], stageGates: listed } }, source: listed.length ? 'settings' : 'none' };
}

interface Tracker {
  useCases: Table;
  experiments: Table | null;
  settings: TrackerSettings;
  gates: Map<string, { stage: Stage; rowIndex: number; check: GateCheck; experiments: string[] }>;
  plans: ReturnType<typeof currentPlans>;
}

/** Every use case's gate, read from the tracker: score, designs, plans, frozen plans, looks and decisions. */
function readTracker(spreadsheet: Spreadsheet, decisionGiven = ''): Tracker | string {
  const useCases = readTable(spreadsheet, useCasesSheet);
  if (!useCases || columnIndex(useCases.header, 'Name') < 0 || columnIndex(useCases.header, 'Stage') < 0) return 'There is no Use cases sheet with Name and Stage columns yet. Choose Set up tracker first.';
  const { settings } = readSettings(spreadsheet);
  const scoring = readTable(spreadsheet, scoringSheet);
  const weights = scoringWeights(settings);
  const scored = scoring && weights.ok ? scoreUseCaseTable(scoring.header, scoring.rows, { weights: weights.value, thresholds: settings.thresholds, extras: false }) : null;
  const scores = new Map((scored?.ok ? scored.value.ranked : []).map((row) => [row.name.toLowerCase(), { score: row.score, risk: row.inputs.risk }]));

  const experiments = readTable(spreadsheet, experimentsSheet);
  const plans = readPlans(experiments);
  const current = currentPlans(experiments, plans);
  const frozen = readFrozenPlans(readTable(spreadsheet, plansSheet));
  judgeByFrozen(plans, frozen);
  const results = readTable(spreadsheet, resultsSheet);
  const analyzed = results ? analyzeResults(results, plans) : null;
  const runs = analyzed?.ok ? analyzed.value.analysis.runs : [];
  const looks = frozen.size ? readLooks(readTable(spreadsheet, ledgerSheet)) : new Map();

  const byUseCase = new Map<string, ExperimentEvidence[]>();
  if (experiments) {
    const [name, useCase, decision] = ['Experiment', 'Use case', 'Decision'].map((header) => textColumn(experiments, header));
    for (const row of experiments.rows) {
      const experiment = name!(row);
      if (!experiment) continue;
      const entry = frozen.get(experiment)?.frozen;
      const own = runs.filter((run) => run.experiment === experiment);
      const reachedSample = own.length > 0 && own.every((run) => run.peeking !== undefined && !run.peeking.peeking);
      const significantAnytime = !!entry && own.some((run) => sequentialReadout(looks.get(runKey(run.experiment, run.segment)) ?? [], run, entry.plan.alpha, entry.plan.plannedPerArm)?.arms.some((arm) => arm.pValue < entry.plan.alpha));
      const evidence: ExperimentEvidence = {
        name: experiment,
        designed: typeof plans.plans[experiment]?.plannedPerArm === 'number',
        planGaps: current.get(experiment)?.gaps ?? [],
        frozen: !!entry,
        reachedSample,
        significantAnytime,
        decision: decision!(row).toLowerCase() || decisionGiven,
      };
      const key = useCase!(row).toLowerCase();
      byUseCase.set(key, [...(byUseCase.get(key) ?? []), evidence]);
    }
  }
  const gates: Tracker['gates'] = new Map();
  const [nameOf, stageOf] = [textColumn(useCases, 'Name'), textColumn(useCases, 'Stage')];
  useCases.rows.forEach((row, rowIndex) => {
    const name = nameOf(row);
    const stage = parseStage(stageOf(row));
    if (!name || !stage || gates.has(name)) return;
    const score = scores.get(name.toLowerCase());
    const evidence = byUseCase.get(name.toLowerCase()) ?? [];
    gates.set(name, { stage, rowIndex, experiments: evidence.map((e) => e.name), check: checkGate({ useCase: name, stage, score: score?.score ?? null, risk: score?.risk ?? null, experiments: evidence }, settings.thresholds) });
  });
  return { useCases, experiments, settings, gates, plans: current };
}

/** Every use case with its stage, its next stage and what the gate still needs, and who may pass gates. */
export function stageGatesView(spreadsheet: Spreadsheet, who: Identity): StageGates {
  const tracker = readTracker(spreadsheet);
  const templates = experimentTemplates.map((template) => ({ id: template.id, name: template.name }));
  if (typeof tracker === 'string') return { useCases: [], approvers: [], source: 'none', user: describeIdentity(who), templates, hint: tracker };
  const { governance, source } = stageGovernance(tracker.settings);
  return {
    useCases: [...tracker.gates].map(([name, gate]) => ({ name, stage: gate.stage, next: gate.check.to ?? '', met: gate.check.met, missing: gate.check.missing, experiments: gate.experiments })),
    approvers: governance.approvers.stageGates,
    source,
    user: describeIdentity(who),
    templates,
    hint: '',
  };
}

/**
 * Moves a use case to its next stage when its gate is met and the person may pass gates; records
 * the move with its approver and reason. Refusals say why and change nothing.
 */
export function moveStage(spreadsheet: Spreadsheet, input: GateMove, who: Identity, now: Date): { moved: boolean; message: string } {
  const reason = input.reason.trim();
  const decision = input.decision ?? '';
  const tracker = readTracker(spreadsheet, decision);
  if (typeof tracker === 'string') return { moved: false, message: tracker };
  const gate = tracker.gates.get(input.useCase);
  if (!gate) return { moved: false, message: `There is no use case named "${input.useCase}" on the Use cases sheet.` };
  const { governance } = stageGovernance(tracker.settings);
  const { source } = stageGovernance(tracker.settings);
  const allowed = checkApprover(governance, who, 'stage-gate');
  // The shared message speaks of the kit; here the list may come from the Settings sheet instead.
  if (!allowed.allowed) return { moved: false, message: source === 'settings' ? allowed.message.replace('This kit names', 'The Settings sheet names').replace('the kit\'s owner', 'the sheet\'s owner').replace('the people this kit names', 'the people the Settings sheet names') : allowed.message };
  const { check } = gate;
  if (!check.to) return { moved: false, message: check.missing.join(' ') };
  if (!check.met) return { moved: false, message: `${input.useCase} cannot move to ${check.to} yet. ${check.missing.join(' ')}` };
  if (reason === '') return { moved: false, message: `Give a reason for moving ${input.useCase} to ${check.to}: it goes into the Audit log.` };

  const person = describeIdentity(who);
  const file = spreadsheet.getName();
  const records = [];
  if (check.to === 'running') {
    const plans = gate.experiments.map((name) => tracker.plans.get(name)!.plan);
    const frozen = appendFrozenPlans(spreadsheet, plans, person, now);
    records.push(...frozen.map((record) => auditRecord({ surface: 'sheets', action: 'plan frozen', who: person, file, subject: record.plan.experiment, text: JSON.stringify(record.plan), detail: `${record.plan.experiment}: plan frozen, SHA-256 ${record.hash}` }, now)));
    markFrozen(tracker.experiments!, gate.experiments, frozen.map((record) => `frozen · ${record.hash.slice(0, 12)}`));
  }
  if (check.to === 'decided' && decision) recordDecision(tracker.experiments!, gate.experiments, decision);
  const stageColumn = columnIndex(tracker.useCases.header, 'Stage');
  tracker.useCases.range.offset(gate.rowIndex + 1, stageColumn, 1, 1).setValue(check.to);
  records.push(auditRecord({ surface: 'sheets', action: 'stage moved', who: person, file, subject: input.useCase, detail: `${input.useCase}: ${gate.stage} → ${check.to}${decision && check.to === 'decided' ? ` (${decision})` : ''}. ${reason}` }, now));
  logAuditRecords(spreadsheet, records);
  const froze = check.to === 'running' ? ` Froze the analysis plan of ${gate.experiments.join(', ')} on the Plans sheet.` : '';
  return { moved: true, message: `Moved ${input.useCase} from ${gate.stage} to ${check.to}, approved by ${person}.${froze}` };
}

/** Writes a mark in each listed experiment's Plan cell, so the next analysis reads the Plans sheet. */
function markFrozen(experiments: Table, names: readonly string[], marks: readonly string[]): void {
  writeCellsByName(experiments, names, 'Plan', marks);
}

/** Records the decision in the Decision cell of each listed experiment that has none. */
function recordDecision(experiments: Table, names: readonly string[], decision: string): void {
  const current = textColumn(experiments, 'Decision');
  const open = names.filter((name) => {
    const row = experiments.rows.find((cells) => textColumn(experiments, 'Experiment')(cells) === name);
    return row && current(row) === '';
  });
  writeCellsByName(experiments, open, 'Decision', open.map(() => decision));
}

/** One cell per experiment row, under `header`: one setValue each (a move touches one or two rows). */
function writeCellsByName(table: Table, names: readonly string[], header: string, values: readonly string[]): void {
  const column = columnIndex(table.header, header);
  if (column < 0) return;
  const name = textColumn(table, 'Experiment');
  names.forEach((experiment, i) => {
    const index = table.rows.findIndex((row) => name(row) === experiment);
    if (index >= 0) table.range.offset(index + 1, column, 1, 1).setValue(values[i]);
  });
}

/** Appends an Experiments row for a use case from a template: hypothesis, metrics and guardrails filled in. */
export function addExperimentFromTemplate(spreadsheet: Spreadsheet, input: { templateId: string; useCase: string; experiment: string }): { added: boolean; message: string } {
  const template = findTemplate(input.templateId);
  if (!template) return { added: false, message: `There is no experiment template "${input.templateId}": choose one of ${experimentTemplates.map((t) => t.id).join(', ')}.` };
  const table = readTable(spreadsheet, experimentsSheet);
  if (!table) return { added: false, message: 'There is no Experiments sheet yet. Choose Set up tracker first.' };
  const name = input.experiment.trim() || template.name;
  if (table.rows.some((row) => textColumn(table, 'Experiment')(row) === name)) return { added: false, message: `There is already an experiment named "${name}": give this one another name.` };
  appendRows(table, [{ Experiment: name, 'Use case': input.useCase, 'Control group': 'current version', 'Primary metric': template.primaryMetric, 'Guardrail metrics': template.guardrailMetrics.join(', '), MDE: template.mde, Alpha: 0.05, Power: 0.8, Arms: 2, Hypothesis: template.hypothesis }]);
  return { added: true, message: `Added ${name} to the Experiments sheet from the ${template.name} template. Fill in its baseline rate, daily traffic and end date.` };
}
