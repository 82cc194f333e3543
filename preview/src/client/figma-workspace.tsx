import { useEffect, useRef, useState } from 'preact/hooks';
import { addSampleCampaign, FakeFigma, FakeTextNode, type FakeSceneNode, type FakeSectionNode } from '../figma';
import { PluginWindow } from './plugin-window';
import { onThemeChange } from './theme';

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

/** A text layer's runs, line by line where the fake's text model breaks them, at its line height. */
function TextLines(props: { node: FakeTextNode; scale: number }) {
  const { node, scale } = props;
  const runs = node.runsSnapshot();
  const { lines, lineHeight } = node.layoutLines();
  const text = node.characters;
  let cursor = 0;
  return (
    <>
      {lines.map((line, index) => {
        const start = Math.max(cursor, text.indexOf(line, cursor));
        const end = start + line.length;
        cursor = end;
        return (
          <div key={index} class="canvas-line" style={{ height: `${lineHeight * scale}px`, lineHeight: `${lineHeight * scale}px` }}>
            {runs
              .filter((run) => run.end > start && run.start < end)
              .map((run) => {
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
                    {text.slice(Math.max(start, run.start), Math.min(end, run.end))}
                  </span>
                );
              })}
          </div>
        );
      })}
    </>
  );
}

/**
 * Types over a text layer the way a person does in Figma: only the words that changed are
 * replaced, so the words around keep their style (a mint "30%" typed over to "40%" stays mint).
 */
