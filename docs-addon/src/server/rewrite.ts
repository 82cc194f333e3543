import { withDocumentLock } from '@onbrand/apps-script/server';
import { lintText } from '@onbrand/shared/lint';
import { rewriteToBrandSync } from '@onbrand/shared/generate';
import type { Inserted } from '../contract';
import { activeDocument, gatherSelection, paragraphOf, type Container } from './document-port';
import { insertMarked, notInserted } from './draft';
import { generateOptions, loadKit } from './kit-store';
import { publicMarks } from './marks';

const nothing = (notice: string) => notInserted([], notice);

/**
 * Rewrites the selection to the brand voice through the shared rewrite template. The rewrite goes
 * in right after the selection and the original stays, both held by named ranges, until the
 * writer keeps one.
 */
export function rewriteSelection(channel: string): Inserted {
  const doc = activeDocument();
  const selected = gatherSelection(doc);
  if (!selected) return nothing('Select the text to rewrite first.');
  const original = selected.paragraphs.map((p) => p.text).join('\n');
  if (!original.trim()) return nothing('The selection holds no text to rewrite (only an image?). Select some text.');
  const { kit } = loadKit();
  const target = channel ? { channel } : {};
  const findings = lintText(original, kit, target).findings;
  const { options, notices } = generateOptions();
  const result = rewriteToBrandSync(original, findings, kit, { ...options, ...target });
  if (!result.ok) return notInserted(result.issues, 'The rewrite could not start; nothing changed.');
  const rewrite = result.value;
  if (rewrite.text === original) return notInserted([], 'Nothing changed.', [...notices, ...rewrite.notices]);
  return withDocumentLock(() => {
    const selection = doc.getSelection()!;
    const items = selection.getRangeElements();
    const last = paragraphOf(items[items.length - 1]!.getElement())!;
    const container = last.getParent() as unknown as Container;
    const part = { label: 'Rewrite', channel: channel || null, blocks: rewrite.text.split('\n').map((text) => ({ text })), pieces: [rewrite] };
    const marks = insertMarked(doc, { container, index: container.getChildIndex(last) + 1 }, [part], rewrite.provenance, 'rewrite', { range: selection, text: original });
    return { inserted: true, marks: publicMarks(marks), issues: [], notices: ['The rewrite is below the original. Keep one of them.', ...notices, ...rewrite.notices] };
  });
}
