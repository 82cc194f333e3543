import type { Cell } from '../apps-script';

/** The spreadsheet the preview opens: a marketing team's first use cases. */
export const sampleSpreadsheet: { name: string; sheets: Record<string, Cell[][]> } = {
  name: 'AI use-case portfolio',
  sheets: {
    'Use cases': [
      ['Name', 'Owner', 'Team', 'Capability', 'Stage'],
      ['Subject-line generator', 'Maya Chen', 'Lifecycle', 'creative velocity', 'qualified'],
      ['Churn-risk audiences', 'Omar Haddad', 'CRM', 'personalization at scale', 'ideate'],
      ['Weekly insight digest', 'Priya Nair', 'Analytics', 'speed of insight', 'designed'],
    ],
  },
};

/** The document the preview opens: a writer's campaign draft. */
export const sampleDocument: { name: string; paragraphs: string[] } = {
  name: 'Spring launch — draft',
  paragraphs: [
    'Spring launch',
    'Close the books in days, not weeks.',
    'Ledgerline gives finance teams one place to approve spend, match receipts and reconcile cards.',
    '',
    'Call to action: Start your free trial.',
  ],
};
