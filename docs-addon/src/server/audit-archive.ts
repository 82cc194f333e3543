// Document properties hold 500 KB, shared by everything the add-on keeps for a file, so the audit
// log there is capped. Its oldest entries are never dropped: they move into the document itself,
// as tables under an "Onbrand audit log" heading the add-on owns (found again through a named
// range), each table with its own header row. The CSV export reads them back, so it stays whole.

type Doc = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;

const archiveRangeName = 'onbrand.audit.archive';
export const archiveHeading = 'Onbrand audit log';

/** The archive's heading paragraph and the body holding it, or null when nothing was archived yet. */
function findHeading(doc: Doc): { body: Body; index: number } | null {
  const named = doc.getNamedRanges(archiveRangeName)[0];
  const element = named?.getRange().getRangeElements()[0]?.getElement();
  const body = element?.getParent() as unknown as Body | null | undefined;
  if (!element || !body) return null;
  return { body, index: body.getChildIndex(element) };
}

/** The archive's tables, in order: the tables right after its heading. */
function archiveTables(doc: Doc): { body: Body; after: number; tables: GoogleAppsScript.Document.Table[] } | null {
  const heading = findHeading(doc);
  if (!heading) return null;
  const { body, index } = heading;
  const tables: GoogleAppsScript.Document.Table[] = [];
  for (let at = index + 1; at < body.getNumChildren(); at++) {
    const child = body.getChild(at);
    if (child.getType() !== DocumentApp.ElementType.TABLE) break;
    tables.push(child.asTable());
  }
  return { body, after: index + tables.length, tables };
}

/** Moves rows (the header first) into the document's audit log section, making it at the end when missing. */
export function archiveAuditRows(doc: Doc, header: readonly string[], rows: readonly (readonly string[])[]): void {
  if (rows.length === 0) return;
  let archive = archiveTables(doc);
  if (!archive) {
    const body = doc.getBody();
    const heading = body.appendParagraph(archiveHeading);
    heading.setHeading(DocumentApp.ParagraphHeading.HEADING2);
    doc.addNamedRange(archiveRangeName, doc.newRange().addElement(heading).build());
    archive = { body, after: body.getChildIndex(heading), tables: [] };
  }
  archive.body.insertTable(archive.after + 1, [[...header], ...rows.map((row) => [...row])]);
}

/** The archived tables, oldest first, each with its own header row (older tables have older columns). */
export function readArchivedAuditTables(doc: Doc): { header: string[]; rows: string[][] }[] {
  const archive = archiveTables(doc);
  if (!archive) return [];
  const cells = (row: GoogleAppsScript.Document.TableRow) => Array.from({ length: row.getNumCells() }, (_, c) => row.getCell(c).getText());
  return archive.tables.map((table) => ({
    header: cells(table.getRow(0)),
    rows: Array.from({ length: table.getNumRows() - 1 }, (_, r) => cells(table.getRow(r + 1))),
  }));
}
