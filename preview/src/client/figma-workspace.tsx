import { useEffect, useRef, useState } from 'preact/hooks';
import { addSampleCampaign, FakeFigma, FakeTextNode, type FakeSceneNode, type FakeSectionNode } from '../figma';
import { PluginWindow } from './plugin-window';

declare global {
  interface Window {
    __preview?: { figma: FakeFigma };
  }
}

type CanvasNode = FakeSceneNode | FakeSectionNode;
const childrenOf = (node: CanvasNode): CanvasNode[] => ('children' in node ? (node.children as CanvasNode[]) : []);

/** Runs the built code.js as Figma would: `figma` and `__html__` in scope, nothing else added. */
async function runPlugin(figma: FakeFigma): Promise<void> {
  const [code, html] = await Promise.all([fetch('/figma/code.js').then((r) => r.text()), fetch('/figma/ui.html').then((r) => r.text())]);
  new Function('figma', '__html__', code)(figma, html);
}

function css(paint: Paint | undefined): string | undefined {
  if (!paint || paint.visible === false) return undefined;
  if (paint.type === 'SOLID') {
    const { r, g, b } = paint.color;
    return `rgba(${Math.round(r * 255)}, ${Math.round(g * 255)}, ${Math.round(b * 255)}, ${paint.opacity ?? 1})`;
  }
  // Images are drawn as a soft placeholder: the preview has no pixels, only the layer's box.
  if (paint.type === 'IMAGE') return 'linear-gradient(135deg, #8fb8de 0%, #d7e8c8 60%, #f4d9a6 100%)';
  return undefined;
}

function TextRuns(props: { node: FakeTextNode; scale: number }) {
  const { node, scale } = props;
  return (
    <>
      {node.runsSnapshot().map((run) => {
        const fill = run.fills[0];
        return (
          <span
            key={`${run.start}-${run.end}`}
            style={{
              fontSize: `${run.fontSize * scale}px`,
              fontWeight: /bold/i.test(run.fontName.style) ? 700 : /semi|medium/i.test(run.fontName.style) ? 600 : 400,
              color: fill ? css(fill) : undefined,
              textDecoration: run.hyperlink ? 'underline' : undefined,
            }}
          >
            {node.characters.slice(run.start, run.end)}
          </span>
        );
      })}
    </>
  );
}

interface DrawProps {
  node: CanvasNode;
  scale: number;
  /** The frame-relative origin of this node's parent (groups do not shift their children). */
  originX: number;
  originY: number;
  selected: ReadonlySet<string>;
  zoomed: ReadonlySet<string>;
  onSelect: (node: CanvasNode, add: boolean) => void;
  top?: boolean;
}

/** Draws a layer and its children at the canvas scale. */
function Draw(props: DrawProps) {
  const { node, scale, selected, zoomed } = props;
  if ('visible' in node && !node.visible) return null;
  const isGroup = node.type === 'GROUP';
  const fills = node.type !== 'TEXT' && node.type !== 'GROUP' && 'fills' in node && Array.isArray(node.fills) ? (node.fills as Paint[]) : [];
  const background = fills.length ? fills.map((paint) => css(paint)).filter(Boolean).reverse()[0] : undefined;
  const classes = ['canvas-node', `kind-${node.type.toLowerCase()}`, selected.has(node.id) ? 'selected' : '', zoomed.has(node.id) ? 'zoomed' : ''].filter(Boolean).join(' ');
  // Group children keep frame coordinates; the group's own box sits at its x/y.
  const childOrigin = isGroup ? { x: node.x, y: node.y } : { x: 0, y: 0 };
  return (
    <div
      class={classes}
      data-node-id={node.id}
      data-node-name={node.name}
      style={{
        left: `${(node.x - props.originX) * scale}px`,
        top: `${(node.y - props.originY) * scale}px`,
        width: `${node.width * scale}px`,
        height: `${node.height * scale}px`,
        background: node.type === 'SECTION' ? 'rgba(255,255,255,0.5)' : background?.startsWith('linear') ? undefined : background,
        backgroundImage: background?.startsWith('linear') ? background : undefined,
        overflow: node.type === 'FRAME' || node.type === 'COMPONENT' || node.type === 'INSTANCE' ? 'hidden' : 'visible',
        border: node.type === 'SECTION' ? '1px dashed #9a9a9a' : props.top ? '1px solid #c4c4c4' : undefined,
      }}
      onClick={(event) => {
        if (!props.top && node.type !== 'SECTION' && !(node.parent && node.parent.type === 'SECTION')) return;
        event.stopPropagation();
        props.onSelect(node, event.shiftKey);
      }}
    >
      {(props.top || node.type === 'SECTION' || node.parent?.type === 'SECTION') && <span class="canvas-label">{node.name}</span>}
      {node instanceof FakeTextNode && (
        <div class="canvas-text" style={{ lineHeight: 1.15 }}>
          <TextRuns node={node} scale={scale} />
        </div>
      )}
      {childrenOf(node).map((child) => (
        <Draw key={child.id} {...props} node={child} originX={childOrigin.x} originY={childOrigin.y} top={false} />
      ))}
    </div>
  );
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
          data-layer-id={node.id}
          onClick={(event) => props.onSelect(node, event.shiftKey)}
        >
          <span class="layer-type">{node.type.toLowerCase()}</span> {node.name}
          {'locked' in node && node.locked ? ' 🔒' : ''}
        </button>
      </li>
      {childrenOf(node).map((child) => (
        <LayerRow key={child.id} node={child} depth={depth + 1} selected={selected} onSelect={props.onSelect} />
      ))}
    </>
  );
}

