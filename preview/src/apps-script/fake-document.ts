import { countCalls, type CallLog } from '../call-log';
import { FakeUi } from './fake-ui';
import type { Mirror } from './mirror';

type Doc = GoogleAppsScript.Document.Document;

/** Character attributes as DocumentApp names them (`Text.getAttributes()` keys). */
export interface TextAttributes {
  BOLD?: boolean | null;
  ITALIC?: boolean | null;
  UNDERLINE?: boolean | null;
  LINK_URL?: string | null;
  FOREGROUND_COLOR?: string | null;
  BACKGROUND_COLOR?: string | null;
}
const attributeNames = ['BOLD', 'ITALIC', 'UNDERLINE', 'LINK_URL', 'FOREGROUND_COLOR', 'BACKGROUND_COLOR'] as const;
type AttributeName = (typeof attributeNames)[number];

export type ElementTypeName =
  | 'BODY_SECTION'
  | 'HEADER_SECTION'
  | 'FOOTER_SECTION'
  | 'FOOTNOTE_SECTION'
  | 'PARAGRAPH'
  | 'LIST_ITEM'
  | 'TABLE'
  | 'TABLE_ROW'
  | 'TABLE_CELL'
  | 'TEXT'
  | 'INLINE_IMAGE'
  | 'FOOTNOTE';
export type HeadingName = 'NORMAL' | 'TITLE' | 'SUBTITLE' | 'HEADING1' | 'HEADING2' | 'HEADING3' | 'HEADING4' | 'HEADING5' | 'HEADING6';

