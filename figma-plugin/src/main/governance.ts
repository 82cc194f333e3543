import {
  auditCsv,
  auditJson,
  auditRecord,
  checkApprover,
  ignoreFinding as dismiss,
  readIgnoredList,
  reportProblem,
  type AuditRecord,
  type AuditRecordInput,
  type Identity,
  type IgnoredFinding,
} from '@onbrand/shared/governance';
import { defaultGovernance, type BrandKit, type Governance } from '@onbrand/shared/kit';
import { RpcFailure } from '@onbrand/shared/rpc';
import { rotateLog } from '@onbrand/shared/storage';
import type { VersionSummary } from '../contract';
import type { PluginEnv } from './context';
import type { FigmaHost, HostFrame } from './host';
import { isFrameLike } from './host';
import { readKit } from './kit-store';
import { readStored, writeStored } from './plugin-store';
import { readRecord, summarize, writeRecord, type VersionRecord } from './versions';

// Governance in a Figma file: the audit trail in the document's shared plugin data (everyone who
// opens the file sees it, whichever plugin id runs), AI copy in a version marked until a named
// approver approves it, problems reported against a version, and findings dismissed with a reason.
// Figma caps one plugin-data entry at 100 kB: the recent records stay in one entry, and past its
// share the oldest move to a second key kept in pieces, so nothing is dropped.

const auditKey = 'audit';
const olderKey = 'audit.older';
const ignoredKey = 'ignored';
/** The recent records' entry, well under Figma's 100 kB per entry. */
const recentCapBytes = 60_000;

