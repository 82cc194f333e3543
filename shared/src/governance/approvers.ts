import type { Governance } from '../kit/governance';

// The approval check every surface asks before it records an approval or passes a stage gate, so a
// person named nowhere is refused with the same words in Docs, Sheets, Figma and the CLI.

export type ApprovalKind = 'content' | 'stage-gate';

/** Who the host says is acting. Apps Script knows an email (when the scope allows); Figma an id and a name. */
export interface Identity {
  email?: string;
  figmaUserId?: string;
  name?: string;
}

export type ApprovalCheck = { allowed: true; named: boolean } | { allowed: false; message: string };

const what: Record<ApprovalKind, string> = { content: 'approve AI content', 'stage-gate': 'pass a stage gate' };

/** Whether one entry of an approver list ("ana@x.com", "@x.com", "figma:123") names this person. */
export function namesIdentity(entry: string, who: Identity): boolean {
  const wanted = entry.trim().toLowerCase();
  const email = who.email?.trim().toLowerCase() ?? '';
  if (wanted.startsWith('figma:')) return who.figmaUserId !== undefined && wanted.slice(6) === who.figmaUserId.toLowerCase();
  if (wanted.startsWith('@')) return email.endsWith(wanted) && email.indexOf('@') === email.length - wanted.length;
  return email !== '' && email === wanted;
}

/** How the person is named in messages and audit records: email first, then name, then Figma id. */
export function describeIdentity(who: Identity): string {
  return who.email || who.name || (who.figmaUserId ? `figma:${who.figmaUserId}` : '') || 'someone unknown';
}

/**
 * May this person approve content or pass a stage gate? With no list in the kit or settings, anyone
 * who can edit may (named: false, so a surface can say that nobody is named).
 */
export function checkApprover(governance: Governance, who: Identity, kind: ApprovalKind): ApprovalCheck {
  const list = kind === 'content' ? governance.approvers.content : governance.approvers.stageGates;
  if (list.length === 0) return { allowed: true, named: false };
  if (list.some((entry) => namesIdentity(entry, who))) return { allowed: true, named: true };
  const people = list.join(', ');
  if (!who.email && !who.figmaUserId) {
    return { allowed: false, message: `Only the people this kit names may ${what[kind]} (${people}), and Onbrand cannot tell who you are here. Sign in with a named account, or ask one of them.` };
  }
  return { allowed: false, message: `${describeIdentity(who)} is not named to ${what[kind]}. This kit names ${people}; ask one of them, or ask the kit's owner to add you.` };
}