// Apps Script's enums print as their names; the fake uses the names themselves.
const names = <T extends string>(...values: T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const elementTypes = names<ElementTypeName>(
  'BODY_SECTION', 'HEADER_SECTION', 'FOOTER_SECTION', 'FOOTNOTE_SECTION', 'PARAGRAPH', 'LIST_ITEM', 'TABLE', 'TABLE_ROW', 'TABLE_CELL', 'TEXT', 'INLINE_IMAGE', 'FOOTNOTE',
);
export const paragraphHeadings = names<HeadingName>('NORMAL', 'TITLE', 'SUBTITLE', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6');
export const attributes = names<AttributeName>(...attributeNames);
export const glyphTypes = names('BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER');

/** Anything DocumentApp hands out as an element. */
export abstract class FakeElement {
  parent: FakeContainer | FakeParagraph | FakeTable | FakeTableRow | null = null;
  abstract readonly type: ElementTypeName;

  constructor(readonly calls: CallLog) {}

  /** The API class name calls are counted under (`Paragraph.getText`). */
  kind(): string {
    return typeNames[this.type];
  }

  getType(): GoogleAppsScript.Document.ElementType {
    return this.type as unknown as GoogleAppsScript.Document.ElementType;
  }

  getParent(): FakeElement | null {
    return this.parent;
  }

  removeFromParent(): this {
    const parent = this.parent as (FakeElement & { children: FakeElement[] }) | null;
    if (parent) parent.children.splice(parent.children.indexOf(this), 1);
    this.parent = null;
    return this;
  }

  asText(): FakeText {
    if (!(this instanceof FakeText)) throw new Error(`Cannot cast a ${this.type} element to TEXT.`);
    return this;
  }
  asParagraph(): FakeParagraph {
    if (!(this instanceof FakeParagraph) || this instanceof FakeListItem) throw new Error(`Cannot cast a ${this.type} element to PARAGRAPH.`);
    return this;
  }
  asListItem(): FakeListItem {
    if (!(this instanceof FakeListItem)) throw new Error(`Cannot cast a ${this.type} element to LIST_ITEM.`);
    return this;
  }
  asTable(): FakeTable {
    if (!(this instanceof FakeTable)) throw new Error(`Cannot cast a ${this.type} element to TABLE.`);
    return this;
  }
  asTableCell(): FakeTableCell {
    if (!(this instanceof FakeTableCell)) throw new Error(`Cannot cast a ${this.type} element to TABLE_CELL.`);
    return this;
  }

  /** The text this element shows, without counting a call. */
  abstract snapshotText(): string;
}

/** Elements count under their API class, found from the instance: Paragraph.getText, ListItem.getText, Body.getText… */
const byKind = (element: FakeElement) => element.kind();

countCalls(FakeElement, byKind, ['getType', 'getParent', 'removeFromParent']);

const typeNames: Record<ElementTypeName, string> = {
  BODY_SECTION: 'Body',
  HEADER_SECTION: 'HeaderSection',
  FOOTER_SECTION: 'FooterSection',
  FOOTNOTE_SECTION: 'FootnoteSection',
  PARAGRAPH: 'Paragraph',
  LIST_ITEM: 'ListItem',
  TABLE: 'Table',
  TABLE_ROW: 'TableRow',
  TABLE_CELL: 'TableCell',
  TEXT: 'Text',
  INLINE_IMAGE: 'InlineImage',
  FOOTNOTE: 'Footnote',
};

/** A child by index, with DocumentApp's message when there is none. */
function childAt<T>(children: readonly T[], index: number): T {
  const child = children[index];
  if (!child) throw new Error(`Child index (${index}) must be less than the number of child elements (${children.length}).`);
  return child;
}

function checkRange(length: number, start: number, endInclusive: number): void {
  // DocumentApp's message for offsets outside the element.
  if (start < 0 || endInclusive >= length || start > endInclusive) throw new Error(`Index (${start}..${endInclusive}) must be within the text (length ${length}).`);
}

/** A run of characters with per-character attributes; offsets are UTF-16 units, as in Docs. */
export class FakeText
  extends FakeElement
  implements
    Mirror<
      GoogleAppsScript.Document.Text,
      'getText' | 'getTextAttributeIndices' | 'deleteText' | 'insertText' | 'appendText' | 'setText' | 'editAsText',
      { deleteText: FakeText; insertText: FakeText; appendText: FakeText; setText: FakeText; editAsText: FakeText }
    >
{
  readonly type = 'TEXT' as const;
  chars = '';
  attrs: TextAttributes[] = [];

  constructor(calls: CallLog, text = '', attrs: TextAttributes = {}) {
    super(calls);
    this.chars = text;
    this.attrs = Array.from({ length: text.length }, () => attrs);
  }

  snapshotText(): string {
    return this.chars;
  }

  getText(): string {
    return this.chars;
  }

  setText(text: string): FakeText {
    const first = this.attrs[0] ?? {};
    this.chars = text;
    this.attrs = Array.from({ length: text.length }, () => first);
    return this;
  }

  editAsText(): FakeText {
    return this;
  }

  deleteText(startOffset: number, endOffsetInclusive: number): FakeText {
    checkRange(this.chars.length, startOffset, endOffsetInclusive);
    this.chars = this.chars.slice(0, startOffset) + this.chars.slice(endOffsetInclusive + 1);
    this.attrs.splice(startOffset, endOffsetInclusive - startOffset + 1);
    return this;
  }

  /** Inserted text takes the attributes of the character before it, as typing does in Docs. */
  insertText(offset: number, text: string): FakeText {
    if (offset < 0 || offset > this.chars.length) throw new Error(`Index (${offset}) must be within the text (length ${this.chars.length}).`);
    const inherit = this.attrs[offset - 1] ?? this.attrs[offset] ?? {};
    this.chars = this.chars.slice(0, offset) + text + this.chars.slice(offset);
    this.attrs.splice(offset, 0, ...Array.from({ length: text.length }, () => inherit));
    return this;
  }

  appendText(text: string): FakeText {
    const inherit = this.attrs[this.attrs.length - 1] ?? {};
    this.chars += text;
    this.attrs.push(...Array.from({ length: text.length }, () => inherit));
    return this;
  }

  private setAttribute(args: unknown[], name: AttributeName): FakeText {
    const [start, end, value] = args.length >= 3 ? (args as [number, number, unknown]) : [0, this.chars.length - 1, args[0]];
    if (this.chars.length === 0) return this;
    checkRange(this.chars.length, start, end);
    for (let i = start; i <= end; i++) this.attrs[i] = { ...this.attrs[i], [name]: value };
    return this;
  }

  setBackgroundColor(color: string | null): FakeText;
  setBackgroundColor(startOffset: number, endOffsetInclusive: number, color: string | null): FakeText;
  setBackgroundColor(...args: unknown[]): FakeText {
    return this.setAttribute(args, 'BACKGROUND_COLOR');
  }

  setForegroundColor(color: string | null): FakeText;
  setForegroundColor(startOffset: number, endOffsetInclusive: number, color: string | null): FakeText;
  setForegroundColor(...args: unknown[]): FakeText {
    return this.setAttribute(args, 'FOREGROUND_COLOR');
  }

  setBold(bold: boolean | null): FakeText;
  setBold(startOffset: number, endOffsetInclusive: number, bold: boolean | null): FakeText;
  setBold(...args: unknown[]): FakeText {
    return this.setAttribute(args, 'BOLD');
  }

  setLinkUrl(url: string | null): FakeText;
  setLinkUrl(startOffset: number, endOffsetInclusive: number, url: string | null): FakeText;
  setLinkUrl(...args: unknown[]): FakeText {
    return this.setAttribute(args, 'LINK_URL');
  }

  /** Sets the attributes given (null clears one) and leaves the others as they are. */
  setAttributes(attributes: object): FakeText;
  setAttributes(startOffset: number, endOffsetInclusive: number, attributes: object): FakeText;
  setAttributes(...args: unknown[]): FakeText {
    const [start, end, given] = args.length >= 3 ? (args as [number, number, TextAttributes]) : [0, this.chars.length - 1, args[0] as TextAttributes];
    if (this.chars.length === 0) return this;
    checkRange(this.chars.length, start, end);
    const known = Object.fromEntries(Object.entries(given).filter(([key]) => (attributeNames as readonly string[]).includes(key)));
    for (let i = start; i <= end; i++) this.attrs[i] = { ...this.attrs[i], ...known };
    return this;
  }

  /** The attributes at an offset (every attribute named, null when unset), as DocumentApp reports them. */
  getAttributes(offset = 0): TextAttributes {
    return this.snapshotAttributes(offset);
  }

  snapshotAttributes(offset: number): TextAttributes {
    const at = this.attrs[offset] ?? {};
    return Object.fromEntries(attributeNames.map((name) => [name, at[name] ?? null])) as TextAttributes;
  }

  isBold(offset: number): boolean | null {
    return this.attrs[offset]?.BOLD ?? null;
  }

  getLinkUrl(offset: number): string | null {
    return this.attrs[offset]?.LINK_URL ?? null;
  }

  getBackgroundColor(offset: number): string | null {
    return this.attrs[offset]?.BACKGROUND_COLOR ?? null;
  }

  getForegroundColor(offset: number): string | null {
    return this.attrs[offset]?.FOREGROUND_COLOR ?? null;
  }

  getTextAttributeIndices(): number[] {
    return this.snapshotRuns().map((run) => run.start);
  }

  /** Maximal runs of equal attributes, for the preview and assertions. */
  snapshotRuns(): { start: number; text: string; attributes: TextAttributes }[] {
    const runs: { start: number; text: string; attributes: TextAttributes }[] = [];
    const same = (a: TextAttributes, b: TextAttributes) => attributeNames.every((name) => (a[name] ?? null) === (b[name] ?? null));
    for (let i = 0; i < this.chars.length; i++) {
      const last = runs[runs.length - 1];
      if (last && same(last.attributes, this.attrs[i]!)) last.text += this.chars[i];
      else runs.push({ start: i, text: this.chars[i]!, attributes: this.snapshotAttributes(i) });
    }
    return runs;
  }
}

countCalls(FakeText, byKind, [
  'getText', 'setText', 'editAsText', 'deleteText', 'insertText', 'appendText', 'setBackgroundColor', 'setForegroundColor', 'setBold', 'setLinkUrl', 'setAttributes',
  'getAttributes', 'isBold', 'getLinkUrl', 'getBackgroundColor', 'getForegroundColor', 'getTextAttributeIndices',
]);

/** An inline image: it holds no text. */
export class FakeInlineImage extends FakeElement {
  readonly type = 'INLINE_IMAGE' as const;
  constructor(
    calls: CallLog,
    readonly altTitle = 'image',
  ) {
    super(calls);
  }
  snapshotText(): string {
    return '';
  }
}

/** A footnote reference in a paragraph, holding the footnote's own section. */
export class FakeFootnote extends FakeElement implements Mirror<GoogleAppsScript.Document.Footnote, 'getFootnoteContents', { getFootnoteContents: FakeFootnoteSection }> {
  readonly type = 'FOOTNOTE' as const;
  readonly contents: FakeFootnoteSection;
  constructor(calls: CallLog, text: string) {
    super(calls);
    this.contents = new FakeFootnoteSection(calls);
    this.contents.children.push(adopt(this.contents, new FakeParagraph(calls, text)));
  }
  getFootnoteContents(): FakeFootnoteSection {
    return this.contents;
  }
  snapshotText(): string {
    return '';
  }
}

countCalls(FakeFootnote, byKind, ['getFootnoteContents']);

function adopt<T extends FakeElement>(parent: FakeElement, child: T): T {
  child.parent = parent as FakeElement['parent'];
  return child;
}

/** A paragraph: one Text child holding its characters, then any inline images and footnote references. */
export class FakeParagraph
  extends FakeElement
  implements Mirror<GoogleAppsScript.Document.Paragraph, 'getText' | 'getNumChildren' | 'getHeading', { getHeading: GoogleAppsScript.Document.ParagraphHeading }>
{
  readonly type: ElementTypeName = 'PARAGRAPH';
  heading: HeadingName = 'NORMAL';
  readonly children: (FakeText | FakeInlineImage | FakeFootnote)[] = [];

  constructor(calls: CallLog, text: string | FakeText = '') {
    super(calls);
    this.children.push(adopt(this, typeof text === 'string' ? new FakeText(calls, text) : text));
  }

  get text(): FakeText {
    return this.children.find((child): child is FakeText => child instanceof FakeText)!;
  }

  snapshotText(): string {
    return this.text.chars;
  }

  getText(): string {
    return this.text.chars;
  }

  setText(text: string): this {
    this.text.chars = text;
    this.text.attrs = Array.from({ length: text.length }, () => ({}));
    return this;
  }

  editAsText(): FakeText {
    return this.text;
  }

  appendText(text: string): FakeText {
    const inherit = this.text.attrs[this.text.attrs.length - 1] ?? {};
    this.text.chars += text;
    this.text.attrs.push(...Array.from({ length: text.length }, () => inherit));
    return this.text;
  }

  getNumChildren(): number {
    return this.children.length;
  }

  getChild(childIndex: number): FakeElement {
    return childAt(this.children, childIndex);
  }

  getChildIndex(child: GoogleAppsScript.Document.Element | FakeElement): number {
    const index = this.children.indexOf(child as FakeText);
    if (index < 0) throw new Error('Element does not contain the specified child element.');
    return index;
  }

  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return this.heading as unknown as GoogleAppsScript.Document.ParagraphHeading;
  }

  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading | HeadingName): this {
    this.heading = String(heading) as HeadingName;
    return this;
  }

  appendInlineImage(): FakeInlineImage {
    const image = adopt(this, new FakeInlineImage(this.calls));
    this.children.push(image);
    return image;
  }
}

