import { isHex } from '../color/hex';
import { formatPath, parseWith, type Issue, type Parsed } from '../issues';
import * as z from '../zod';

// The creative snapshot: a plain, validated copy of a Figma frame tree. The Figma adapter
// produces it, the visual rules lint it, the layout core plans resizes on it, and the CLI reads it
// from a file. Geometry is in design pixels, each node's x/y relative to its parent (as Figma's
// `x`/`y` are for children of frames; the adapter converts group children, whose Figma x/y are
// frame-relative, by subtracting the group's own x/y). Colours are `#RRGGBB` with a separate opacity.

export type Constraint = 'MIN' | 'CENTER' | 'MAX' | 'STRETCH' | 'SCALE';
export interface Constraints {
  horizontal: Constraint;
  vertical: Constraint;
}

export interface SolidPaint {
  type: 'SOLID';
  color: string;
  opacity: number;
  visible: boolean;
}
export interface ImagePaint {
  type: 'IMAGE';
  scaleMode: 'FILL' | 'FIT' | 'CROP' | 'TILE';
  imageRef?: string;
  opacity: number;
  visible: boolean;
}
export type Paint = SolidPaint | ImagePaint;

export type LayoutSizing = 'FIXED' | 'HUG' | 'FILL';

/** What every layer has. */
export interface BaseNode {
  id: string;
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: number;
  visible: boolean;
  locked: boolean;
  opacity: number;
  constraints: Constraints;
  fills: Paint[];
  /** Inside an auto-layout frame: ABSOLUTE children ignore the flow and follow their constraints. */
  layoutPositioning?: 'AUTO' | 'ABSOLUTE';
  /** Inside an auto-layout frame: 1 grows along the primary axis (Figma's layoutGrow). */
  layoutGrow?: number;
  /** Inside an auto-layout frame: STRETCH fills the counter axis (Figma's layoutAlign). */
  layoutAlign?: 'INHERIT' | 'STRETCH';
  /** Figma's newer sizing fields; FILL on an axis means grow (primary) or stretch (counter). */
  layoutSizingHorizontal?: LayoutSizing;
  layoutSizingVertical?: LayoutSizing;
}

export interface FrameNode extends BaseNode {
  type: 'frame';
  children: SnapshotNode[];
  clipsContent: boolean;
  layoutMode: 'NONE' | 'HORIZONTAL' | 'VERTICAL';
  paddingTop: number;
  paddingRight: number;
  paddingBottom: number;
  paddingLeft: number;
  itemSpacing: number;
  /** AUTO hugs the content along the primary axis; FIXED keeps the size. */
  primaryAxisSizingMode: 'FIXED' | 'AUTO';
  counterAxisSizingMode: 'FIXED' | 'AUTO';
  primaryAxisAlignItems: 'MIN' | 'CENTER' | 'MAX' | 'SPACE_BETWEEN' | 'SPACE_AROUND' | 'SPACE_EVENLY';
  counterAxisAlignItems: 'MIN' | 'CENTER' | 'MAX' | 'BASELINE';
}

export interface GroupNode extends BaseNode {
  type: 'group';
  children: SnapshotNode[];
}

/** A styled range of a text layer, `[start, end)` in UTF-16 units; unset fields follow the layer. */
export interface TextSegment {
  start: number;
  end: number;
  fontFamily?: string;
  fontStyle?: string;
  fontSize?: number;
  fill?: string;
  fillOpacity?: number;
}

export interface TextNode extends BaseNode {
  type: 'text';
  characters: string;
  fontFamily: string;
  fontStyle: string;
  fontSize: number;
  /** Line height in pixels; absent means Figma's "auto" (about 1.2 × the font size). */
  lineHeight?: number;
  letterSpacing: number;
  textAutoResize: 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE';
  textAlignHorizontal: 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFIED';
  segments?: TextSegment[];
}

