import type { CreativeSnapshot, Paint, SnapshotNode } from '../../../shared/src/visual';

// Renders a snapshot as absolutely placed HTML, so Chromium can draw a version for a person to judge:
// solid fills, pictures as a tinted placeholder with their crop, text wrapped by the browser's own
// layout in the layer's box (overflow shows, as it would in Figma with clipping off).

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function background(fills: readonly Paint[], id: string): string {
  const layers: string[] = [];
  for (const paint of [...fills].reverse()) {
    if (!paint.visible) continue;
    if (paint.type === 'SOLID') {
      const alpha = Math.round(paint.opacity * 255).toString(16).padStart(2, '0');
      layers.push(`linear-gradient(${paint.color}${alpha}, ${paint.color}${alpha})`);
    } else {
      // A picture: a diagonal two-tone placeholder seeded by its reference, so crops are visible.
      const seed = [...(paint.imageRef ?? id)].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) % 360, 7);
      layers.push(`repeating-linear-gradient(45deg, hsl(${seed} 35% 55%) 0 14px, hsl(${seed} 35% 48%) 14px 28px)`);
    }
  }
  return layers.length ? `background:${layers.join(',')};` : '';
}

function nodeHtml(node: SnapshotNode, root = false): string {
  if (!node.visible) return '';
  const box = `left:${node.x}px;top:${node.y}px;width:${node.width}px;height:${node.height}px;opacity:${node.opacity};`;
  if (node.type === 'text') {
    const fill = node.fills.find((paint) => paint.type === 'SOLID' && paint.visible);
    const color = fill?.type === 'SOLID' ? fill.color : '#000';
    const weight = /bold|black|heavy/i.test(node.fontStyle) ? 700 : /semi/i.test(node.fontStyle) ? 600 : /medium/i.test(node.fontStyle) ? 500 : 400;
    const wrap = node.textAutoResize === 'WIDTH_AND_HEIGHT' ? 'white-space:pre;' : 'white-space:pre-wrap;overflow-wrap:anywhere;';
    const line = node.lineHeight ? `${node.lineHeight}px` : '1.2';
    // Auto-width text sizes itself in Figma; only fixed and auto-height boxes are the plan's to fit.
    const kind = node.textAutoResize === 'WIDTH_AND_HEIGHT' ? 't auto' : 't';
    return `<div class="${kind}" style="${box}font-family:Inter,'Helvetica Neue',Arial,sans-serif;font-size:${node.fontSize}px;line-height:${line};letter-spacing:${node.letterSpacing}px;font-weight:${weight};color:${color};text-align:${node.textAlignHorizontal.toLowerCase()};${wrap}">${escape(node.characters)}</div>`;
  }
  const radius = node.type === 'shape' && node.shapeType === 'ELLIPSE' ? 'border-radius:50%;' : node.type === 'shape' && node.cornerRadius ? `border-radius:${node.cornerRadius}px;` : '';
  const clip = node.type === 'frame' && node.clipsContent && !root ? 'overflow:hidden;' : '';
  const inner = node.type === 'frame' || node.type === 'group' ? node.children.map((child) => nodeHtml(child)).join('') : '';
  const pos = root ? `left:0;top:0;width:${node.width}px;height:${node.height}px;overflow:hidden;` : box;
  return `<div style="${pos}${background(node.fills, node.id)}${radius}${clip}">${inner}</div>`;
}

/** The snapshot as one absolutely placed block of HTML (needs `div{position:absolute;box-sizing:border-box}`). */
export function snapshotHtml(snapshot: CreativeSnapshot): string {
  return nodeHtml(snapshot, true);
}

/** Styles the rendered blocks need. */
export const renderStyle = 'div{position:absolute;box-sizing:border-box}.t{margin:0}';

/** A page holding the snapshot at 1:1 with a caption, for a screenshot. */
export function snapshotPage(snapshot: CreativeSnapshot, caption: string): string {
  return `<!doctype html><meta charset="utf-8"><style>body{margin:0;background:#e5e7eb;font-family:sans-serif}div{position:absolute;box-sizing:border-box}.t{margin:0}#cap{position:static;padding:8px 12px;font-size:13px;color:#111}#stage{position:relative;margin:0 12px 12px;width:${snapshot.width}px;height:${snapshot.height}px;box-shadow:0 0 0 1px #9ca3af}</style><div id="cap">${escape(caption)}</div><div id="stage">${nodeHtml(snapshot, true)}</div>`;
}