countCalls(FakeParagraph, byKind, [
  'getText', 'setText', 'editAsText', 'appendText', 'getNumChildren', 'getChild', 'getChildIndex', 'getHeading', 'setHeading', 'appendInlineImage',
]);

/** A list item: a paragraph with a glyph, a nesting level and a list id. */
export class FakeListItem extends FakeParagraph implements Mirror<GoogleAppsScript.Document.ListItem, 'getNestingLevel' | 'getListId' | 'getGlyphType'> {
  override readonly type: ElementTypeName = 'LIST_ITEM';
  glyph: keyof typeof glyphTypes = 'BULLET';
  nesting = 0;
  listId = 'list.1';

  getGlyphType(): GoogleAppsScript.Document.GlyphType {
    return this.glyph as unknown as GoogleAppsScript.Document.GlyphType;
  }
  setGlyphType(glyph: GoogleAppsScript.Document.GlyphType | keyof typeof glyphTypes): this {
    this.glyph = String(glyph) as keyof typeof glyphTypes;
    return this;
  }
  getNestingLevel(): number {
    return this.nesting;
  }
  getListId(): string {
    return this.listId;
  }
}

countCalls(FakeListItem, byKind, ['getGlyphType', 'setGlyphType', 'getNestingLevel', 'getListId']);