export interface ShapeNode extends BaseNode {
  type: 'shape';
  shapeType: 'RECTANGLE' | 'ELLIPSE' | 'POLYGON' | 'STAR' | 'VECTOR' | 'LINE';
  cornerRadius?: number;
}

/** The visible part of an image's source, as shares (0–1) of the source's width and height. */
export interface ImageCrop {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ImageNode extends BaseNode {
  type: 'image';
  /** The source image's pixel size, when known; cover-cropping uses its aspect ratio. */
  imageWidth?: number;
  imageHeight?: number;
  crop?: ImageCrop;
}

export type SnapshotNode = FrameNode | GroupNode | TextNode | ShapeNode | ImageNode;
export type ContainerNode = FrameNode | GroupNode;
/** A creative: its root is the frame being checked or resized. */
export type CreativeSnapshot = FrameNode;

const hexColor = z.string().check(z.refine(isHex, { message: 'expected a hex colour like #0B1F3A' }));
const share = () => z.number().check(z.gte(0), z.lte(1));
const size = () => z.number().check(z.gte(0));
const constraint = z.enum(['MIN', 'CENTER', 'MAX', 'STRETCH', 'SCALE']);
const sizing = z.optional(z.enum(['FIXED', 'HUG', 'FILL']));

const paintSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('SOLID'),
    color: hexColor,
    opacity: z._default(share(), 1),
    visible: z._default(z.boolean(), true),
  }),
  z.object({
    type: z.literal('IMAGE'),
    scaleMode: z._default(z.enum(['FILL', 'FIT', 'CROP', 'TILE']), 'FILL'),
    imageRef: z.optional(z.string()),
    opacity: z._default(share(), 1),
    visible: z._default(z.boolean(), true),
  }),
]);

const base = {
  id: z.string().check(z.minLength(1)),
  name: z._default(z.string(), ''),
  x: z.number(),
  y: z.number(),
  width: size(),
  height: size(),
  rotation: z._default(z.number(), 0),
  visible: z._default(z.boolean(), true),
  locked: z._default(z.boolean(), false),
  opacity: z._default(share(), 1),
  constraints: z._default(z.object({ horizontal: constraint, vertical: constraint }), {
    horizontal: 'MIN',
    vertical: 'MIN',
  }),
  fills: z._default(z.array(paintSchema), []),
  layoutPositioning: z.optional(z.enum(['AUTO', 'ABSOLUTE'])),
  layoutGrow: z.optional(z.number().check(z.gte(0))),
  layoutAlign: z.optional(z.enum(['INHERIT', 'STRETCH'])),
  layoutSizingHorizontal: sizing,
  layoutSizingVertical: sizing,
};

// Recursion through z.lazy; the annotation gives the tree its hand-written type.
const nodeSchema: z.ZodMiniType<SnapshotNode, unknown> = z.lazy(() =>
  z.discriminatedUnion('type', [frameSchema, groupSchema, textSchema, shapeSchema, imageSchema]),
) as unknown as z.ZodMiniType<SnapshotNode, unknown>;

const frameSchema = z.object({
  ...base,
  type: z.literal('frame'),
  children: z._default(z.array(nodeSchema), []),
  clipsContent: z._default(z.boolean(), true),
  layoutMode: z._default(z.enum(['NONE', 'HORIZONTAL', 'VERTICAL']), 'NONE'),
  paddingTop: z._default(size(), 0),
  paddingRight: z._default(size(), 0),
  paddingBottom: z._default(size(), 0),
  paddingLeft: z._default(size(), 0),
  itemSpacing: z._default(z.number(), 0),
  primaryAxisSizingMode: z._default(z.enum(['FIXED', 'AUTO']), 'FIXED'),
  counterAxisSizingMode: z._default(z.enum(['FIXED', 'AUTO']), 'FIXED'),
  primaryAxisAlignItems: z._default(z.enum(['MIN', 'CENTER', 'MAX', 'SPACE_BETWEEN', 'SPACE_AROUND', 'SPACE_EVENLY']), 'MIN'),
  counterAxisAlignItems: z._default(z.enum(['MIN', 'CENTER', 'MAX', 'BASELINE']), 'MIN'),
});

