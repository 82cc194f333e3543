// The kit used until the writer imports their own: a few rules every brand shares, so a first
// check shows what Onbrand does without an account, a key or a kit.
export const starterKit = {
  schemaVersion: 1,
  name: 'Starter kit',
  version: '1.0.0',
  description: 'General rules used until you import your brand kit.',
  terms: [
    { term: 'whitelist', status: 'banned', replacements: ['allowlist'], note: 'Inclusive language.' },
    { term: 'blacklist', status: 'banned', replacements: ['blocklist'], note: 'Inclusive language.' },
    { term: 'utilize', status: 'avoid', replacements: ['use'] },
    { term: 'utilise', status: 'avoid', replacements: ['use'] },
  ],
  rules: [
    { type: 'existence', id: 'hedges', severity: 'suggestion', message: '“%s” adds little; cut it.', tokens: ['very', 'really', 'basically', 'actually'] },
    { type: 'existence', id: 'fear', severity: 'error', message: '“%s” sells with fear; describe the benefit instead.', tokens: ['act now', "don't miss out", "before it's too late"] },
  ],
};
