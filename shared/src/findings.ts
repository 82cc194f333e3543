// The finding model every surface shows. A finding is identical on every surface
// for the same text and kit, so it is plain data with no host references.

export type Severity = 'error' | 'warning' | 'suggestion';

/** A problem in text. `start`/`end` are UTF-16 offsets (as Docs, Figma and JS count); `line`/`column` are 1-based. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  match: string;
  /** Replacements for `[start, end)`, best first; empty when only a person can fix it. */
  suggestions: string[];
}

/** A layer in a creative, named so a person can find it. */
export interface NodeRef {
  id: string;
  name: string;
}

/** A problem in a creative: the same shape as a text finding, with the layer in place of offsets. */
export interface VisualFinding {
  rule: string;
  severity: Severity;
  message: string;
  node: NodeRef;
  match: string;
  suggestions: string[];
}

export const severityRank: Record<Severity, number> = { error: 0, warning: 1, suggestion: 2 };
