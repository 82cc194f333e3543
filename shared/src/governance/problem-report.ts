import type { Governance } from '../kit/governance';
import { auditRecord, type AuditRecord, type AuditSurface } from './audit-record';

// Anyone looking at AI output can report a problem with it. The report goes into the audit trail
// with the output's provenance (template, provider, model, a hash of the text), and the person is
// told who handles such reports when the kit names someone.

export const problemKinds = ['wrong', 'off-brand', 'biased', 'unsafe', 'legal risk'] as const;
export type ProblemKind = (typeof problemKinds)[number];

/** Where a piece of AI output came from, as every surface records it. */
export interface OutputProvenance {
  templateId: string;
  templateVersion: string;
  provider: string;
  model: string;
}

export interface ProblemReport {
  surface: AuditSurface;
  who: string;
  file: string;
  /** The piece, version or insight reported. */
  subject: string;
  kind: string;
  note: string;
  /** The output's text, hashed into the record (never stored). */
  text: string;
  provenance: OutputProvenance;
  kitName?: string;
  kitVersion?: string;
}

/** Who hears about reports, as the surfaces say it. */
export function escalationNotice(governance: Governance): string {
  const contact = governance.escalationContact?.trim();
  return contact ? `${contact} handles problems with AI output for this brand; tell them too if it is urgent.` : 'This kit names nobody to escalate to; tell the kit’s owner if it is urgent.';
}

export type ReportResult = { ok: true; record: AuditRecord; message: string; escalation: string } | { ok: false; message: string };

/** A report checked (a known kind and a note) and made into its audit record. */
export function reportProblem(report: ProblemReport, governance: Governance, now: Date = new Date()): ReportResult {
  if (!problemKinds.includes(report.kind as ProblemKind)) return { ok: false, message: `Choose what is wrong: ${problemKinds.join(', ')}.` };
  const note = report.note.trim();
  if (!note) return { ok: false, message: 'Add a note saying what is wrong, so whoever reads the report can act on it.' };
  const record = auditRecord(
    {
      surface: report.surface,
      action: 'reported',
      who: report.who,
      file: report.file,
      subject: report.subject,
      ...report.provenance,
      kitName: report.kitName ?? '',
      kitVersion: report.kitVersion ?? '',
      detail: `${report.kind}: ${note.slice(0, 1000)}`,
      text: report.text,
    },
    now,
  );
  const escalation = escalationNotice(governance);
  return { ok: true, record, message: `Reported “${report.subject}” as ${report.kind}. The report is in the audit log.`, escalation };
}
