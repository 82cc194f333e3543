export * from './environments';
export * from './runtime';
export { FakeUi, FakeMenu, type MenuEntry } from './fake-ui';
export { FakeHtmlService, FakeHtmlOutput } from './fake-html-service';
export { FakeSpreadsheetApp, FakeSpreadsheet, FakeSheet, FakeRange, type Cell } from './fake-spreadsheet';
export { FakeDocumentApp, FakeDocument, FakeBody } from './fake-document';
