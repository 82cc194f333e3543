import type { Governance } from '../kit/governance';

// A team without a shared kit names its approvers in the add-on's settings. The kit, when it names
// anyone, wins: the brand's owners decide, and a file's settings cannot widen their list.

export interface TeamApprovers {
  content: readonly string[];
  stageGates: readonly string[];
}

const entryPattern = /^(?:[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+|@[^\s@,;]+\.[^\s@,;]+|figma:\d+)$/i;

/** A typed list ("ana@x.com, @legal.x.com; figma:123") read into entries, naming any it cannot read. */
export function parseApproverList(text: string): { list: string[]; problems: string[] } {
  const entries = text
    .split(/[\s,;]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  const problems = entries.filter((entry) => !entryPattern.test(entry)).map((entry) => `“${entry}” is not an email address, an @domain or a figma:id`);
  return { list: [...new Set(entries.filter((entry) => entryPattern.test(entry)))], problems };
}

/** The governance a surface applies: the kit's, with the team's approvers where the kit names none. */
export function withTeamApprovers(governance: Governance, team: TeamApprovers | null | undefined): Governance {
  if (!team) return governance;
  return {
    ...governance,
    approvers: {
      content: governance.approvers.content.length ? governance.approvers.content : [...team.content],
      stageGates: governance.approvers.stageGates.length ? governance.approvers.stageGates : [...team.stageGates],
    },
  };
}