function readList<T>(host: FigmaHost, key: string): T[] {
  try {
    const parsed = JSON.parse(readStored(host.root, key) || '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
}

/** Every record, oldest first: the older ones, then the recent. */
export function readAudit(host: FigmaHost): AuditRecord[] {
  return [...readList<AuditRecord>(host, olderKey), ...readList<AuditRecord>(host, auditKey)];
}

/** Adds records to the trail; past the recent entry's share, the oldest move to the older key first. */
export function appendAudit(host: FigmaHost, records: readonly AuditRecord[]): number {
  if (!records.length) return 0;
  const { keep, move } = rotateLog([...readList<AuditRecord>(host, auditKey), ...records], recentCapBytes);
  // Into the older key before out of the recent one: a failure between the two duplicates, never loses.
  if (move.length) writeStored(host.root, olderKey, JSON.stringify([...readList<AuditRecord>(host, olderKey), ...move]), 'the older audit records');
  writeStored(host.root, auditKey, JSON.stringify(keep), 'the audit log');
  return move.length;
}

/** Who runs the plugin, as Figma names them (the manifest asks for the "currentuser" permission). */
export function currentIdentity(host: FigmaHost): Identity {
  const user = host.currentUser;
  return user?.id ? { figmaUserId: user.id, name: user.name } : {};
}

/** How the trail names a person: their name and the id an approver list names them by. */
const whoOf = (identity: Identity) => (identity.figmaUserId ? `${identity.name ?? 'someone'} (figma:${identity.figmaUserId})` : 'someone Figma does not name');

interface Context {
  identity: Identity;
  who: string;
  file: string;
  kit: BrandKit | null;
  governance: Governance;
}

function context(host: FigmaHost): Context {
  const identity = currentIdentity(host);
  const kit = readKit(host);
  return { identity, who: whoOf(identity), file: host.root.name, kit, governance: kit?.governance ?? defaultGovernance };
}

function figmaRecord(ctx: Context, input: Omit<AuditRecordInput, 'surface'>, now: Date): AuditRecord {
  return auditRecord({ surface: 'figma', who: ctx.who, file: ctx.file, kitName: ctx.kit?.name ?? '', ...input }, now);
}

/** A version's copy as one text, layer by layer, for its hash. */
const versionText = (record: VersionRecord) =>
  Object.entries(record.texts)
    .map(([slot, text]) => `${slot}: ${text}`)
    .join('\n');

/** Where a version's copy came from, in the record's fields. */
function provenanceOf(record: VersionRecord) {
  const p = record.provenance;
  const at = p.template?.lastIndexOf('@') ?? -1;
  return { templateId: at > 0 ? p.template!.slice(0, at) : (p.template ?? ''), templateVersion: at > 0 ? p.template!.slice(at + 1) : '', provider: p.provider ?? p.source, model: p.model ?? '', kitVersion: record.kitVersion };
}

async function versionById(host: FigmaHost, id: string): Promise<{ node: HostFrame; record: VersionRecord } | null> {
  const node = await host.getNodeByIdAsync(id);
  if (!node || node.removed || !isFrameLike(node)) return null;
  const record = readRecord(node);
  return record ? { node, record } : null;
}

/** Records freshly made versions with AI copy as generated. */
export async function logGenerated(env: PluginEnv, versions: readonly VersionSummary[]): Promise<void> {
  const ai = versions.filter((version) => version.aiGenerated);
  if (!ai.length) return;
  const ctx = context(env.host);
  const now = env.now();
  const records: AuditRecord[] = [];
  for (const version of ai) {
    const found = await versionById(env.host, version.id);
    if (found) records.push(figmaRecord(ctx, { action: 'generated', subject: version.name, ...provenanceOf(found.record), text: versionText(found.record) }, now));
  }
  appendAudit(env.host, records);
}

/**
 * Approves or rejects the AI copy of versions. Approving takes a person the kit names (refused with
 * the same words as on every surface); rejecting leaves the version marked as rejected for the
 * designer to redo or delete. Layers are not touched, so any disclosure label stays where it is.
 */
export async function reviewVersions(env: PluginEnv, ids: readonly string[], decision: 'approved' | 'rejected', reason: string): Promise<{ versions: VersionSummary[]; message: string }> {
  const ctx = context(env.host);
  if (decision === 'approved') {
    const check = checkApprover(ctx.governance, ctx.identity, 'content');
    if (!check.allowed) throw new RpcFailure('not_approver', check.message);
  }
  const now = env.now();
  const changed: VersionSummary[] = [];
  const records: AuditRecord[] = [];
  for (const id of ids) {
    const found = await versionById(env.host, id);
    if (!found || !found.record.provenance.aiGenerated) continue;
    const record: VersionRecord = { ...found.record, review: { state: decision, by: ctx.who, at: now.toISOString(), ...(reason.trim() ? { reason: reason.trim().slice(0, 500) } : {}) } };
    writeRecord(found.node, record);
    records.push(figmaRecord(ctx, { action: decision, subject: found.node.name, ...provenanceOf(record), text: versionText(record), detail: reason.trim().slice(0, 500) }, now));
    changed.push(summarize(found.node.id, found.node.name, record, false));
  }
  appendAudit(env.host, records);
  env.host.commitUndo();
  const n = changed.length;
  return { versions: changed, message: n ? `${decision === 'approved' ? 'Approved' : 'Rejected'} the AI copy of ${n} version${n === 1 ? '' : 's'}; the audit log has it.` : 'None of those versions has AI copy waiting for review.' };
}

/** Reports a problem with a version's AI copy, logged with its provenance; names the kit's escalation contact. */
export async function reportVersion(env: PluginEnv, id: string, kind: string, note: string): Promise<{ reported: boolean; message: string; escalation: string }> {
  const found = await versionById(env.host, id);
  if (!found) return { reported: false, message: 'That version is no longer in this file.', escalation: '' };
  const ctx = context(env.host);
  const result = reportProblem(
    { surface: 'figma', who: ctx.who, file: ctx.file, subject: found.node.name, kind, note, text: versionText(found.record), provenance: provenanceOf(found.record), kitName: ctx.kit?.name ?? '', kitVersion: found.record.kitVersion },
    ctx.governance,
    env.now(),
  );
  if (!result.ok) return { reported: false, message: result.message, escalation: '' };
  appendAudit(env.host, [result.record]);
  return { reported: true, message: result.message, escalation: result.escalation };
}

/** The recent records for the panel, and the whole trail as CSV and JSON. */
export function auditLog(host: FigmaHost): { records: AuditRecord[]; csv: string; json: string } {
  const all = readAudit(host);
  return { records: all.slice(-50), csv: auditCsv(all), json: auditJson(all) };
}

export const readIgnored = (host: FigmaHost): IgnoredFinding[] => readIgnoredList(readList(host, ignoredKey));

/** Dismisses one finding (found again by the check that made it), for its text only. */
export function ignoreFinding(env: PluginEnv, finding: { rule: string; severity: 'error' | 'warning' | 'suggestion'; match: string; sentence: string }, reason: string): { ignored: boolean; message: string } {
  const ctx = context(env.host);
  const result = dismiss(readIgnored(env.host), finding, reason, { governance: ctx.governance, who: ctx.who, surface: 'figma', file: ctx.file, kitName: ctx.kit?.name ?? '', kitVersion: ctx.kit?.version ?? '' }, env.now());
  if (!result.ok) return { ignored: false, message: result.message };
  writeStored(env.host.root, ignoredKey, JSON.stringify(result.list), 'the ignored findings');
  appendAudit(env.host, [result.record]);
  return { ignored: true, message: result.message };
}