/** The canvas scale that fits every top-level layer into the canvas width. */
function fitScale(nodes: readonly CanvasNode[], room: number): { scale: number; minX: number; minY: number } {
  if (!nodes.length) return { scale: 0.22, minX: 0, minY: 0 };
  const minX = Math.min(...nodes.map((node) => node.x));
  const minY = Math.min(...nodes.map((node) => node.y));
  const maxX = Math.max(...nodes.map((node) => node.x + node.width));
  return { scale: Math.min(0.22, room / Math.max(1, maxX - minX)), minX, minY };
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
  const canvas = useRef<HTMLElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    window_.onShow = redraw;
    // Every message from the main thread may follow a change to the file: draw it again.
    window_.onPost = redraw;
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { pluginMessage?: unknown } | null;
      if (window_.isFrom(event.source) && data && typeof data === 'object' && 'pluginMessage' in data) figma.ui.deliver(data.pluginMessage);
    };
    window.addEventListener('message', onMessage);
    runPlugin(figma).catch((failure: unknown) => setError(`The plugin failed to start: ${(failure as Error).message}`));
    return () => window.removeEventListener('message', onMessage);
  }, []);

  // scrollAndZoomIntoView: bring the layer the plugin zoomed to into view.
  const zoomed = new Set(figma.zoomedTo);
  useEffect(() => {
    const id = figma.zoomedTo[0];
    if (id) canvas.current?.querySelector(`[data-node-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [figma.zoomedTo]);

  const selection = new Set(figma.currentPage.selectionSnapshot().map((node) => node.id));
  function select(node: CanvasNode, add: boolean) {
    const current = figma.currentPage.selectionSnapshot();
    figma.currentPage.selectAsUser(add ? (current.includes(node) ? current.filter((n) => n !== node) : [...current, node]) : [node]);
    redraw();
  }
  const top = figma.currentPage.children as CanvasNode[];
  const { scale, minX, minY } = fitScale(top, 1100);

  return (
    <div class="figma-workspace">
      <nav class="layers" aria-label="Layers">
        <h2>{figma.currentPage.name}</h2>
        <ul>
          {top.map((node) => (
            <LayerRow key={node.id} node={node} depth={0} selected={selection} onSelect={select} />
          ))}
        </ul>
      </nav>
      <section class="canvas" aria-label="Canvas" ref={canvas}>
        <style>{canvasCss}</style>
        <div class="canvas-origin" style={{ position: 'relative', left: '16px', top: '24px' }}>
          {top.map((node) => (
            <Draw key={node.id} node={node} scale={scale} originX={minX} originY={minY} selected={selection} zoomed={zoomed} onSelect={select} top />
          ))}
        </div>
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

// The canvas's own drawing rules (the page stylesheet styles the frame around it).
const canvasCss = `
.canvas .canvas-node { position: absolute; box-sizing: border-box; cursor: default; background: transparent; border: 0; }
.canvas .canvas-text span { position: static; white-space: pre-wrap; }
.canvas .kind-section > .canvas-label, .canvas .canvas-node > .canvas-label { position: absolute; top: -14px; left: 0; font-size: 9px; color: #6e6e6e; white-space: nowrap; pointer-events: none; }
.canvas .kind-section { cursor: pointer; }
.canvas .canvas-node.selected { outline: 2px solid #0d99ff; outline-offset: 1px; z-index: 1; }
.canvas .canvas-node.zoomed { outline: 2px solid #f24822; outline-offset: 2px; z-index: 2; }
.canvas .canvas-text { font-family: Inter, system-ui, sans-serif; white-space: pre-wrap; overflow-wrap: anywhere; }
`;
