import { countCalls, type CallLog } from '../call-log';
import type { Mirror } from './mirror';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export class FakeHtmlOutput implements Mirror<HtmlOutput, 'getContent' | 'getTitle' | 'setTitle', { setTitle: FakeHtmlOutput }> {
  private title = '';

  constructor(
    readonly fileName: string,
    private readonly content: string,
  ) {}

  getContent(): string {
    return this.content;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): FakeHtmlOutput {
    this.title = title;
    return this;
  }
}

/** Serves the project's HTML files by name, as pushed next to Code.js. */
export class FakeHtmlService implements Mirror<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutputFromFile', { createHtmlOutputFromFile: FakeHtmlOutput }> {
  constructor(
    private readonly files: Readonly<Record<string, string>>,
    readonly calls: CallLog,
  ) {}

  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    const content = this.files[filename];
    // The message Apps Script gives for a missing file.
    if (content === undefined) throw new Error(`No HTML file named ${filename} was found.`);
    return new FakeHtmlOutput(filename, content);
  }
}

countCalls(FakeHtmlService, 'HtmlService', ['createHtmlOutputFromFile']);
