export { lintText, compileKit, unapprovedClaims, type LintOptions, type LintResult } from './engine';
export { approvedRanges } from './claims';
export { applyFixes, fixAll, isSafeFix, planFixes, type FixAllResult, type PlannedFix } from './fixes';
export { brandFitScore, severityWeights } from './score';
export { applyStyle } from './capitalization';
export { TermMatcher } from './matcher';
export { formatMessage, matchCase } from './context';
export { kitRules } from './presets';
export { inclusiveRules } from './inclusive';
