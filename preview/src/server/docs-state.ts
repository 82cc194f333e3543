import type { DocsEnvironment } from '../apps-script';

/** The document as the preview draws it. */
export function documentState(environment: DocsEnvironment) {
  return { kind: 'docs' as const, paragraphs: environment.document.body.paragraphs };
}
