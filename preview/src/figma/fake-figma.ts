import type { FigmaHost, HostBaseNode } from '@onbrand/figma-plugin/host';
import { CallLog, countCalls } from '../call-log';
import { FakeDocumentNode, FakeFrameNode, FakeGroupNode, FakePageNode, FakeSectionNode, FakeShapeNode, type FakeLayer, type FakeNodeType, type FakeSceneNode } from './fake-nodes';
import { FakeTextNode } from './fake-text';
import { fontKey, mixed, type FakeWorld } from './fake-world';

/** Where the fake sends what the plugin shows: an iframe in the preview, nothing in unit tests. */
export interface UiBridge {
  show(html: string, options: ShowUIOptions | undefined): void;
  post(message: unknown): void;
}

type HostUi = FigmaHost['ui'];

export class FakeUi implements HostUi {
  onmessage: UIAPI['onmessage'];
  /** Every message the main thread posted, oldest first. */
  readonly outbox: unknown[] = [];

  constructor(
    readonly calls: CallLog,
    private readonly bridge: UiBridge | undefined,
  ) {}

  postMessage(message: unknown, _options?: UIPostMessageOptions): void {
    // Figma structured-clones messages; a node or function would fail there, so fail here too.
    const cloned = structuredClone(message);
    this.outbox.push(cloned);
    this.bridge?.post(cloned);
  }

  /** Delivers a message from the plugin UI to the main thread, as Figma does. */
  deliver(message: unknown): void {
    this.onmessage?.(structuredClone(message), { origin: 'null' });
  }
}

countCalls(FakeUi, 'ui', ['postMessage']);

/** figma.clientStorage: per user, async, values structured-cloned, about 5 MB in all. */
export class FakeClientStorage implements Pick<ClientStorageAPI, 'getAsync' | 'setAsync' | 'deleteAsync'> {
  readonly values = new Map<string, unknown>();
  constructor(readonly calls: CallLog) {}

  getAsync(key: string): Promise<unknown> {
    return Promise.resolve(structuredClone(this.values.get(key)));
  }

  setAsync(key: string, value: unknown): Promise<void> {
    if (JSON.stringify(value).length > 5_000_000) return Promise.reject(new Error('clientStorage is full (5 MB).'));
    this.values.set(key, structuredClone(value));
    return Promise.resolve();
  }

  deleteAsync(key: string): Promise<void> {
    this.values.delete(key);
    return Promise.resolve();
  }
}

countCalls(FakeClientStorage, 'clientStorage', ['getAsync', 'setAsync', 'deleteAsync']);

/** figma.viewport: remembers the nodes it last zoomed to. */
export class FakeViewport implements Pick<ViewportAPI, 'scrollAndZoomIntoView'> {
  zoomedTo: string[] = [];
  constructor(readonly calls: CallLog) {}

  scrollAndZoomIntoView(nodes: readonly HostBaseNode[]): void {
    this.zoomedTo = nodes.map((node) => node.id);
  }
}

countCalls(FakeViewport, 'viewport', ['scrollAndZoomIntoView']);

const defaultFonts = ['Inter Regular', 'Inter Medium', 'Inter Semi Bold', 'Inter Bold', 'Roboto Regular', 'Roboto Bold'];

/** An in-memory Figma file with one page, typed as the part of the plugin API the main thread uses. */
export class FakeFigma implements FigmaHost {
  readonly calls = new CallLog();
  readonly ui: FakeUi;
  readonly currentPage: FakePageNode;
  readonly root: FakeDocumentNode;
  readonly mixed: PluginAPI['mixed'] = mixed;
  readonly clientStorage: FakeClientStorage;
  readonly notifications: string[] = [];
  /** How many times the plugin closed an undo step. */
  undoSteps = 0;
  command = '';
  skipInvisibleInstanceChildren = false;
  shownUi: { html: string; options: ShowUIOptions | undefined } | null = null;
  readonly world: FakeWorld;
  readonly viewport: FakeViewport;
  private readonly selectionListeners = new Set<() => void>();
  private nextId = 1;

