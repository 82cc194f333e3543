// The part of Figma's plugin API the main thread relies on, carved out of the official typings.
// code.ts assigns the real `figma` to FigmaHost, so the compiler proves the carve-out is faithful;
// the preview's fake implements the same type, so tests and the preview exercise the same code.
// Properties that hold nodes are re-declared with these narrower node types, so a fake can
// implement them without modelling every kind of Figma node.

/** What every node has, the document and pages included. */
export type HostBaseNode = Pick<BaseNode, 'id' | 'name' | 'type' | 'removed'> &
  Pick<PluginDataMixin, 'getPluginData' | 'setPluginData' | 'getSharedPluginData' | 'setSharedPluginData'>;

/** What every layer on a page has. */
export type HostSceneNode = HostBaseNode &
  Pick<SceneNode, 'visible' | 'locked'> & {
    readonly parent: HostParent | null;
  };

export type HostParent = HostBaseNode & { readonly children: readonly HostSceneNode[] };

type Geometry = Pick<FrameNode, 'x' | 'y' | 'width' | 'height' | 'rotation' | 'opacity' | 'resize' | 'resizeWithoutConstraints' | 'rescale' | 'remove' | 'setRelaunchData'>;

/** Export settings the plugin uses: images at a scale, and PDF. */
export type HostExportSettings = ExportSettingsImage | ExportSettingsPDF;

/** A layer with a box: every layer the plugin edits. */
export type HostLayer = HostSceneNode &
  Geometry & {
    readonly type: NodeType;
    exportAsync(settings: HostExportSettings): Promise<Uint8Array>;
    clone(): HostLayer;
  };

/** Layers with their own constraints and fills (groups have neither; their children do). */
export type HostConstrained = HostLayer & Pick<FrameNode, 'constraints' | 'fills'>;

export type HostLayoutChild = Partial<Pick<FrameNode, 'layoutPositioning' | 'layoutGrow' | 'layoutAlign' | 'layoutSizingHorizontal' | 'layoutSizingVertical'>>;

export type HostFrame = Omit<HostConstrained, 'clone'> &
  HostLayoutChild &
  Pick<
    FrameNode,
    | 'clipsContent'
    | 'layoutMode'
    | 'paddingTop'
    | 'paddingRight'
    | 'paddingBottom'
    | 'paddingLeft'
    | 'itemSpacing'
    | 'primaryAxisSizingMode'
    | 'counterAxisSizingMode'
    | 'primaryAxisAlignItems'
    | 'counterAxisAlignItems'
  > & {
    readonly type: 'FRAME' | 'COMPONENT' | 'INSTANCE';
    readonly children: readonly HostSceneNode[];
    clone(): HostFrame;
    appendChild(child: HostSceneNode): void;
    insertChild(index: number, child: HostSceneNode): void;
    findAllWithCriteria(criteria: { types: ['TEXT'] }): HostText[];
  };

/** A main component: copies of it are made through an instance, so no new main component appears. */
export type HostComponent = HostFrame & { readonly type: 'COMPONENT'; createInstance(): HostInstance };
export type HostInstance = HostFrame & { readonly type: 'INSTANCE'; detachInstance(): HostFrame };

export type HostGroup = HostLayer & {
  readonly type: 'GROUP';
  readonly children: readonly HostSceneNode[];
  insertChild(index: number, child: HostSceneNode): void;
};

/** The styles the plugin reads from a text range; each one it asks for is present. */
export type SegmentField = 'fontName' | 'fontSize' | 'fills' | 'hyperlink' | 'textDecoration';
export type HostSegment = Pick<StyledTextSegment, 'characters' | 'start' | 'end'> & Partial<Pick<StyledTextSegment, SegmentField>>;

export type HostText = HostConstrained &
  HostLayoutChild &
  Pick<
    TextNode,
    | 'characters'
    | 'fontName'
    | 'fontSize'
    | 'hasMissingFont'
    | 'lineHeight'
    | 'letterSpacing'
    | 'textAutoResize'
    | 'textAlignHorizontal'
    | 'getRangeAllFontNames'
    | 'setRangeFontSize'
    | 'setRangeFontName'
    | 'setRangeFills'
    | 'setRangeHyperlink'
    | 'setRangeTextDecoration'
    | 'insertCharacters'
    | 'deleteCharacters'
  > & {
    readonly type: 'TEXT';
    getStyledTextSegments(fields: SegmentField[], start?: number, end?: number): HostSegment[];
  };

