// The official type each fake class stands in for, by module and class name. host-calls.test.ts
// reads these types' methods from the official typings with the TypeScript compiler.

export interface SpreadsheetFakes {
  FakeSpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  FakeSpreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  FakeSheet: GoogleAppsScript.Spreadsheet.Sheet;
  FakeRange: GoogleAppsScript.Spreadsheet.Range;
  FakeRangeList: GoogleAppsScript.Spreadsheet.RangeList;
  FakeNamedRange: GoogleAppsScript.Spreadsheet.NamedRange;
  FakeDataValidation: GoogleAppsScript.Spreadsheet.DataValidation;
  FakeDataValidationBuilder: GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  FakeConditionalFormatRule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
  FakeConditionalFormatRuleBuilder: GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
}

export interface DocumentFakes {
  FakeDocumentApp: GoogleAppsScript.Document.DocumentApp;
  FakeDocument: GoogleAppsScript.Document.Document;
  FakeBody: GoogleAppsScript.Document.Body;
  FakeHeaderSection: GoogleAppsScript.Document.HeaderSection;
  FakeFooterSection: GoogleAppsScript.Document.FooterSection;
  FakeFootnoteSection: GoogleAppsScript.Document.FootnoteSection;
  FakeFootnote: GoogleAppsScript.Document.Footnote;
  FakeParagraph: GoogleAppsScript.Document.Paragraph;
  FakeListItem: GoogleAppsScript.Document.ListItem;
  FakeText: GoogleAppsScript.Document.Text;
  FakeInlineImage: GoogleAppsScript.Document.InlineImage;
  FakeTable: GoogleAppsScript.Document.Table;
  FakeTableRow: GoogleAppsScript.Document.TableRow;
  FakeTableCell: GoogleAppsScript.Document.TableCell;
  FakePosition: GoogleAppsScript.Document.Position;
  FakeRange: GoogleAppsScript.Document.Range;
  FakeRangeElement: GoogleAppsScript.Document.RangeElement;
  FakeRangeBuilder: GoogleAppsScript.Document.RangeBuilder;
  FakeNamedRange: GoogleAppsScript.Document.NamedRange;
}

export interface ServiceFakes {
  FakeUi: GoogleAppsScript.Base.Ui;
  FakeMenu: GoogleAppsScript.Base.Menu;
  FakeHtmlService: GoogleAppsScript.HTML.HtmlService;
  FakeHtmlOutput: GoogleAppsScript.HTML.HtmlOutput;
  FakePropertiesService: GoogleAppsScript.Properties.PropertiesService;
  FakeProperties: GoogleAppsScript.Properties.Properties;
  FakeLockService: GoogleAppsScript.Lock.LockService;
  FakeLock: GoogleAppsScript.Lock.Lock;
  FakeSession: GoogleAppsScript.Base.Session;
  FakeUtilities: GoogleAppsScript.Utilities.Utilities;
  FakeUrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  FakeHttpResponse: GoogleAppsScript.URL_Fetch.HTTPResponse;
}

export interface FigmaFakes {
  FakeFigma: PluginAPI;
  FakeUi: UIAPI;
  FakeClientStorage: ClientStorageAPI;
  FakeViewport: ViewportAPI;
  FakeDocumentNode: DocumentNode;
  FakePageNode: PageNode;
  FakeSectionNode: SectionNode;
  FakeFrameNode: FrameNode;
  FakeComponentNode: ComponentNode;
  FakeInstanceNode: InstanceNode;
  FakeGroupNode: GroupNode;
  FakeShapeNode: RectangleNode;
  FakeTextNode: TextNode;
}
