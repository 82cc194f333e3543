/**
 * The document the preview opens: a writer's campaign draft with a header and footer, headings, a
 * list, a table, bold text, a link, a footnote and an emoji, holding a few things the brand kit
 * flags. Strings use the fake document's fixture markup (see fake-document.ts).
 */
export const sampleDocument: { name: string; paragraphs: string[] } = {
  name: 'Spring launch — draft',
  paragraphs: [
    'header: Ledgerline · Spring launch draft',
    '# Spring launch',
    'Close the books in days, not weeks.',
    'Ledgerline gives finance teams one place to approve spend, match receipts and reconcile cards. Setup is **very** quick.[^Median setup time across 2025 customers.]',
    '## What is new',
    '- Add vendors to the **whitelist** in one click',
    '- Utilize spend limits per team',
    '| Channel | Copy |',
    '| Email | Our [really simple app](https://ledgerline.example/app) closes the books. |',
    '| Social | Close the books in days 🚀 not weeks. |',
    '',
    'Call to action: Start your free trial.',
    'footer: © 2026 Ledgerline, Inc.',
  ],
};
