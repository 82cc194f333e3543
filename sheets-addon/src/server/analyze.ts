import { auditRecord } from '@onbrand/shared/governance';
import { designColumns, plural, resultColumns } from '@onbrand/shared/experiments';
import type { Report } from '../contract';
import { analyzeResults, readPlans } from './experiment-data';
import { appendAudit as logAuditRecords } from './audit-trail';
import { logLooks } from './ledger';
import { anyFrozen, currentPlans, judgeByFrozen, planCell, planReadout, readFrozenPlans, type FrozenEntry } from './plans';
import { countFlagged, missingColumns, needsFix, needsSetup, report, rowsToFix, tally, under } from './report';
import { readTable, textColumn, writeColumns } from './table';
import { experimentsSheet, ledgerSheet, plansSheet, resultsSheet } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface AnalyzeDeps {
  now: Date;
  /** Who runs the analysis, for the peeking ledger and the Audit log. */
  user: string;
}

/**
 * Computes the Experiments sheet's sample per arm and days, then every Results row's rate, lift,
 * interval, p-values and probability to beat control for its period, its arm's figures over the
 * whole run, and the run's decision. Two reads, two writes. An experiment with a frozen plan is
 * judged by that plan; its Plan cell names any edit since, and each analysis of it while it runs
 * is a look in the peeking ledger (the Plans and ledger sheets are read only when a plan is frozen).
 * The control arm is the one named "control", else each group's first arm.
 */
export function analyzeExperiments(spreadsheet: Spreadsheet, deps: AnalyzeDeps = { now: new Date(), user: 'unknown' }): Report {
  const experiments = readTable(spreadsheet, experimentsSheet);
  const results = readTable(spreadsheet, resultsSheet);
  if (!results) return needsSetup('analyze', resultsSheet.name);
  const plans = readPlans(experiments);
  const frozen: Map<string, FrozenEntry> = anyFrozen(experiments) ? readFrozenPlans(readTable(spreadsheet, plansSheet)) : new Map();
  const current = currentPlans(experiments, plans);
  judgeByFrozen(plans, frozen);
  const analyzed = analyzeResults(results, plans);
  if (!analyzed.ok) return needsFix('analyze', missingColumns(resultsSheet.name, analyzed.issues), analyzed.issues);
  const { design } = plans;
  const deviations: string[] = [];
  if (experiments && design.ok) {
    if (frozen.size === 0) writeColumns(spreadsheet, experiments, designColumns, design.value.cells);
    else {
      const name = textColumn(experiments, 'Experiment');
      const before = textColumn(experiments, 'Plan');
      const cells = design.value.cells.map((row, index) => {
        const experiment = name(experiments.rows[index]!);
        const entry = frozen.get(experiment);
        const readout = entry ? planReadout(entry, current.get(experiment)?.plan) : null;
        const cell = planCell(readout);
        // A deviation is logged once: when the Plan cell first says so.
        if (readout?.deviations.length && cell !== before(experiments.rows[index]!)) deviations.push(`${experiment}: ${readout.deviations.join(' ')}`);
        return [...row, cell];
      });
      writeColumns(spreadsheet, experiments, [...designColumns, 'Plan'], cells);
    }
  }
  const { runs, statuses, cells, rows } = analyzed.value.analysis;
  writeColumns(spreadsheet, results, resultColumns, cells);
  const flagged = countFlagged(statuses) + (design.ok ? countFlagged(design.value.statuses) : 0);

  const running = (experiment: string) => {
    const plan = frozen.get(experiment)?.frozen?.plan;
    return plan && !plans.plans[experiment]?.decided ? { alpha: plan.alpha, plannedPerArm: plan.plannedPerArm } : null;
  };
  const ledger = runs.some((run) => running(run.experiment)) ? readTable(spreadsheet, ledgerSheet) : null;
  const looks = ledger ? logLooks(ledger, runs, running, deps.user, deps.now) : [];
  if (deviations.length) {
    const file = spreadsheet.getName();
    logAuditRecords(spreadsheet, deviations.map((detail) => auditRecord({ surface: 'sheets', action: 'plan deviation', who: deps.user, file, subject: detail.split(':')[0], detail }, deps.now)));
  }

  // One decision per experiment × segment, made on its whole run.
  const summary = [...tally(runs.map((run) => run.decision.decision))].map(([decision, n]) => `${n} ${decision}`).join(', ');
  const looked = looks.map((look) => ` Logged look ${look.look} of ${look.experiment} in the peeking ledger.`).join('');
  const changed = deviations.length ? ` ${plural(deviations.length, 'frozen plan')} changed since freezing: see the Plan column.` : '';
  return report('analyze', 'done', `Analyzed ${plural(rows.length, 'result row')} in ${plural(runs.length, 'experiment run')}${summary ? ` (${summary})` : ''}.${rowsToFix(flagged)}${looked}${changed}`, {
    processed: rows.length,
    flagged,
    issues: design.ok ? [] : under(experimentsSheet.name, design.issues),
  });
}
