import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { sampleDocument } from '../server/sample-document';
import { sampleSpreadsheet } from '../server/sample-spreadsheet';
import { AddonWorkspace } from './addon-workspace';
import { FigmaWorkspace } from './figma-workspace';
import { FirstRunGuide, guideDismissed, rememberGuide } from './guide';
import { chooseTheme, currentTheme, onThemeChange, startTheme } from './theme';
import './preview.css';
import './theme.css';

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
    history.replaceState(null, '', `${location.search}#${id}`);
  };
  const [theme, setTheme] = useState(currentTheme);
  useEffect(() => onThemeChange(setTheme), []);
  const [hidden, setHidden] = useState(() => Object.fromEntries(tabs.map((tab) => [tab.id, guideDismissed(tab.id)])) as Record<TabId, boolean>);
  const showGuide = (id: TabId, show: boolean) => {
    rememberGuide(id, !show);
    setHidden({ ...hidden, [id]: !show });
  };
  const guide = (id: TabId) => !hidden[id] && <FirstRunGuide surface={id} onDismiss={() => showGuide(id, false)} />;
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
        <div class="preview-tools">
          <button type="button" aria-pressed={theme === 'dark'} onClick={() => chooseTheme(theme === 'dark' ? 'light' : 'dark')}>
            Dark theme
          </button>
          <button type="button" aria-label="Show the first steps for this surface" title="First steps" onClick={() => showGuide(active, true)}>
            ?
          </button>
        </div>
      </header>
      {/* Every surface stays mounted so a running plugin or open sidebar keeps its state across tabs. */}
      <section role="tabpanel" aria-labelledby="tab-figma" hidden={active !== 'figma'}>
        <FigmaWorkspace />
        {guide('figma')}
      </section>
      <section role="tabpanel" aria-labelledby="tab-sheets" hidden={active !== 'sheets'}>
        <AddonWorkspace addon="sheets" fileName={sampleSpreadsheet.name} />
        {guide('sheets')}
      </section>
      <section role="tabpanel" aria-labelledby="tab-docs" hidden={active !== 'docs'}>
        <AddonWorkspace addon="docs" fileName={sampleDocument.name} />
        {guide('docs')}
      </section>
    </div>
  );
}

startTheme();
render(<Preview />, document.getElementById('app')!);
