import type { AuditRecord } from './audit-record';

// The measures leaders ask of an AI programme, month by month, from the audit trail (whatever
// surface wrote it) and the tracker. Conventions:
// - a piece is the record's file and subject together; time to approval runs from the piece's
//   first "generated" record to its first "approved" one after it, counted in the approval's month;
// - findings are read from a record's detail ("3 findings", "1 open finding"): on "generated"
//   records they are the findings before review, on "approved" records those left after it;
// - stage throughput counts "stage moved" records; a move into "decided" names it in its detail
//   ("measured → decided").

export interface ProgramInputs {
  records: readonly AuditRecord[];
  /** The ISO date of each Learning log row: one documented experiment each. */
  learningDates: readonly string[];
  /** The stage of every use case in the tracker now. */
  stages: readonly string[];
}

export interface ProgramMonth {
  /** yyyy-mm */
  month: string;
  generated: number;
  approved: number;
  rejected: number;
  medianHoursToApproval: number | null;
  findingsBeforeReview: number | null;
  findingsAfterReview: number | null;
  experimentsDocumented: number;
  stageMoves: number;
  reachedDecide: number;
}

export interface ProgramMetrics {
  months: ProgramMonth[];
  /** The same measures over all months. */
  total: Omit<ProgramMonth, 'month'>;
  useCases: number;
  /** Share of the tracker's use cases at "decided", null when there are none. */
  shareDecided: number | null;
}

/** The number of findings a record's detail states, or null when it states none. */
export function findingsIn(detail: string): number | null {
  const match = /(\d+)\s+(?:open\s+)?findings?\b/i.exec(detail);
  return match ? Number(match[1]) : null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const mean = (values: readonly number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null);
const pieceOf = (record: AuditRecord) => JSON.stringify([record.file, record.subject]);
const isDecide = (record: AuditRecord) => record.action === 'stage moved' && /→\s*decided\b/.test(record.detail);

interface Bucket {
  records: AuditRecord[];
  hours: number[];
  learnings: number;
}

function measures(bucket: Bucket): Omit<ProgramMonth, 'month'> {
  const count = (action: AuditRecord['action']) => bucket.records.filter((record) => record.action === action).length;
  const findings = (action: AuditRecord['action']) => mean(bucket.records.filter((record) => record.action === action).flatMap((record) => findingsIn(record.detail) ?? []));
  return {
    generated: count('generated'),
    approved: count('approved'),
    rejected: count('rejected'),
    medianHoursToApproval: median(bucket.hours),
    findingsBeforeReview: findings('generated'),
    findingsAfterReview: findings('approved'),
    experimentsDocumented: bucket.learnings,
    stageMoves: count('stage moved'),
    reachedDecide: bucket.records.filter(isDecide).length,
  };
}

/** The programme's measures by month (oldest first) and over all months. */
export function programMetrics(inputs: ProgramInputs): ProgramMetrics {
  const records = [...inputs.records].filter((record) => !Number.isNaN(Date.parse(record.when))).sort((a, b) => Date.parse(a.when) - Date.parse(b.when));
  const buckets = new Map<string, Bucket>();
  const bucket = (month: string) => {
    let found = buckets.get(month);
    if (!found) buckets.set(month, (found = { records: [], hours: [], learnings: 0 }));
    return found;
  };
  const all: Bucket = { records, hours: [], learnings: 0 };
  const drafted = new Map<string, number>();
  const approvedPieces = new Set<string>();
  for (const record of records) {
    const month = bucket(record.when.slice(0, 7));
    month.records.push(record);
    const piece = pieceOf(record);
    const time = Date.parse(record.when);
    if (record.action === 'generated' && !drafted.has(piece)) drafted.set(piece, time);
    if (record.action === 'approved' && drafted.has(piece) && !approvedPieces.has(piece)) {
      approvedPieces.add(piece);
      const hours = (time - drafted.get(piece)!) / 3_600_000;
      month.hours.push(hours);
      all.hours.push(hours);
    }
  }
  for (const date of inputs.learningDates) {
    if (!/^\d{4}-\d{2}/.test(date)) continue;
    bucket(date.slice(0, 7)).learnings++;
    all.learnings++;
  }
  const months = [...buckets.keys()].sort().map((month) => ({ month, ...measures(buckets.get(month)!) }));
  const decided = inputs.stages.filter((stage) => stage.trim().toLowerCase() === 'decided').length;
  return { months, total: measures(all), useCases: inputs.stages.length, shareDecided: inputs.stages.length ? decided / inputs.stages.length : null };
}
