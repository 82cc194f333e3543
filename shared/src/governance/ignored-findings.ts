import type { Governance } from '../kit/governance';
import { sha256 } from '../hash/sha256';
import { auditRecord, type AuditRecord, type AuditSurface } from './audit-record';

// A person may dismiss one finding (never the rule) with a reason. The dismissal is keyed to the
// finding's text: the rule, the matched words and the sentence around them, so it holds while that
// text stays as it is and the finding comes back once the text changes (or the same words turn up
// in another sentence). Every surface keeps its list in the file and asks these functions.

export interface FindingText {
  rule: string;
  severity: 'error' | 'warning' | 'suggestion';
  /** The words the rule matched ('' for a finding about something missing). */
  match: string;
  /** The sentence (or, in a layer, the whole text) the match sits in. */
  sentence: string;
}

export interface IgnoredFinding {
  key: string;
  rule: string;
  reason: string;
  who: string;
  when: string;
}

/** The key a dismissal is stored under: rule id and a hash of the matched text and its sentence. */
export function findingKey(finding: Pick<FindingText, 'rule' | 'match' | 'sentence'>): string {
  const normal = (text: string) => text.replace(/\s+/g, ' ').trim();
  return `${finding.rule}:${sha256(`${normal(finding.match)}\u0000${normal(finding.sentence)}`).slice(0, 24)}`;
}

/** The sentence of `text` holding the span [start, end): from the sentence end before it to the one after it. */
export function sentenceAround(text: string, start: number, end: number = start): string {
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(/[.!?…]+["'”’)\]]*(?=\s|$)|\n/g)) {
    const stop = m.index + m[0].length;
    if (stop <= start) from = stop;
    else if (m.index >= end) {
      to = stop;
      break;
    }
  }
  return text.slice(from, to).trim();
}

/** Whether this finding was dismissed for this very text. */
export function isIgnored(list: readonly IgnoredFinding[], finding: Pick<FindingText, 'rule' | 'match' | 'sentence'>): boolean {
  const key = findingKey(finding);
  return list.some((item) => item.key === key);
}

/** The findings nobody dismissed, and how many were dismissed (a surface says so, so none vanish unseen). */
export function withoutIgnored<T>(findings: readonly T[], list: readonly IgnoredFinding[], textOf: (finding: T) => Pick<FindingText, 'rule' | 'match' | 'sentence'>): { findings: T[]; ignored: number } {
  if (list.length === 0) return { findings: [...findings], ignored: 0 };
  const keys = new Set(list.map((item) => item.key));
  const kept = findings.filter((finding) => !keys.has(findingKey(textOf(finding))));
  return { findings: kept, ignored: findings.length - kept.length };
}

export type IgnoreResult = { ok: true; list: IgnoredFinding[]; record: AuditRecord; message: string } | { ok: false; message: string };

/**
 * Dismisses one finding with a reason: refused without a reason, and for an error-level finding
 * when the kit forbids ignoring errors. The answer holds the new list and the audit record.
 */
export function ignoreFinding(
  list: readonly IgnoredFinding[],
  finding: FindingText,
  reason: string,
  context: { governance: Governance; who: string; surface: AuditSurface; file: string; kitName?: string; kitVersion?: string },
  now: Date = new Date(),
): IgnoreResult {
  const why = reason.trim();
  if (!why) return { ok: false, message: 'Say why this finding can be ignored: the reason goes into the audit log.' };
  if (finding.severity === 'error' && !context.governance.allowIgnoringErrors) {
    return { ok: false, message: `This kit does not allow ignoring error-level findings (${finding.rule}). Fix the text, or ask the kit's owner.` };
  }
  const key = findingKey(finding);
  const entry: IgnoredFinding = { key, rule: finding.rule, reason: why.slice(0, 500), who: context.who, when: now.toISOString() };
  const record = auditRecord(
    {
      surface: context.surface,
      action: 'ignored finding',
      who: context.who,
      file: context.file,
      subject: `${finding.rule}: ${finding.match || '(missing)'}`.slice(0, 200),
      kitName: context.kitName ?? '',
      kitVersion: context.kitVersion ?? '',
      detail: entry.reason,
      text: finding.sentence,
    },
    now,
  );
  return { ok: true, list: [...list.filter((item) => item.key !== key), entry], record, message: `Ignored “${finding.match || finding.rule}” here. It comes back if this sentence changes.` };
}

/** A stored list read back; anything that is not a list of dismissals reads as none. */
export function readIgnoredList(raw: unknown): IgnoredFinding[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((item): item is IgnoredFinding => !!item && typeof item === 'object' && typeof (item as IgnoredFinding).key === 'string' && typeof (item as IgnoredFinding).rule === 'string');
}
