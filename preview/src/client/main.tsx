import { render } from 'preact';
import { useState } from 'preact/hooks';
import { sampleDocument } from '../server/sample-document';
import { sampleSpreadsheet } from '../server/sample-spreadsheet';
import { AddonWorkspace } from './addon-workspace';
import { FigmaWorkspace } from './figma-workspace';
import './preview.css';

const tabs = [
  { id: 'figma', label: 'Figma plugin' },
  { id: 'sheets', label: 'Sheets add-on' },
  { id: 'docs', label: 'Docs add-on' },
] as const;
type TabId = (typeof tabs)[number]['id'];

function Preview() {
  const fromHash = location.hash.slice(1);
  const [active, setActive] = useState<TabId>(tabs.some((tab) => tab.id === fromHash) ? (fromHash as TabId) : 'figma');
  const open = (id: TabId) => {
    setActive(id);
    history.replaceState(null, '', `#${id}`);
  };
  return (
    <div class="preview">
      <header class="preview-header">
        <strong>Onbrand preview</strong>
        <span class="muted">Simulated hosts, offline. No account needed.</span>
        <nav role="tablist" aria-label="Surfaces">
          {tabs.map((tab) => (
            <button key={tab.id} role="tab" id={`tab-${tab.id}`} aria-selected={active === tab.id} onClick={() => open(tab.id)}>
              {tab.label}
            </button>
          ))}
        </nav>
      </header>
      {/* Every surface stays mounted so a running plugin or open sidebar keeps its state across tabs. */}
      <section role="tabpanel" aria-labelledby="tab-figma" hidden={active !== 'figma'}>
        <FigmaWorkspace />
      </section>
      <section role="tabpanel" aria-labelledby="tab-sheets" hidden={active !== 'sheets'}>
        <AddonWorkspace addon="sheets" fileName={sampleSpreadsheet.name} />
      </section>
      <section role="tabpanel" aria-labelledby="tab-docs" hidden={active !== 'docs'}>
        <AddonWorkspace addon="docs" fileName={sampleDocument.name} />
      </section>
    </div>
  );
}

render(<Preview />, document.getElementById('app')!);