export type Block = FakeParagraph | FakeListItem | FakeTable;

/** What holds blocks: the body, a header, a footer, a footnote's section, a table cell. */
type ContainerMethods = 'getText' | 'getNumChildren' | 'getParagraphs' | 'getTables' | 'getChild' | 'getChildIndex';
type ContainerResults = { getParagraphs: FakeParagraph[]; getTables: FakeTable[]; getChild: Block };

export abstract class FakeContainer extends FakeElement {
  readonly children: Block[] = [];

  snapshotText(): string {
    return this.snapshotParagraphs()
      .map((p) => p.snapshotText())
      .join('\n');
  }

  /** Every paragraph and list item, including those inside tables, in document order. */
  snapshotParagraphs(): FakeParagraph[] {
    const out: FakeParagraph[] = [];
    for (const child of this.children) {
      if (child instanceof FakeTable) for (const row of child.rows) for (const cell of row.cells) out.push(...cell.snapshotParagraphs());
      else out.push(child);
    }
    return out;
  }

  getText(): string {
    return this.snapshotText();
  }

  getParagraphs(): FakeParagraph[] {
    return this.snapshotParagraphs();
  }

  getTables(): FakeTable[] {
    return this.children.filter((child): child is FakeTable => child instanceof FakeTable);
  }

  getNumChildren(): number {
    return this.children.length;
  }

  getChild(childIndex: number): Block {
    return childAt(this.children, childIndex);
  }

  getChildIndex(child: GoogleAppsScript.Document.Element | FakeElement): number {
    const index = this.children.indexOf(child as Block);
    if (index < 0) throw new Error('Element does not contain the specified child element.');
    return index;
  }

  private place<T extends Block>(index: number, block: T): T {
    if (index < 0 || index > this.children.length) throw new Error(`Child index (${index}) must not be greater than the number of child elements (${this.children.length}).`);
    block.parent = this;
    this.children.splice(index, 0, block);
    return block;
  }

  private paragraphFrom(content: string | GoogleAppsScript.Document.Paragraph | FakeParagraph): FakeParagraph {
    return typeof content === 'string' ? new FakeParagraph(this.calls, content) : (content as FakeParagraph);
  }

  insertParagraph(childIndex: number, paragraph: string | GoogleAppsScript.Document.Paragraph | FakeParagraph): FakeParagraph {
    return this.place(childIndex, this.paragraphFrom(paragraph));
  }

  appendParagraph(paragraph: string | GoogleAppsScript.Document.Paragraph | FakeParagraph): FakeParagraph {
    return this.place(this.children.length, this.paragraphFrom(paragraph));
  }

  insertListItem(childIndex: number, text: string): FakeListItem {
    return this.place(childIndex, new FakeListItem(this.calls, text));
  }

  appendListItem(text: string): FakeListItem {
    return this.place(this.children.length, new FakeListItem(this.calls, text));
  }

  appendTable(cells: string[][]): FakeTable {
    return this.place(this.children.length, new FakeTable(this.calls, cells));
  }

  insertTable(childIndex: number, cells: string[][]): FakeTable {
    return this.place(childIndex, new FakeTable(this.calls, cells));
  }

  removeChild(child: GoogleAppsScript.Document.Element | FakeElement): this {
    const index = this.children.indexOf(child as Block);
    if (index < 0) throw new Error('Element does not contain the specified child element.');
    // Docs keeps at least one paragraph in a section.
    if (this.children.length === 1) throw new Error("Can't remove the last paragraph in a document section.");
    this.children.splice(index, 1);
    (child as FakeElement).parent = null;
    return this;
  }

  /**
   * Adds fixture blocks without counting calls. Consecutive `| a | b |` strings form one table,
   * a row per string.
   */
  load(blocks: readonly BlockSpec[]): this {
    let rows: string[][] = [];
    const flush = () => {
      if (rows.length) this.children.push(adopt(this, new FakeTable(this.calls, rows)));
      rows = [];
    };
    for (const spec of blocks) {
      if (typeof spec === 'string' && /^\|.*\|\s*$/.test(spec)) {
        rows.push(spec.trim().slice(1, -1).split('|').map((cell) => cell.trim()));
        continue;
      }
      flush();
      this.children.push(adopt(this, buildBlock(this.calls, spec)));
    }
    flush();
    return this;
  }
}

countCalls(FakeContainer, byKind, [
  'getText', 'getParagraphs', 'getTables', 'getNumChildren', 'getChild', 'getChildIndex', 'insertParagraph', 'appendParagraph', 'insertListItem', 'appendListItem', 'appendTable',
  'insertTable', 'removeChild',
]);

export class FakeBody extends FakeContainer implements Mirror<GoogleAppsScript.Document.Body, ContainerMethods, ContainerResults> {
  readonly type = 'BODY_SECTION' as const;

