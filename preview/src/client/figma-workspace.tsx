import { useEffect, useRef, useState } from 'preact/hooks';
import { addSampleCampaign, FakeFigma, type FakeSceneNode, type FakeSectionNode } from '../figma';

type CanvasNode = FakeSceneNode | FakeSectionNode;
const childrenOf = (node: CanvasNode): CanvasNode[] => ('children' in node ? (node.children as CanvasNode[]) : []);
import { PluginWindow } from './plugin-window';

declare global {
  interface Window {
    __preview?: { figma: FakeFigma };
  }
}

const canvasScale = 0.22;

/** Runs the built code.js as Figma would: `figma` and `__html__` in scope, nothing else added. */
async function runPlugin(figma: FakeFigma): Promise<void> {
  const [code, html] = await Promise.all([fetch('/figma/code.js').then((r) => r.text()), fetch('/figma/ui.html').then((r) => r.text())]);
  new Function('figma', '__html__', code)(figma, html);
}

function LayerRow(props: { node: CanvasNode; depth: number; selected: ReadonlySet<string>; onSelect: (node: CanvasNode, add: boolean) => void }) {
  const { node, depth, selected } = props;
  return (
    <>
      <li>
        <button
          class={`layer${selected.has(node.id) ? ' selected' : ''}`}
          style={{ paddingLeft: `${8 + depth * 14}px` }}
          aria-pressed={selected.has(node.id)}
          data-layer-name={node.name}
          onClick={(event) => props.onSelect(node, event.shiftKey)}
        >
          <span class="layer-type">{node.type.toLowerCase()}</span> {node.name}
        </button>
      </li>
      {childrenOf(node).map((child) => (
        <LayerRow key={child.id} node={child} depth={depth + 1} selected={selected} onSelect={props.onSelect} />
      ))}
    </>
  );
}

export function FigmaWorkspace() {
  const [, setTick] = useState(0);
  const redraw = () => setTick((tick) => tick + 1);
  const [window_] = useState(() => new PluginWindow());
  const [figma] = useState(() => {
    const fake = new FakeFigma(window_);
    addSampleCampaign(fake);
    window.__preview = { ...window.__preview, figma: fake };
    return fake;
  });
  const frame = useRef<HTMLIFrameElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    window_.onShow = redraw;
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { pluginMessage?: unknown } | null;
      if (window_.isFrom(event.source) && data && typeof data === 'object' && 'pluginMessage' in data) figma.ui.deliver(data.pluginMessage);
    };
    window.addEventListener('message', onMessage);
    runPlugin(figma).catch((failure: unknown) => setError(`The plugin failed to start: ${(failure as Error).message}`));
    return () => window.removeEventListener('message', onMessage);
  }, []);

  const selection = new Set(figma.currentPage.selectionSnapshot().map((node) => node.id));
  function select(node: CanvasNode, add: boolean) {
    const current = figma.currentPage.selectionSnapshot();
    figma.currentPage.selectAsUser(add ? (current.includes(node) ? current.filter((n) => n !== node) : [...current, node]) : [node]);
    redraw();
  }

  return (
    <div class="figma-workspace">
      <nav class="layers" aria-label="Layers">
        <h2>{figma.currentPage.name}</h2>
        <ul>
          {figma.currentPage.children.map((node) => (
            <LayerRow key={node.id} node={node} depth={0} selected={selection} onSelect={select} />
          ))}
        </ul>
      </nav>
      <section class="canvas" aria-label="Canvas">
        {figma.currentPage.children.map((node) => (
          <div
            key={node.id}
            class={`canvas-node${selection.has(node.id) ? ' selected' : ''}`}
            style={{ left: `${16 + node.x * canvasScale}px`, top: `${16 + node.y * canvasScale}px`, width: `${node.width * canvasScale}px`, height: `${node.height * canvasScale}px` }}
            onClick={(event) => select(node, event.shiftKey)}
          >
            <span>{node.name}</span>
          </div>
        ))}
      </section>
      <aside class="plugin-window" aria-label="Onbrand plugin">
        <header>Onbrand</header>
        {error && <p class="preview-error">{error}</p>}
        {window_.html !== null && (
          <iframe
            ref={(element) => {
              frame.current = element;
              window_.attach(element);
            }}
            title="Onbrand plugin"
            srcdoc={window_.html}
            width={window_.options?.width ?? 300}
            height={window_.options?.height ?? 200}
            onLoad={() => window_.markLoaded()}
          />
        )}
      </aside>
    </div>
  );
}