const groupSchema = z.object({ ...base, type: z.literal('group'), children: z._default(z.array(nodeSchema), []) });

const segmentSchema = z.object({
  start: z.int().check(z.gte(0)),
  end: z.int().check(z.gte(0)),
  fontFamily: z.optional(z.string().check(z.minLength(1))),
  fontStyle: z.optional(z.string().check(z.minLength(1))),
  fontSize: z.optional(z.number().check(z.gt(0))),
  fill: z.optional(hexColor),
  fillOpacity: z.optional(share()),
});

const textSchema = z.object({
  ...base,
  type: z.literal('text'),
  characters: z.string(),
  fontFamily: z.string().check(z.minLength(1)),
  fontStyle: z._default(z.string().check(z.minLength(1)), 'Regular'),
  fontSize: z.number().check(z.gt(0)),
  lineHeight: z.optional(z.number().check(z.gt(0))),
  letterSpacing: z._default(z.number(), 0),
  textAutoResize: z._default(z.enum(['NONE', 'WIDTH_AND_HEIGHT', 'HEIGHT', 'TRUNCATE']), 'NONE'),
  textAlignHorizontal: z._default(z.enum(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFIED']), 'LEFT'),
  segments: z.optional(z.array(segmentSchema)),
});

const shapeSchema = z.object({
  ...base,
  type: z.literal('shape'),
  shapeType: z._default(z.enum(['RECTANGLE', 'ELLIPSE', 'POLYGON', 'STAR', 'VECTOR', 'LINE']), 'RECTANGLE'),
  cornerRadius: z.optional(size()),
});

const imageSchema = z.object({
  ...base,
  type: z.literal('image'),
  imageWidth: z.optional(z.number().check(z.gt(0))),
  imageHeight: z.optional(z.number().check(z.gt(0))),
  crop: z.optional(z.object({ x: share(), y: share(), width: share(), height: share() })),
});

/** The snapshot schema: a frame at the root. */
export const creativeSnapshotSchema: z.ZodMiniType<CreativeSnapshot, unknown> = frameSchema as unknown as z.ZodMiniType<
  CreativeSnapshot,
  unknown
>;

/** Validates a snapshot, naming every problem by path (`children[2].fontSize`); never throws. */
export function parseSnapshot(data: unknown): Parsed<CreativeSnapshot> {
  const parsed = parseWith(creativeSnapshotSchema, data);
  if (!parsed.ok) return parsed;
  const issues = treeIssues(parsed.value);
  return issues.length ? { ok: false, issues } : parsed;
}

// What zod cannot see node by node: ids unique across the tree, segments inside their text.
function treeIssues(root: CreativeSnapshot): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  const visit = (node: SnapshotNode, path: (string | number)[]) => {
    const where = formatPath([...path, 'id']);
    const first = seen.get(node.id);
    if (first) issues.push({ path: where, message: `the layer id "${node.id}" is already used at ${first}` });
    else seen.set(node.id, where);
    if (node.type === 'text') {
      node.segments?.forEach((segment, index) => {
        if (segment.end < segment.start || segment.end > node.characters.length)
          issues.push({
            path: formatPath([...path, 'segments', index]),
            message: `the range ${segment.start}–${segment.end} is outside the text (length ${node.characters.length})`,
          });
      });
    }
    if (node.type === 'frame' || node.type === 'group')
      node.children.forEach((child, index) => visit(child, [...path, 'children', index]));
  };
  visit(root, []);
  return issues;
}

/** Parses snapshot JSON text; bad JSON is an issue at the root, not an exception. */
export function parseSnapshotJson(text: string): Parsed<CreativeSnapshot> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '(root)', message: `not valid JSON (${(error as Error).message})` }] };
  }
  return parseSnapshot(data);
}
