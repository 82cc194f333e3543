import type { Cell } from '../apps-script';
import ledgerline from '../../../examples/kits/ledgerline.json';

// The spreadsheet the preview opens: a marketing team's first use cases, scores, experiment
// designs and weekly results, typed before the tracker was set up (so some columns are missing and
// Set up tracker has something to add). The results hold a clear winner with a segment that keeps
// falling, a broken traffic split, and an experiment past its end date with no decision. Email
// subject lines wait for a brand check against the Ledgerline example kit kept in Settings.

const weeks = ['week 1', 'week 2', 'week 3', 'week 4'];
const controlRates = [0.046, 0.044, 0.042, 0.04];

export const sampleSpreadsheet: { name: string; sheets: Record<string, Cell[][]> } = {
  name: 'AI use-case portfolio',
  sheets: {
    'Use cases': [
      ['Name', 'Owner', 'Team', 'Capability', 'Stage'],
      ['Subject-line generator', 'Maya Chen', 'Lifecycle', 'creative velocity', 'qualified'],
      ['Churn-risk audiences', 'Omar Haddad', 'CRM', 'personalization at scale', 'ideate'],
      ['Weekly insight digest', 'Priya Nair', 'Analytics', 'speed of insight', 'designed'],
    ],
    Scoring: [
      ['Use case', 'Impact', 'Feasibility', 'Risk', 'Data readiness'],
      ['Subject-line generator', 4, 5, 2, 4],
      ['Churn-risk audiences', 5, 3, 3, 2],
      ['Weekly insight digest', 3, 4, 1, 5],
    ],
    Experiments: [
      ['Experiment', 'Use case', 'Primary metric', 'Baseline rate', 'MDE', 'Daily traffic', 'End date'],
      ['Subject lines', 'Subject-line generator', 'click rate', 0.045, 0.2, 6000, '2026-12-20'],
      ['Churn audiences', 'Churn-risk audiences', 'retention', 0.05, 0.15, 2000, '2026-12-31'],
      ['Insight digest', 'Weekly insight digest', 'reply rate', 0.03, 0.25, 1500, '2026-10-15'],
    ],
    Results: [
      ['Experiment', 'Arm', 'Period', 'Segment', 'Visitors', 'Conversions'],
      ...weeks.flatMap((week, i) => [
        ['Subject lines', 'control', week, 'all', 12000, Math.round(12000 * controlRates[i]!)],
        ['Subject lines', 'B', week, 'all', 12000, Math.round(12000 * controlRates[i]! * 1.22)],
      ]),
      ['Churn audiences', 'control', 'week 1', 'all', 5000, 250],
      ['Churn audiences', 'B', 'week 1', 'all', 6000, 312],
      ['Insight digest', 'control', 'week 1', 'all', 3000, 90],
      ['Insight digest', 'B', 'week 1', 'all', 3000, 93],
    ],
    'Email subjects': [
      ['Subject line', 'Send date'],
      ['Close the books in days, not weeks', '2026-12-01'],
      ['Cheap expense software for Ledger Line teams', '2026-12-08'],
      ['Reconcile Ledgerline Cards with QuickBooks', '2026-12-15'],
      ['Your master account is ready', '2026-12-22'],
    ],
    Settings: [
      ['Setting', 'Value', 'Notes'],
      ['Brand check channel', 'email-subject', ''],
      ['Brand kit (JSON)', JSON.stringify(ledgerline), 'The Ledgerline example kit'],
    ],
  },
};