  /** The paragraphs' texts; `push` appends plain paragraphs (a shorthand for fixtures). */
  get paragraphs(): string[] {
    const texts = this.snapshotParagraphs().map((p) => p.snapshotText());
    texts.push = (...added: string[]) => {
      for (const text of added) this.children.push(adopt(this, new FakeParagraph(this.calls, text)));
      return this.children.length;
    };
    return texts;
  }
}
export class FakeHeaderSection extends FakeContainer implements Mirror<GoogleAppsScript.Document.HeaderSection, ContainerMethods, ContainerResults> {
  readonly type = 'HEADER_SECTION' as const;
}
export class FakeFooterSection extends FakeContainer implements Mirror<GoogleAppsScript.Document.FooterSection, ContainerMethods, ContainerResults> {
  readonly type = 'FOOTER_SECTION' as const;
}
export class FakeFootnoteSection extends FakeContainer implements Mirror<GoogleAppsScript.Document.FootnoteSection, Exclude<ContainerMethods, 'getTables'>, ContainerResults> {
  readonly type = 'FOOTNOTE_SECTION' as const;
}

export class FakeTableCell extends FakeContainer implements Mirror<GoogleAppsScript.Document.TableCell, Exclude<ContainerMethods, 'getTables' | 'getParagraphs'> | 'getParentRow', ContainerResults & { getParentRow: FakeTableRow }> {
  readonly type = 'TABLE_CELL' as const;
  getParentRow(): FakeTableRow {
    return this.parent as unknown as FakeTableRow;
  }
}

countCalls(FakeTableCell, byKind, ['getParentRow']);

export class FakeTableRow
  extends FakeElement
  implements Mirror<GoogleAppsScript.Document.TableRow, 'getNumCells' | 'getCell' | 'getChild' | 'getNumChildren' | 'getChildIndex', { getCell: FakeTableCell; getChild: FakeTableCell }>
{
  readonly type = 'TABLE_ROW' as const;
  readonly cells: FakeTableCell[] = [];
  get children() {
    return this.cells;
  }
  snapshotText(): string {
    return this.cells.map((cell) => cell.snapshotText()).join('\n');
  }
  getNumCells(): number {
    return this.cells.length;
  }
  getNumChildren(): number {
    return this.cells.length;
  }
  getChild(childIndex: number): FakeTableCell {
    return childAt(this.cells, childIndex);
  }
  getCell(cellIndex: number): FakeTableCell {
    const cell = this.cells[cellIndex];
    if (!cell) throw new Error(`Cell index (${cellIndex}) is out of range.`);
    return cell;
  }
  getChildIndex(child: GoogleAppsScript.Document.Element | FakeElement): number {
    return this.cells.indexOf(child as FakeTableCell);
  }
}

countCalls(FakeTableRow, byKind, ['getNumCells', 'getNumChildren', 'getChild', 'getCell', 'getChildIndex']);

export class FakeTable
  extends FakeElement
  implements Mirror<GoogleAppsScript.Document.Table, 'getText' | 'getNumRows' | 'getRow' | 'getCell' | 'getChild' | 'getNumChildren' | 'getChildIndex', { getRow: FakeTableRow; getCell: FakeTableCell; getChild: FakeTableRow }>
{
  readonly type = 'TABLE' as const;
  readonly rows: FakeTableRow[] = [];
  get children() {
    return this.rows;
  }

  constructor(calls: CallLog, cells: (string | RunSpec[])[][]) {
    super(calls);
    for (const rowCells of cells) {
      const row = adopt(this, new FakeTableRow(calls));
      for (const content of rowCells) {
        const cell = adopt(row, new FakeTableCell(calls));
        cell.children.push(adopt(cell, paragraphWithRuns(calls, content)));
        row.cells.push(cell);
      }
      this.rows.push(row);
    }
  }

  snapshotText(): string {
    return this.rows.map((row) => row.snapshotText()).join('\n');
  }
  getText(): string {
    return this.snapshotText();
  }
  getNumRows(): number {
    return this.rows.length;
  }
  getNumChildren(): number {
    return this.rows.length;
  }
  getChild(childIndex: number): FakeTableRow {
    return childAt(this.rows, childIndex);
  }
  getRow(rowIndex: number): FakeTableRow {
    const row = this.rows[rowIndex];
    if (!row) throw new Error(`Row index (${rowIndex}) is out of range.`);
    return row;
  }
  getCell(rowIndex: number, cellIndex: number): FakeTableCell {
    const cell = this.rows[rowIndex]?.cells[cellIndex];
    if (!cell) throw new Error(`Cell (${rowIndex}, ${cellIndex}) is out of range.`);
    return cell;
  }
  getChildIndex(child: GoogleAppsScript.Document.Element | FakeElement): number {
    return this.rows.indexOf(child as FakeTableRow);
  }
}

countCalls(FakeTable, byKind, ['getText', 'getNumRows', 'getNumChildren', 'getChild', 'getRow', 'getCell', 'getChildIndex']);

/** A styled run in a fixture: plain text, or text with attributes. */
export type RunSpec = string | { text: string; bold?: boolean; italic?: boolean; link?: string; color?: string; background?: string; footnote?: string; image?: boolean };
/** A block in a fixture. */
export type BlockSpec =
  | string
  | { paragraph: string | RunSpec[]; heading?: HeadingName }
  | { listItem: string | RunSpec[]; glyph?: keyof typeof glyphTypes; level?: number }
  | { table: (string | RunSpec[])[][] };

