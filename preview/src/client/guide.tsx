export type GuideSurface = 'figma' | 'sheets' | 'docs';

/** What to try first on each surface, in three steps. */
export const guides: Record<GuideSurface, { title: string; steps: [string, string, string] }> = {
  figma: {
    title: 'First steps in the Figma plugin',
    steps: [
      'Click “Spring Sale — Master” in the layers panel, then “Use selection” in the plugin.',
      'Generate versions in the Create tab; zoom with the buttons or Ctrl + wheel to look closely.',
      'Double-click the master’s headline to retype it, then “Update versions from master” in Versions.',
    ],
  },
  sheets: {
    title: 'First steps in the Sheets add-on',
    steps: [
      'Open Extensions → Open Onbrand to show the add-on’s sidebar.',
      'Click a cell and type: a use case and its scores, or =ONBRAND_SAMPLE_SIZE(0.05, 0.1).',
      'Select a column or a block of results, then check or analyse it from the sidebar.',
    ],
  },
  docs: {
    title: 'First steps in the Docs add-on',
    steps: [
      'Open Extensions → Open Onbrand, then press Check to see what the brand kit flags.',
      'Select a sentence in the page with the mouse, or with Shift and the arrow keys.',
      'In the sidebar’s Draft tab, “Rewrite to brand voice”; keep the version you like in Review.',
    ],
  },
};

const storageKey = (surface: GuideSurface) => `onbrand-preview-guide-dismissed-${surface}`;

export function guideDismissed(surface: GuideSurface): boolean {
  try {
    return localStorage.getItem(storageKey(surface)) === 'yes';
  } catch {
    return false;
  }
}

export function rememberGuide(surface: GuideSurface, dismissed: boolean): void {
  try {
    if (dismissed) localStorage.setItem(storageKey(surface), 'yes');
    else localStorage.removeItem(storageKey(surface));
  } catch {
    // Without storage the guide simply shows again next visit.
  }
}

/** A small card in a corner of the surface, clear of the add-on's own window or sidebar. */
export function FirstRunGuide(props: { surface: GuideSurface; onDismiss: () => void }) {
  const guide = guides[props.surface];
  const id = `guide-${props.surface}`;
  return (
    <aside class={`first-run-guide guide-${props.surface}`} aria-labelledby={id}>
      <h2 id={id}>{guide.title}</h2>
      <ol>
        {guide.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <button type="button" onClick={props.onDismiss}>
        Got it
      </button>
    </aside>
  );
}
