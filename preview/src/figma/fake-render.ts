import type { HostExportSettings } from '@onbrand/figma-plugin/host';

// Real pixels for `exportAsync` in the browser: the fake's layers drawn onto an offscreen canvas
// (boxes, fills, text at the fake text model's lines and line height; image fills as the same soft
// placeholder the canvas shows, since the preview holds no picture data). Where no OffscreenCanvas
// exists (tests under Node), the caller falls back to stand-in bytes with the right signature and size.

/** The parts of a fake layer the drawing reads; text layers add their lines and runs. */
export interface DrawableNode {
  readonly type: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly visible: boolean;
  readonly opacity?: number;
  readonly fills?: unknown;
  readonly clipsContent?: boolean;
  readonly children?: readonly DrawableNode[];
  readonly characters?: string;
  layoutLines?(): { lines: string[]; lineHeight: number };
  runsSnapshot?(): readonly { start: number; end: number; fontSize: number; fontName: FontName; fills: readonly Paint[] }[];
}

type Context = OffscreenCanvasRenderingContext2D;

function rgba(paint: SolidPaint): string {
  const { r, g, b } = paint.color;
  return `rgba(${Math.round(r * 255)}, ${Math.round(g * 255)}, ${Math.round(b * 255)}, ${paint.opacity ?? 1})`;
}

function paintBox(ctx: Context, node: DrawableNode, x: number, y: number): void {
  const fills = Array.isArray(node.fills) ? (node.fills as Paint[]) : [];
  for (const paint of fills) {
    if (paint.visible === false) continue;
    if (paint.type === 'SOLID') ctx.fillStyle = rgba(paint);
    else if (paint.type === 'IMAGE') {
      const gradient = ctx.createLinearGradient(x, y, x + node.width, y + node.height);
      gradient.addColorStop(0, '#8fb8de');
      gradient.addColorStop(0.6, '#d7e8c8');
      gradient.addColorStop(1, '#f4d9a6');
      ctx.fillStyle = gradient;
    } else continue;
    if (node.type === 'ELLIPSE') {
      ctx.beginPath();
      ctx.ellipse(x + node.width / 2, y + node.height / 2, node.width / 2, node.height / 2, 0, 0, Math.PI * 2);
      ctx.fill();
    } else ctx.fillRect(x, y, node.width, node.height);
  }
}

function paintText(ctx: Context, node: DrawableNode, x: number, y: number): void {
  if (!node.layoutLines || !node.runsSnapshot || node.characters === undefined) return;
  const text = node.characters;
  const runs = node.runsSnapshot();
  const { lines, lineHeight } = node.layoutLines();
  let cursor = 0;
  lines.forEach((line, index) => {
    const start = Math.max(cursor, text.indexOf(line, cursor));
    const end = start + line.length;
    cursor = end;
    let left = x;
    for (const run of runs) {
      if (run.end <= start || run.start >= end) continue;
      const words = text.slice(Math.max(start, run.start), Math.min(end, run.end));
      const weight = /bold/i.test(run.fontName.style) ? 700 : /semi|medium/i.test(run.fontName.style) ? 600 : 400;
      ctx.font = `${weight} ${run.fontSize}px Inter, system-ui, sans-serif`;
      const solid = run.fills.find((paint): paint is SolidPaint => paint.type === 'SOLID' && paint.visible !== false);
      ctx.fillStyle = solid ? rgba(solid) : '#000';
      ctx.textBaseline = 'middle';
      ctx.fillText(words, left, y + index * lineHeight + lineHeight / 2);
      left += ctx.measureText(words).width;
    }
  });
}

/** Draws a layer whose parent's frame-relative origin is (ox, oy); group children keep frame coordinates. */
function paintNode(ctx: Context, node: DrawableNode, ox: number, oy: number, exported = false): void {
  // The exported layer itself is drawn even when hidden on the canvas.
  if (!node.visible && !exported) return;
  const x = ox + node.x;
  const y = oy + node.y;
  ctx.save();
  ctx.globalAlpha *= node.opacity ?? 1;
  if (node.type === 'TEXT') paintText(ctx, node, x, y);
  else if (node.type !== 'GROUP') paintBox(ctx, node, x, y);
  if (node.clipsContent) {
    ctx.beginPath();
    ctx.rect(x, y, node.width, node.height);
    ctx.clip();
  }
  const inner = node.type === 'GROUP' ? { x: ox, y: oy } : { x, y };
  for (const child of node.children ?? []) paintNode(ctx, child, inner.x, inner.y);
  ctx.restore();
}

/** PNG or JPG bytes of the layer as drawn, or null where the browser's canvas is not available (or for PDF). */
export function renderExport(node: DrawableNode, settings: HostExportSettings): Promise<Uint8Array> | null {
  if (typeof OffscreenCanvas === 'undefined' || (settings.format !== 'PNG' && settings.format !== 'JPG')) return null;
  const scale = settings.constraint?.type === 'SCALE' ? settings.constraint.value : 1;
  const canvas = new OffscreenCanvas(Math.max(1, Math.round(node.width * scale)), Math.max(1, Math.round(node.height * scale)));
  const ctx = canvas.getContext('2d')!;
  // JPG has no transparency: Figma puts such exports on white.
  if (settings.format === 'JPG') {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  ctx.scale(scale, scale);
  paintNode(ctx, node, -node.x, -node.y, true);
  return canvas
    .convertToBlob({ type: settings.format === 'PNG' ? 'image/png' : 'image/jpeg', quality: 0.92 })
    .then((blob) => blob.arrayBuffer())
    .then((buffer) => new Uint8Array(buffer));
}