function paragraphWithRuns<P extends FakeParagraph>(calls: CallLog, content: string | RunSpec[], make: (calls: CallLog) => P = (c) => new FakeParagraph(c) as P): P {
  const paragraph = make(calls);
  const runs = typeof content === 'string' ? parseInline(content) : content;
  for (const run of runs) {
    if (typeof run === 'string') {
      paragraph.text.chars += run;
      paragraph.text.attrs.push(...Array.from({ length: run.length }, () => ({})));
      continue;
    }
    if (run.image) paragraph.children.push(adopt(paragraph, new FakeInlineImage(calls)));
    if (run.footnote !== undefined) paragraph.children.push(adopt(paragraph, new FakeFootnote(calls, run.footnote)));
    const attrs: TextAttributes = {};
    if (run.bold) attrs.BOLD = true;
    if (run.italic) attrs.ITALIC = true;
    if (run.link) attrs.LINK_URL = run.link;
    if (run.color) attrs.FOREGROUND_COLOR = run.color;
    if (run.background) attrs.BACKGROUND_COLOR = run.background;
    paragraph.text.chars += run.text;
    paragraph.text.attrs.push(...Array.from({ length: run.text.length }, () => attrs));
  }
  return paragraph;
}

/**
 * A little markup so fixtures and the preview sample can be plain strings: `**bold**`, `*italic*`,
 * `[text](url)`, `[^footnote text]` and `![image]`. Text without these marks is taken as it is.
 */
export function parseInline(source: string): RunSpec[] {
  const runs: RunSpec[] = [];
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*|\[\^(.+?)\]|!\[image\]|\[([^\]]+)\]\((https?:[^)\s]+)\)/g;
  let last = 0;
  for (const match of source.matchAll(pattern)) {
    if (match.index > last) runs.push(source.slice(last, match.index));
    if (match[1] !== undefined) runs.push({ text: match[1], bold: true });
    else if (match[2] !== undefined) runs.push({ text: match[2], italic: true });
    else if (match[3] !== undefined) runs.push({ text: '', footnote: match[3] });
    else if (match[4] !== undefined) runs.push({ text: match[4], link: match[5]! });
    else runs.push({ text: '', image: true });
    last = match.index + match[0].length;
  }
  if (last < source.length) runs.push(source.slice(last));
  return runs;
}

const headingMarks: Record<string, HeadingName> = { '#': 'HEADING1', '##': 'HEADING2', '###': 'HEADING3', '####': 'HEADING4' };

/**
 * One block from a fixture. A string may start with `# `…`#### ` (a heading), `- ` (a bullet) or
 * `1. ` (a numbered item); anything else is a normal paragraph.
 */
