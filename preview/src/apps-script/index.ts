export * from './environments';
export * from './runtime';
export * from './fake-clock';
export { FakeUi, FakeMenu, type MenuEntry } from './fake-ui';
export { FakeHtmlService, FakeHtmlOutput } from './fake-html-service';
export * from './fake-spreadsheet';
export {
  FakeDocumentApp,
  FakeDocument,
  FakeBody,
  FakeParagraph,
  FakeListItem,
  FakeText,
  FakeTable,
  FakeTableRow,
  FakeTableCell,
  FakeHeaderSection,
  FakeFooterSection,
  FakeFootnote,
  FakeFootnoteSection,
  FakeInlineImage,
  FakePosition,
  FakeRangeElement,
  FakeRangeBuilder,
  FakeRange as FakeDocumentRange,
  FakeNamedRange as FakeDocumentNamedRange,
  type BlockSpec,
  type RunSpec,
} from './fake-document';
export { FakePropertiesService, FakeProperties } from './fake-properties';
export { FakeLockService, FakeLock } from './fake-lock';
export { FakeSession, FakeUtilities } from './fake-session';
export { FakeUrlFetchApp, FakeHttpResponse, type FetchHandler, type FetchedRequest } from './fake-url-fetch';
