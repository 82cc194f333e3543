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
