// The heading convention for checking parts of a document against different channels: a heading
// that ends in a channel id in square brackets, like "Launch email [email-body]", checks the
// paragraphs below it against that channel, until the next heading of the same or a higher level.
// Only lines that could be headings (short, without closing punctuation) are asked for their
// heading level, and only after the first tag, so an untagged document costs no extra reads.
// A tagged section also ends at an empty paragraph or where it meets a table: a piece for a short
// channel (an ad headline) never takes in the writer's text or table rows that follow it.

const tagPattern = /\[([a-z0-9][a-z0-9-]*)\]\s*$/i;
// Levels as DocumentApp names them; a plain paragraph is below every heading.
const levels: Readonly<Record<string, number>> = { TITLE: 0, SUBTITLE: 1, HEADING1: 1, HEADING2: 2, HEADING3: 3, HEADING4: 4, HEADING5: 5, HEADING6: 6 };
const plain = 7;

/** A run of paragraphs checked against one channel (null: the check's own channel, if any). */
export interface ChannelSection {
  from: number;
  to: number;
  channel: string | null;
  heading: string;
}

/** The channel id a line is tagged with, if it ends in `[id]`. */
export function channelTag(line: string): string | null {
  return tagPattern.exec(line)?.[1]?.toLowerCase() ?? null;
}

/** Lines whose heading level must be read: possible headings from the first tagged line on. */
export function headingCandidates(lines: readonly string[]): number[] {
  const first = lines.findIndex((line) => channelTag(line) !== null);
  if (first < 0) return [];
  const out: number[] = [];
  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line && line.length <= 120 && (channelTag(line) !== null || !/[.!?:;,]$/.test(line))) out.push(i);
  }
  return out;
}

/** The heading level for a DocumentApp heading name (TITLE 0 … HEADING6 6, a plain paragraph 7). */
export function headingLevel(name: string): number {
  return levels[name] ?? plain;
}

/**
 * Splits lines into channel sections. `headingLevels` holds the level of each candidate line, and
 * `tables` the table each line sits in (none for body text): a tagged section also ends where it
 * would run into or out of a table, so a short channel never takes in the next table's rows.
 * A tag for a channel the kit does not know is reported and ignored.
 */
export function channelSections(
  lines: readonly string[],
  headingLevels: ReadonlyMap<number, number>,
  defaultChannel: string | null,
  knownChannels: readonly string[],
  tables: ReadonlyMap<number, number> = new Map(),
): { sections: ChannelSection[]; notices: string[] } {
  const sections: ChannelSection[] = [];
  const notices: string[] = [];
  let current: ChannelSection = { from: 0, to: 0, channel: defaultChannel, heading: '' };
  let level = plain + 1;
  let table: number | undefined;
  const close = (at: number) => {
    current.to = at;
    if (current.to > current.from) sections.push(current);
  };
  lines.forEach((line, i) => {
    const tag = channelTag(line);
    const lineLevel = headingLevels.get(i) ?? plain;
    const known = tag !== null && knownChannels.includes(tag);
    if (tag && !known) notices.push(`“${line.trim()}” names the channel “${tag}”, which the brand kit does not define; its section uses the check's channel.`);
    if (known) {
      close(i);
      // The heading itself is checked with the document's channel; the section below it with the tag's.
      sections.push({ from: i, to: i + 1, channel: defaultChannel, heading: line.trim() });
      current = { from: i + 1, to: i + 1, channel: tag, heading: line.trim() };
      level = lineLevel;
      table = tables.get(i);
    } else if (current.channel !== defaultChannel && ((lineLevel <= level && lineLevel < plain) || tables.get(i) !== table || (!line.trim() && lines.slice(current.from, i).some((l) => l.trim())))) {
      close(i);
      current = { from: i, to: i, channel: defaultChannel, heading: line.trim() };
      level = plain + 1;
    }
  });
  close(lines.length);
  return { sections, notices };
}
