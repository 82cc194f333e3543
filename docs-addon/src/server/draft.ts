import { withDocumentLock } from '@onbrand/apps-script/server';
import type { ContentPack, Piece, Provenance } from '@onbrand/shared/generate';
import { channelPieces, generateContentPackSync, parseBrief } from '@onbrand/shared/generate';
import { resolveChannel, type BrandKit } from '@onbrand/shared/kit';
import type { Inserted } from '../contract';
import { activeDocument, continuesText, insertBlocks, insertionPoint, type Container, type NewBlock } from './document-port';
import { generateOptions, loadKit } from './kit-store';
import { markParagraphs, preview, publicMarks, saveMarks, type StoredMark } from './marks';

/** What a mark records of the drafts it holds: a pack's pieces, or a rewrite. */
type Judged = Pick<Piece, 'findings' | 'score' | 'needsReview' | 'disclosure'>;

/** A headed part of an insertion: its blocks and the pieces it holds (for findings and review). */
export interface Part {
  label: string;
  channel: string | null;
  blocks: NewBlock[];
  pieces: Judged[];
}

/** An answer that inserted nothing, with the issues and a notice saying so (after any that explain why). */
export function notInserted(issues: Inserted['issues'], notice: string, why: readonly string[] = []): Inserted {
  return { inserted: false, marks: [], issues, notices: [...why, notice] };
}

// Generated bodies are plain text with light markdown: "## " subheadings and "- " list lines.
const paragraphsOf = (text: string): NewBlock[] =>
  text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) return { text: heading[1]!, heading: 'HEADING3' };
      const item = /^[-*•]\s+(.*)$/.exec(line);
      return item ? { text: item[1]!, list: true } : { text: line };
    });

/** A part under a level-2 heading: its label, or the heading given. */
export function headedPart(label: string, channel: string | null, body: NewBlock[], pieces: Judged[], heading = label): Part {
  return { label, channel, blocks: [{ text: heading, heading: 'HEADING2' }, ...body], pieces };
}

/** Lines as list items. */
export const listed = (lines: readonly string[]): NewBlock[] => lines.map((text) => ({ text, list: true }));

// A piece written for a channel: its heading is tagged with the channel, so checking the document reads it against that channel.
function channelPart(label: string, piece: Piece): Part {
  const { channel } = piece;
  return headedPart(label, channel ?? null, paragraphsOf(piece.text), [piece], channel ? `${label} [${channel}]` : label);
}

/** The pack as headed sections: article, email, subject lines, social post, ad headline, then one per further channel the brief ticked. */
export function packParts(pack: ContentPack, kit: BrandKit): Part[] {
  const { article, email } = pack;
  const piece = (id: string) => pack.pieces.find((p) => p.id === id)!;
  const pieces = (prefix: string) => pack.pieces.filter((p) => p.id === prefix || p.id.startsWith(`${prefix}.`));
  return [
    headedPart('Article', null, [{ text: article.title, heading: 'HEADING3' }, ...listed(article.outline), ...paragraphsOf(article.body)], pieces('article')),
    headedPart('Email', null, [{ text: `Subject: ${email.subject}` }, { text: `Preheader: ${email.preheader}` }, ...paragraphsOf(email.body)], pieces('email')),
    headedPart('Subject lines', 'email-subject', listed(pack.subjectLines), pieces('subjectLines')),
    channelPart('Social post', piece('social')),
    channelPart('Ad headline', piece('adHeadline')),
    ...channelPieces(pack).map((p) => channelPart(resolveChannel(kit, p.channel!)?.name ?? p.channel!, p)),
  ];
}

/**
 * Inserts parts at a point, each marked as AI text awaiting approval with its findings, review
 * flag and provenance; a rewrite's mark also holds the original it may replace.
 */
export function insertMarked(
  doc: GoogleAppsScript.Document.Document,
  point: { container: Container; index: number },
  parts: readonly Part[],
  provenance: Provenance,
  kind: StoredMark['kind'],
  original?: { range: GoogleAppsScript.Document.Range; text: string },
  approvedClaims: readonly string[] = [],
): StoredMark[] {
  const made = insertBlocks(point, parts.flatMap((part) => part.blocks));
  let at = 0;
  const marks = parts.map((part) => {
    const paragraphs = made.slice(at, (at += part.blocks.length));
    const mark = {
      kind,
      label: part.label,
      channel: part.channel,
      template: provenance.template,
      templateVersion: provenance.templateVersion,
      provider: provenance.provider,
      model: provenance.model,
      createdAt: provenance.createdAt,
      needsReview: part.pieces.some((p) => p.needsReview),
      findings: part.pieces.reduce((sum, p) => sum + p.findings.length, 0),
      score: part.pieces.length ? Math.min(...part.pieces.map((p) => p.score)) : 100,
      disclosure: part.pieces.find((p) => p.disclosure)?.disclosure ?? null,
      original: original ? preview(original.text) : null,
      text: preview(part.blocks.map((b) => b.text).join('\n')),
      ...(approvedClaims.length ? { approvedClaims: [...approvedClaims] } : {}),
    };
    return markParagraphs(doc, paragraphs, mark, original?.range);
  });
  saveMarks(marks);
  return marks;
}

/** Inserts parts at the cursor (after the writer's paragraph, never over it), marked for review. */
export function insertParts(parts: readonly Part[], provenance: Provenance, kind: StoredMark['kind'], notices: string[], approvedClaims: readonly string[] = []): Inserted {
  return withDocumentLock(() => {
    const doc = activeDocument();
    const point = insertionPoint(doc);
    // An empty paragraph after the pack keeps the writer's next paragraph out of its last channel section.
    if (continuesText(point.container, point.index)) point.container.insertParagraph(point.index, '');
    const marks = insertMarked(doc, point, parts, provenance, kind, undefined, approvedClaims);
    return { inserted: true, marks: publicMarks(marks), issues: [], notices: [`Inserted ${parts.length} section${parts.length === 1 ? '' : 's'} ${point.where}, marked for review.`, ...notices] };
  });
}

/** Drafts a content pack from a brief and inserts it at the cursor; a bad brief changes nothing. */
export function draftFromBrief(brief: unknown): Inserted {
  const { kit } = loadKit();
  const { options, notices } = generateOptions();
  const pack = generateContentPackSync(brief, kit, options);
  if (!pack.ok) return notInserted(pack.issues, pack.issues.some((issue) => issue.path === 'privacy') ? 'Nothing was sent and nothing was inserted.' : 'The brief needs a few fixes before drafting; nothing was inserted.');
  // The brief's approved claims stay with the draft, so later checks and the approval honour them.
  const parsed = parseBrief(brief);
  const approved = parsed.ok ? (parsed.value.approvedClaims ?? []) : [];
  return insertParts(packParts(pack.value, kit), pack.value.provenance, 'draft', [...notices, ...pack.value.notices], approved);
}