function buildBlock(calls: CallLog, spec: BlockSpec): Block {
  if (typeof spec === 'string') {
    const heading = spec.match(/^(#{1,4}) (.*)$/);
    if (heading) return buildBlock(calls, { paragraph: heading[2]!, heading: headingMarks[heading[1]!]! });
    const bullet = spec.match(/^(\s*)([-*]|\d+\.) (.*)$/);
    if (bullet) return buildBlock(calls, { listItem: bullet[3]!, glyph: bullet[2]!.endsWith('.') ? 'NUMBER' : 'BULLET', level: Math.floor(bullet[1]!.length / 2) });
    return paragraphWithRuns(calls, spec);
  }
  if ('table' in spec) return new FakeTable(calls, spec.table);
  if ('listItem' in spec) {
    const item = paragraphWithRuns(calls, spec.listItem, (c) => new FakeListItem(c));
    item.glyph = spec.glyph ?? 'BULLET';
    item.nesting = spec.level ?? 0;
    return item;
  }
  const paragraph = paragraphWithRuns(calls, spec.paragraph);
  paragraph.heading = spec.heading ?? 'NORMAL';
  return paragraph;
}

/** A point in the document: an element and an offset in it. */
export class FakePosition implements Mirror<GoogleAppsScript.Document.Position, 'getOffset' | 'getSurroundingTextOffset'> {
  constructor(
    readonly element: FakeElement,
    readonly offset: number,
    readonly calls: CallLog,
  ) {}
  getElement(): FakeElement {
    return this.element;
  }
  getOffset(): number {
    return this.offset;
  }
  getSurroundingText(): FakeText {
    return paragraphOf(this.element)?.text ?? new FakeText(this.calls);
  }
  getSurroundingTextOffset(): number {
    return this.element instanceof FakeText ? this.offset : 0;
  }
}

countCalls(FakePosition, 'Position', ['getElement', 'getOffset', 'getSurroundingText', 'getSurroundingTextOffset']);

/** The paragraph or list item an element sits in (itself when it is one). */
export function paragraphOf(element: FakeElement | null): FakeParagraph | null {
  let node: FakeElement | null = element;
  while (node && !(node instanceof FakeParagraph)) node = node.parent as FakeElement | null;
  return node;
}

/** One element of a range: whole, or a partial span [start, endInclusive] of a Text. */
export class FakeRangeElement implements Mirror<GoogleAppsScript.Document.RangeElement, 'isPartial' | 'getStartOffset' | 'getEndOffsetInclusive'> {
  constructor(
    readonly element: FakeElement,
    readonly start: number,
    readonly endInclusive: number,
    readonly calls: CallLog,
  ) {}
  getElement(): FakeElement {
    return this.element;
  }
  isPartial(): boolean {
    return this.start >= 0;
  }
  getStartOffset(): number {
    return this.start;
  }
  getEndOffsetInclusive(): number {
    return this.endInclusive;
  }
}

countCalls(FakeRangeElement, 'RangeElement', ['getElement', 'isPartial', 'getStartOffset', 'getEndOffsetInclusive']);

export class FakeRange implements Mirror<GoogleAppsScript.Document.Range, 'getRangeElements', { getRangeElements: FakeRangeElement[] }> {
  constructor(
    readonly elements: FakeRangeElement[],
    readonly calls: CallLog,
  ) {}
  getRangeElements(): FakeRangeElement[] {
    return [...this.elements];
  }
}

countCalls(FakeRange, 'Range', ['getRangeElements']);

export class FakeRangeBuilder implements Mirror<GoogleAppsScript.Document.RangeBuilder, 'build' | 'getRangeElements', { build: FakeRange; getRangeElements: FakeRangeElement[] }> {
  private readonly elements: FakeRangeElement[] = [];
  constructor(readonly calls: CallLog) {}

  addElement(element: GoogleAppsScript.Document.Element | FakeElement, startOffset?: number, endOffsetInclusive?: number): FakeRangeBuilder {
    const fake = element as FakeElement;
    if (startOffset !== undefined) {
      if (!(fake instanceof FakeText)) throw new Error('A partial range element must be a Text element.');
      checkRange(fake.chars.length, startOffset, endOffsetInclusive ?? -1);
      this.elements.push(new FakeRangeElement(fake, startOffset, endOffsetInclusive!, this.calls));
    } else this.elements.push(new FakeRangeElement(fake, -1, -1, this.calls));
    return this;
  }

  addRange(range: GoogleAppsScript.Document.Range | FakeRange): FakeRangeBuilder {
    this.elements.push(...(range as FakeRange).elements);
    return this;
  }

  getRangeElements(): FakeRangeElement[] {
    return [...this.elements];
  }

  build(): FakeRange {
    return new FakeRange([...this.elements], this.calls);
  }
}

countCalls(FakeRangeBuilder, 'RangeBuilder', ['addElement', 'addRange', 'getRangeElements', 'build']);

export class FakeNamedRange implements Mirror<GoogleAppsScript.Document.NamedRange, 'getId' | 'getName'> {
  constructor(
    readonly id: string,
    readonly name: string,
    readonly range: FakeRange,
    private readonly document: FakeDocument,
    readonly calls: CallLog,
  ) {}
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  getRange(): FakeRange {
    return this.range;
  }
  remove(): void {
    this.document.namedRanges = this.document.namedRanges.filter((named) => named !== this);
  }
}

countCalls(FakeNamedRange, 'NamedRange', ['getId', 'getName', 'getRange', 'remove']);

/** Whether an element is still attached to a section of the document. */
function attached(element: FakeElement): boolean {
  let node: FakeElement | null = element;
  while (node && !(node instanceof FakeBody || node instanceof FakeHeaderSection || node instanceof FakeFooterSection || node instanceof FakeFootnoteSection)) node = node.parent as FakeElement | null;
  return node !== null;
}

/** A document: body, optional header and footer, footnotes, the user's cursor or selection, named ranges. */
export class FakeDocument
  implements
    Mirror<
      Doc,
      'getName' | 'getId' | 'getBody' | 'getHeader' | 'getFooter' | 'getFootnotes' | 'getCursor' | 'getSelection' | 'newRange' | 'newPosition' | 'addNamedRange' | 'getNamedRangeById' | 'setCursor' | 'setSelection' | 'addHeader' | 'addFooter',
      {
        getBody: FakeBody;
        getHeader: FakeHeaderSection | null;
        getFooter: FakeFooterSection | null;
        getFootnotes: FakeFootnote[];
        getCursor: FakePosition | null;
        getSelection: FakeRange | null;
        newRange: FakeRangeBuilder;
        newPosition: FakePosition;
        addNamedRange: FakeNamedRange;
        getNamedRangeById: FakeNamedRange | null;
        setCursor: FakeDocument;
        setSelection: FakeDocument;
        addHeader: FakeHeaderSection;
        addFooter: FakeFooterSection;
      }
    >
{
  readonly body: FakeBody;
  header: FakeHeaderSection | null = null;
  footer: FakeFooterSection | null = null;
  cursor: FakePosition | null = null;
  selection: FakeRange | null = null;
  namedRanges: FakeNamedRange[] = [];
  private nextNamedRange = 1;

  constructor(
    private readonly name: string,
    paragraphs: readonly BlockSpec[],
    readonly calls: CallLog,
  ) {
    // Fixture strings starting `header: ` or `footer: ` go to those sections.
    const part = (prefix: string) => paragraphs.filter((p): p is string => typeof p === 'string' && p.startsWith(prefix)).map((p) => p.slice(prefix.length));
    const body = paragraphs.filter((p) => typeof p !== 'string' || !/^(header|footer): /.test(p));
    this.body = new FakeBody(calls).load(body.length ? body : ['']);
    if (part('header: ').length) this.loadSection('header', part('header: '));
    if (part('footer: ').length) this.loadSection('footer', part('footer: '));
  }

  getName(): string {
    return this.name;
  }

  getId(): string {
    return 'preview-document';
  }

  getBody(): FakeBody {
    return this.body;
  }

  getHeader(): FakeHeaderSection | null {
    return this.header;
  }

  getFooter(): FakeFooterSection | null {
    return this.footer;
  }

  addHeader(): FakeHeaderSection {
    if (this.header) throw new Error('Document tab already contains a header.');
    this.header = new FakeHeaderSection(this.calls).load(['']);
    return this.header;
  }

  addFooter(): FakeFooterSection {
    if (this.footer) throw new Error('Document tab already contains a footer.');
    this.footer = new FakeFooterSection(this.calls).load(['']);
    return this.footer;
  }

  /** Sets the header or footer from fixture blocks without counting calls. */
  loadSection(which: 'header' | 'footer', blocks: readonly BlockSpec[]): void {
    if (which === 'header') this.header = new FakeHeaderSection(this.calls).load(blocks);
    else this.footer = new FakeFooterSection(this.calls).load(blocks);
  }

  snapshotFootnotes(): FakeFootnote[] {
    return this.body.snapshotParagraphs().flatMap((p) => p.children.filter((child): child is FakeFootnote => child instanceof FakeFootnote));
  }

  getFootnotes(): FakeFootnote[] {
    return this.snapshotFootnotes();
  }

  getCursor(): FakePosition | null {
    return this.cursor && attached(this.cursor.element) ? this.cursor : null;
  }

  setCursor(position: GoogleAppsScript.Document.Position | FakePosition): this {
    this.cursor = position as FakePosition;
    this.selection = null;
    return this;
  }

  newPosition(element: GoogleAppsScript.Document.Element | FakeElement, offset: number): FakePosition {
    return new FakePosition(element as FakeElement, offset, this.calls);
  }

  getSelection(): FakeRange | null {
    if (!this.selection) return null;
    const live = this.selection.elements.filter((item) => attached(item.element));
    return live.length ? new FakeRange(live, this.calls) : null;
  }

  setSelection(range: GoogleAppsScript.Document.Range | FakeRange): this {
    this.selection = range as FakeRange;
    this.cursor = null;
    return this;
  }

  newRange(): FakeRangeBuilder {
    return new FakeRangeBuilder(this.calls);
  }

  addNamedRange(name: string, range: GoogleAppsScript.Document.Range | FakeRange): FakeNamedRange {
    // Docs limits a name to 256 characters.
    if (name.length < 1 || name.length > 256) throw new Error('Named range names must be between 1 and 256 characters.');
    const named = new FakeNamedRange(`kix.${this.nextNamedRange++}`, name, range as FakeRange, this, this.calls);
    this.namedRanges.push(named);
    return named;
  }

  getNamedRanges(name?: string): FakeNamedRange[] {
    return this.namedRanges.filter((named) => name === undefined || named.name === name);
  }

  getNamedRangeById(id: string): FakeNamedRange | null {
    return this.namedRanges.find((named) => named.id === id) ?? null;
  }

  /** The whole document as plain data, for the preview and for "is it unchanged" assertions. */
  snapshot() {
    const blocks = (container: FakeContainer): SnapshotBlock[] =>
      container.children.map((child) =>
        child instanceof FakeTable
          ? { kind: 'table' as const, rows: child.rows.map((row) => row.cells.map((cell) => blocks(cell))) }
          : {
              kind: child instanceof FakeListItem ? ('listItem' as const) : ('paragraph' as const),
              heading: child.heading,
              ...(child instanceof FakeListItem ? { glyph: child.glyph, level: child.nesting } : {}),
              runs: child.text.snapshotRuns().map(({ text, attributes }) => ({ text, attributes })),
              images: child.children.filter((c) => c instanceof FakeInlineImage).length,
              footnotes: child.children.filter((c): c is FakeFootnote => c instanceof FakeFootnote).map((f) => f.contents.snapshotText()),
            },
      );
    return {
      header: this.header ? blocks(this.header) : null,
      body: blocks(this.body),
      footer: this.footer ? blocks(this.footer) : null,
      namedRanges: this.namedRanges.map((named) => ({ id: named.id, name: named.name, text: named.range.elements.map((e) => rangeElementText(e)).join('\n') })),
      selection: this.selection ? this.selection.elements.map((e) => rangeElementText(e)) : null,
    };
  }
}

countCalls(FakeDocument, 'Document', [
  'getName', 'getBody', 'getHeader', 'getFooter', 'addHeader', 'addFooter', 'getFootnotes', 'getCursor', 'setCursor', 'newPosition', 'getSelection', 'setSelection', 'newRange',
  'addNamedRange', 'getNamedRanges', 'getNamedRangeById',
]);

export type SnapshotBlock =
  | { kind: 'table'; rows: SnapshotBlock[][][] }
  | {
      kind: 'paragraph' | 'listItem';
      heading: HeadingName;
      glyph?: string;
      level?: number;
      runs: { text: string; attributes: TextAttributes }[];
      images: number;
      footnotes: string[];
    };

function rangeElementText(item: FakeRangeElement): string {
  const text = item.element.snapshotText();
  return item.start >= 0 ? text.slice(item.start, item.endInclusive + 1) : text;
}

export class FakeDocumentApp implements Mirror<GoogleAppsScript.Document.DocumentApp, 'getActiveDocument' | 'getUi', { getActiveDocument: FakeDocument; getUi: FakeUi }> {
  readonly ElementType = elementTypes;
  readonly ParagraphHeading = paragraphHeadings;
  readonly Attribute = attributes;
  readonly GlyphType = glyphTypes;

  constructor(
    private readonly document: FakeDocument,
    private readonly ui: FakeUi,
    readonly calls: CallLog,
  ) {}

  getActiveDocument(): FakeDocument {
    return this.document;
  }

  getUi(): FakeUi {
    return this.ui;
  }
}

countCalls(FakeDocumentApp, 'DocumentApp', ['getActiveDocument', 'getUi']);