async function typeOver(figma: FakeFigma, node: FakeTextNode, next: string): Promise<void> {
  const old = node.characters;
  if (old === next) return;
  for (const font of old.length ? node.getRangeAllFontNames(0, old.length) : [node.fontName as FontName]) await figma.loadFontAsync(font);
  let head = 0;
  while (head < old.length && head < next.length && old[head] === next[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < next.length - head && old[old.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  const inserted = next.slice(head, next.length - tail);
  if (inserted) node.insertCharacters(head, inserted, head > 0 && head === old.length - tail ? 'BEFORE' : 'AFTER');
  const from = head + inserted.length;
  const to = from + (old.length - tail - head);
  if (to > from) node.deleteCharacters(from, to);
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
  editing: string | null;
  onEdit: (node: FakeTextNode | null, text?: string) => void;
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
        // The innermost layer under the pointer takes the click, as in Figma's deep select.
        event.stopPropagation();
        props.onSelect(node, event.shiftKey);
      }}
      onDblClick={(event) => {
        if (!(node instanceof FakeTextNode)) return;
        event.stopPropagation();
        props.onEdit(node);
      }}
    >
      {(props.top || node.type === 'SECTION' || node.parent?.type === 'SECTION') && <span class="canvas-label">{node.name}</span>}
      {node instanceof FakeTextNode &&
        (props.editing === node.id ? (
          <textarea
            class="canvas-editor"
            aria-label={`Edit the text of ${node.name}`}
            ref={(element) => {
              if (element && document.activeElement !== element) element.focus();
            }}
            defaultValue={node.characters}
            style={{ fontSize: `${(node.runsSnapshot()[0]?.fontSize ?? 12) * scale}px` }}
            onClick={(event) => event.stopPropagation()}
            onKeyDown={(event) => {
              if (event.key === 'Escape') (event.currentTarget as HTMLTextAreaElement).blur();
            }}
            onBlur={(event) => props.onEdit(null, (event.currentTarget as HTMLTextAreaElement).value)}
          />
        ) : (
          <div class="canvas-text">
            <TextLines node={node} scale={scale} />
          </div>
        ))}
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

interface View {
  zoom: number;
  x: number;
  y: number;
}

const minZoom = 0.02;
const maxZoom = 8;
const clampZoom = (zoom: number) => Math.min(maxZoom, Math.max(minZoom, zoom));

/** The view that shows a box (in canvas coordinates) whole and centred in a room of the given size. */
function viewOf(box: { x: number; y: number; width: number; height: number }, room: { width: number; height: number }, most = 1): View {
  const pad = 48;
  const zoom = clampZoom(Math.min(most, (room.width - 2 * pad) / Math.max(1, box.width), (room.height - 2 * pad) / Math.max(1, box.height)));
  return { zoom, x: room.width / 2 - (box.x + box.width / 2) * zoom, y: room.height / 2 - (box.y + box.height / 2) * zoom };
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
  const [view, setView] = useState<View>({ zoom: 0.22, x: 16, y: 40 });
  const viewRef = useRef(view);
  viewRef.current = view;
  const [editing, setEditing] = useState<string | null>(null);
  const [windowAt, setWindowAt] = useState<{ x: number; y: number } | null>(null);
  const drag = useRef<{ kind: 'pan' | 'window'; x: number; y: number; startX: number; startY: number } | null>(null);
  const space = useRef(false);
  const [panning, setPanning] = useState(false);

  const room = () => {
    const rect = canvas.current?.getBoundingClientRect();
    return { width: rect?.width ?? 1000, height: rect?.height ?? 700 };
  };
  /** The canvas box around the drawn layers with these ids (read from the drawing, so nesting needs no arithmetic). */
  const boxOf = (ids: readonly string[]) => {
    const host = canvas.current;
    if (!host) return null;
    const origin = host.getBoundingClientRect();
    const { zoom, x, y } = viewRef.current;
    const rects = ids.flatMap((id) => {
      const element = host.querySelector(`[data-node-id="${CSS.escape(id)}"]`);
      return element ? [element.getBoundingClientRect()] : [];
    });
    if (!rects.length) return null;
    const left = Math.min(...rects.map((r) => r.left));
    const top = Math.min(...rects.map((r) => r.top));
    const right = Math.max(...rects.map((r) => r.right));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    return { x: (left - origin.left - x) / zoom, y: (top - origin.top - y) / zoom, width: (right - left) / zoom, height: (bottom - top) / zoom };
  };
  const zoomToFit = () => {
    const box = boxOf((figma.currentPage.children as CanvasNode[]).map((node) => node.id));
    if (box) setView(viewOf(box, room()));
  };
  const zoomToSelection = () => {
    const box = boxOf(figma.currentPage.selectionSnapshot().map((node) => node.id));
    if (box) setView(viewOf(box, room(), maxZoom));
  };
  /** Zooms by a factor around a point of the canvas area (its centre by default), as Figma does. */
  const zoomBy = (factor: number, at?: { x: number; y: number }) => {
    const { zoom, x, y } = viewRef.current;
    const point = at ?? { x: room().width / 2, y: room().height / 2 };
    const next = clampZoom(zoom * factor);
    setView({ zoom: next, x: point.x - ((point.x - x) * next) / zoom, y: point.y - ((point.y - y) * next) / zoom });
  };

  useEffect(() => {
    window_.onShow = redraw;
    // Every message from the main thread may follow a change to the file: draw it again.
    window_.onPost = redraw;
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { pluginMessage?: unknown } | null;
      if (window_.isFrom(event.source) && data && typeof data === 'object' && 'pluginMessage' in data) figma.ui.deliver(data.pluginMessage);
    };
    window.addEventListener('message', onMessage);
    const stopTheme = onThemeChange((theme) => window_.setTheme(theme));
    runPlugin(figma).catch((failure: unknown) => setError(`The plugin failed to start: ${(failure as Error).message}`));
    const keys = (event: KeyboardEvent) => {
      // Space pans only over the canvas: never while typing, nor on another surface of the preview.
      const typing = event.target instanceof HTMLElement && (/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable);
      if (canvas.current?.offsetParent === null) return;
      if (event.code === 'Space' && !typing) {
        space.current = event.type === 'keydown';
        setPanning(space.current);
        event.preventDefault();
      }
    };
    window.addEventListener('keydown', keys);
    window.addEventListener('keyup', keys);
    // Ctrl/⌘ + wheel (and a trackpad pinch) zooms around the pointer; the wheel alone pans.
    const wheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = canvas.current!.getBoundingClientRect();
      if (event.ctrlKey || event.metaKey) zoomBy(Math.exp(-event.deltaY * 0.01), { x: event.clientX - rect.left, y: event.clientY - rect.top });
      else {
        const { zoom, x, y } = viewRef.current;
        setView({ zoom, x: x - (event.shiftKey ? event.deltaY : event.deltaX), y: y - (event.shiftKey ? 0 : event.deltaY) });
      }
    };
    const area = canvas.current!;
    area.addEventListener('wheel', wheel, { passive: false });
    requestAnimationFrame(zoomToFit);
    return () => {
      window.removeEventListener('message', onMessage);
      stopTheme();
      window.removeEventListener('keydown', keys);
      window.removeEventListener('keyup', keys);
      area.removeEventListener('wheel', wheel);
    };
  }, []);

  // scrollAndZoomIntoView: bring the layers the plugin zoomed to into view.
  const zoomed = new Set(figma.zoomedTo);
  useEffect(() => {
    if (!figma.zoomedTo.length) return;
    const box = boxOf(figma.zoomedTo);
    if (box) setView(viewOf(box, room(), maxZoom));
  }, [figma.zoomedTo]);

  const selection = new Set(figma.currentPage.selectionSnapshot().map((node) => node.id));
  function select(node: CanvasNode, add: boolean) {
    const current = figma.currentPage.selectionSnapshot();
    figma.currentPage.selectAsUser(add ? (current.includes(node) ? current.filter((n) => n !== node) : [...current, node]) : [node]);
    redraw();
  }
  function edit(node: FakeTextNode | null, text?: string) {
    if (node) {
      figma.currentPage.selectAsUser([node]);
      setEditing(node.id);
      return;
    }
    const target = editing ? figma.findById(editing) : null;
    setEditing(null);
    if (target instanceof FakeTextNode && text !== undefined)
      typeOver(figma, target, text)
        .then(redraw)
        .catch((failure: unknown) => setError(`Could not change the text: ${(failure as Error).message}`));
  }
  const top = figma.currentPage.children as CanvasNode[];

  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 1 && !(event.button === 0 && space.current)) return;
    event.preventDefault();
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    drag.current = { kind: 'pan', x: event.clientX, y: event.clientY, startX: view.x, startY: view.y };
    setPanning(true);
  };
  const onPointerMove = (event: PointerEvent) => {
    const current = drag.current;
    if (!current) return;
    const dx = event.clientX - current.x;
    const dy = event.clientY - current.y;
    if (current.kind === 'pan') setView({ ...viewRef.current, x: current.startX + dx, y: current.startY + dy });
    else setWindowAt({ x: Math.max(0, current.startX + dx), y: Math.max(0, current.startY + dy) });
  };
  const onPointerUp = () => {
    drag.current = null;
    setPanning(space.current);
  };

  return (
    <div class="figma-workspace" onPointerMove={onPointerMove} onPointerUp={onPointerUp}>
      <nav class="layers" aria-label="Layers">
        <h2>{figma.currentPage.name}</h2>
        <ul>
          {top.map((node) => (
            <LayerRow key={node.id} node={node} depth={0} selected={selection} onSelect={select} />
          ))}
        </ul>
      </nav>
      <section class={`canvas${panning ? ' panning' : ''}`} aria-label="Canvas" ref={canvas} onPointerDown={onPointerDown} onClick={() => editing === null && (figma.currentPage.selectAsUser([]), redraw())}>
        <style>{canvasCss}</style>
        <div class="canvas-origin" data-zoom={view.zoom.toFixed(4)} style={{ transform: `translate(${view.x}px, ${view.y}px)` }}>
          {top.map((node) => (
            <Draw key={node.id} node={node} scale={view.zoom} originX={0} originY={0} selected={selection} zoomed={zoomed} onSelect={select} editing={editing} onEdit={edit} top />
          ))}
        </div>
        <div class="zoom-bar" role="toolbar" aria-label="Zoom" onClick={(event) => event.stopPropagation()} onPointerDown={(event) => event.stopPropagation()}>
          <button type="button" aria-label="Zoom out" onClick={() => zoomBy(1 / 1.5)}>−</button>
          <output aria-label="Zoom level">{Math.round(view.zoom * 100)}%</output>
          <button type="button" aria-label="Zoom in" onClick={() => zoomBy(1.5)}>+</button>
          <button type="button" onClick={zoomToFit}>Zoom to fit</button>
          <button type="button" onClick={zoomToSelection} disabled={!selection.size}>Zoom to selection</button>
        </div>
      </section>
      <aside class="plugin-window" aria-label="Onbrand plugin" style={windowAt ? { left: `${windowAt.x}px`, top: `${windowAt.y}px`, right: 'auto' } : undefined}>
        <header
          title="Drag to move the plugin window"
          onPointerDown={(event) => {
            const box = (event.currentTarget.parentElement as HTMLElement).getBoundingClientRect();
            const area = (event.currentTarget.closest('.figma-workspace') as HTMLElement).getBoundingClientRect();
            event.currentTarget.setPointerCapture(event.pointerId);
            drag.current = { kind: 'window', x: event.clientX, y: event.clientY, startX: box.left - area.left, startY: box.top - area.top };
          }}
        >
          Onbrand
        </header>
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
.canvas .canvas-text span { position: static; white-space: pre; }
.canvas .canvas-line { white-space: pre; overflow: visible; }
.canvas .canvas-editor { position: absolute; inset: 0; width: 100%; height: 100%; min-width: 120px; min-height: 24px; font-family: Inter, system-ui, sans-serif; resize: none; border: 2px solid #0d99ff; padding: 0; z-index: 3; background: rgba(255,255,255,0.95); color: #1e1e1e; }
.canvas .kind-section > .canvas-label, .canvas .canvas-node > .canvas-label { position: absolute; top: -14px; left: 0; font-size: 9px; color: #6e6e6e; white-space: nowrap; pointer-events: none; }
.canvas .kind-section { cursor: pointer; }
.canvas .canvas-node.selected { outline: 2px solid #0d99ff; outline-offset: 1px; z-index: 1; }
.canvas .canvas-node.zoomed { outline: 2px solid #f24822; outline-offset: 2px; z-index: 2; }
.canvas .canvas-text { font-family: Inter, system-ui, sans-serif; }
`;
