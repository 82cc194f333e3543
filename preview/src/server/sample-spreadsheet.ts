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
