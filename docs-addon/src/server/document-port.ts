import type { DocumentSummary } from '../contract';

/** Reads the document's title and body text in two calls, whatever its length. */
export function readDocumentSummary(document: GoogleAppsScript.Document.Document): DocumentSummary {
  const text = document.getBody().getText();
  const paragraphs = text.split('\n').filter((line) => line.trim() !== '');
  const wordCount = paragraphs.reduce((sum, line) => sum + line.trim().split(/\s+/).length, 0);
  return { title: document.getName(), paragraphCount: paragraphs.length, wordCount };
}
