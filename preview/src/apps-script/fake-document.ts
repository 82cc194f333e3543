import type { CallLog } from '../call-log';
import { FakeUi } from './fake-ui';
import type { Mirror } from './mirror';

type Body = GoogleAppsScript.Document.Body;
type Document = GoogleAppsScript.Document.Document;

/** The document body as a list of paragraphs; the Docs add-on grows this model. */
export class FakeBody implements Mirror<Body, 'getText'> {
  constructor(
    public paragraphs: string[],
    private readonly calls: CallLog,
  ) {}

  getText(): string {
    this.calls.record('Body.getText');
    return this.paragraphs.join('\n');
  }
}

export class FakeDocument implements Mirror<Document, 'getName' | 'getId'> {
  readonly body: FakeBody;

  constructor(
    private readonly name: string,
    paragraphs: string[],
    private readonly calls: CallLog,
  ) {
    this.body = new FakeBody(paragraphs, calls);
  }

  getName(): string {
    this.calls.record('Document.getName');
    return this.name;
  }

  getId(): string {
    return 'preview-document';
  }

  getBody(): FakeBody {
    this.calls.record('Document.getBody');
    return this.body;
  }
}

export class FakeDocumentApp {
  constructor(
    private readonly document: FakeDocument,
    private readonly ui: FakeUi,
    private readonly calls: CallLog,
  ) {}

  getActiveDocument(): FakeDocument {
    this.calls.record('DocumentApp.getActiveDocument');
    return this.document;
  }

  getUi(): FakeUi {
    this.calls.record('DocumentApp.getUi');
    return this.ui;
  }
}