  constructor(private readonly bridge?: UiBridge) {
    const page = (): FakePageNode => this.currentPage;
    this.world = {
      calls: this.calls,
      nodes: new Map(),
      availableFonts: new Set(defaultFonts.map((name) => fontKey({ family: name.split(' ')[0]!, style: name.split(' ').slice(1).join(' ') }))),
      loadedFonts: new Set(),
      newId: () => `1:${this.nextId++}`,
      adopt: (node) => page().adopt(node as FakeSceneNode),
    };
    this.ui = new FakeUi(this.calls, bridge);
    this.clientStorage = new FakeClientStorage(this.calls);
    this.root = new FakeDocumentNode(this.world);
    this.currentPage = new FakePageNode('Page 1', this.world);
    this.currentPage.onSelectionChange = () => this.selectionListeners.forEach((listener) => listener());
    this.viewport = new FakeViewport(this.calls);
  }

  /** The nodes the viewport last zoomed to. */
  get zoomedTo(): string[] {
    return this.viewport.zoomedTo;
  }

  showUI(html: string, options?: ShowUIOptions): void {
    this.shownUi = { html, options };
    this.bridge?.show(html, options);
  }

  notify(message: string, _options?: NotificationOptions): Pick<NotificationHandler, 'cancel'> {
    this.notifications.push(message);
    return { cancel: () => {} };
  }

  on(type: 'selectionchange', callback: () => void): void {
    if (type === 'selectionchange') this.selectionListeners.add(callback);
  }

  commitUndo(): void {
    this.undoSteps++;
  }

  loadFontAsync(fontName: FontName): Promise<void> {
    const key = fontKey(fontName);
    if (!this.world.availableFonts.has(key)) return Promise.reject(new Error(`The font "${fontName.family} ${fontName.style}" could not be loaded.`));
    this.world.loadedFonts.add(key);
    return Promise.resolve();
  }

  getNodeByIdAsync(id: string): Promise<FakeSceneNode | FakeSectionNode | FakeDocumentNode | FakePageNode | null> {
    if (id === this.root.id) return Promise.resolve(this.root);
    if (id === this.currentPage.id) return Promise.resolve(this.currentPage);
    return Promise.resolve((this.world.nodes.get(id) as FakeSceneNode | FakeSectionNode | undefined) ?? null);
  }

  /** A white 100×100 frame on the current page, as Figma makes it. */
  createFrame(): FakeFrameNode {
    const frame = new FakeFrameNode(this.world, 'Frame');
    this.currentPage.adopt(frame);
    return frame;
  }

  createSection(): FakeSectionNode {
    const section = new FakeSectionNode(this.world);
    this.currentPage.adopt(section);
    return section;
  }

  /** Builds a node on the current page, or inside `parent`; a test and preview convenience (not counted). */
  add(type: 'TEXT', name: string, geometry?: Geometry, parent?: FakeFrameNode | FakeGroupNode): FakeTextNode;
  add(type: 'FRAME' | 'COMPONENT' | 'INSTANCE', name: string, geometry?: Geometry, parent?: FakeFrameNode | FakeGroupNode): FakeFrameNode;
  add(type: 'GROUP', name: string, geometry?: Geometry, parent?: FakeFrameNode | FakeGroupNode): FakeGroupNode;
  add(type: 'RECTANGLE' | 'ELLIPSE', name: string, geometry?: Geometry, parent?: FakeFrameNode | FakeGroupNode): FakeShapeNode;
  add(type: Exclude<FakeNodeType, 'SECTION'>, name: string, geometry?: Geometry, parent?: FakeFrameNode | FakeGroupNode): FakeLayer;
  add(type: Exclude<FakeNodeType, 'SECTION'>, name: string, geometry: Geometry = {}, parent?: FakeFrameNode | FakeGroupNode): FakeLayer {
    const node =
      type === 'TEXT'
        ? new FakeTextNode(this.world, name)
        : type === 'GROUP'
          ? new FakeGroupNode(this.world, name)
          : type === 'RECTANGLE' || type === 'ELLIPSE'
            ? new FakeShapeNode(this.world, name, type)
            : new FakeFrameNode(this.world, name, type);
    node.place(geometry);
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    } else this.currentPage.adopt(node);
    return node;
  }

  /** Finds a node anywhere in the file by id (not counted). */
  findById(id: string): FakeSceneNode | FakeSectionNode | undefined {
    return this.world.nodes.get(id) as FakeSceneNode | FakeSectionNode | undefined;
  }

  /** Marks a font as not installed on this machine: layers using it have a missing font. */
  removeFont(font: FontName): void {
    this.world.availableFonts.delete(fontKey(font));
  }
}

countCalls(FakeFigma, '', ['showUI', 'notify', 'on', 'commitUndo', 'loadFontAsync', 'getNodeByIdAsync', 'createFrame', 'createSection']);

type Geometry = Partial<{ x: number; y: number; width: number; height: number }>;