export type HostShape = HostConstrained &
  HostLayoutChild & {
    readonly type: 'RECTANGLE' | 'ELLIPSE' | 'POLYGON' | 'STAR' | 'VECTOR' | 'LINE';
  };

/** A section on the canvas: the plugin puts each master's versions in one. */
export type HostSection = HostSceneNode &
  Pick<SectionNode, 'x' | 'y' | 'width' | 'height' | 'resizeWithoutConstraints' | 'fills'> & {
    readonly type: 'SECTION';
    readonly children: readonly HostSceneNode[];
    appendChild(child: HostSceneNode): void;
  };

export interface HostPage extends HostBaseNode {
  readonly type: 'PAGE';
  selection: readonly HostSceneNode[];
  readonly children: readonly HostSceneNode[];
  appendChild(child: HostSceneNode): void;
}

export type HostDocument = HostBaseNode & { readonly type: 'DOCUMENT' };

export interface FigmaHost {
  /** Read-only under `documentAccess: "dynamic-page"`: switch pages with setCurrentPageAsync. */
  readonly currentPage: HostPage;
  readonly root: HostDocument;
  setCurrentPageAsync(page: HostPage): Promise<void>;
  readonly command: string;
  readonly mixed: PluginAPI['mixed'];
  readonly ui: Pick<UIAPI, 'postMessage' | 'onmessage'>;
  readonly clientStorage: Pick<ClientStorageAPI, 'getAsync' | 'setAsync' | 'deleteAsync'>;
  readonly viewport: { scrollAndZoomIntoView(nodes: readonly HostBaseNode[]): void };
  showUI(html: string, options?: ShowUIOptions): void;
  notify(message: string, options?: NotificationOptions): Pick<NotificationHandler, 'cancel'>;
  on(type: 'selectionchange', callback: () => void): void;
  commitUndo(): void;
  loadFontAsync(fontName: FontName): Promise<void>;
  getNodeByIdAsync(id: string): Promise<HostBaseNode | null>;
  createSection(): HostSection;
  skipInvisibleInstanceChildren: boolean;
  /** Needs "currentuser" in the manifest's permissions; Figma throws on the read without it. */
  readonly currentUser: Pick<User, 'id' | 'name'> | null;
}

const frameTypes: ReadonlySet<string> = new Set(['FRAME', 'COMPONENT', 'INSTANCE']);
const shapeTypes: ReadonlySet<string> = new Set(['RECTANGLE', 'ELLIPSE', 'POLYGON', 'STAR', 'VECTOR', 'LINE']);

/** Frames, components and instances can be master creatives; other layers cannot. */
export function isFrameLike(node: HostBaseNode): node is HostFrame {
  return frameTypes.has(node.type);
}

export function isText(node: HostBaseNode): node is HostText {
  return node.type === 'TEXT';
}

export function isGroup(node: HostBaseNode): node is HostGroup {
  return node.type === 'GROUP';
}

export function isShape(node: HostBaseNode): node is HostShape {
  return shapeTypes.has(node.type);
}

export function isSection(node: HostBaseNode): node is HostSection {
  return node.type === 'SECTION';
}

/** The page a layer sits on, found through its parents (null when it is on no page). */
export function pageOf(node: HostSceneNode): HostPage | null {
  let at: HostBaseNode | null = node.parent;
  while (at && at.type !== 'PAGE') at = (at as HostSceneNode).parent;
  return at as HostPage | null;
}

/**
 * The instance a layer is, or lies inside (nearest first), or null. Figma refuses to add layers to
 * an instance or remove its layers: they come from its main component.
 */
export function instanceAround(node: HostBaseNode): HostSceneNode | null {
  for (let at: HostBaseNode | null = node; at && at.type !== 'PAGE' && at.type !== 'DOCUMENT'; at = (at as HostSceneNode).parent) if (at.type === 'INSTANCE') return at as HostSceneNode;
  return null;
}

/** Layers the snapshot models: frames, groups, text and shapes. */
export function isLayer(node: HostBaseNode): node is HostLayer {
  return isFrameLike(node) || isGroup(node) || isText(node) || isShape(node);
}
