import type { FigmaHost, HostBaseNode } from '@onbrand/figma-plugin/host';
import pluginManifest from '../../../figma-plugin/manifest.json';
import { CallLog, countCalls } from '../call-log';
import { FakeComponentNode, FakeDocumentNode, FakeFrameNode, FakeInstanceNode, FakeGroupNode, FakePageNode, FakeSectionNode, FakeShapeNode, pageOf, type FakeLayer, type FakeNodeType, type FakeSceneNode } from './fake-nodes';
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

/** The plugin id the fake runs under unless a test sets `world.pluginId`: Figma ids are 19 digits. */
export const defaultPluginId = '1440000000000000001';

/** figma.clientStorage: per user and per plugin id, async, values structured-cloned, about 5 MB in all. */
export class FakeClientStorage implements Pick<ClientStorageAPI, 'getAsync' | 'setAsync' | 'deleteAsync'> {
  private readonly byPlugin = new Map<string, Map<string, unknown>>();
  constructor(
    readonly calls: CallLog,
    private readonly pluginId: () => string = () => defaultPluginId,
  ) {}

  /** What the running plugin has stored (a plugin under another id sees its own store). */
  get values(): Map<string, unknown> {
    let store = this.byPlugin.get(this.pluginId());
    if (!store) this.byPlugin.set(this.pluginId(), (store = new Map()));
    return store;
  }

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

/** What Figma throws when a plugin reads figma.currentUser without the permission in its manifest. */
export const currentUserPermissionError = 'in get_currentUser: "currentuser" permission not specified in manifest.json';

/** The person running the plugin, as figma.currentUser describes them. */
export type FakeUser = Pick<User, 'id' | 'name' | 'photoUrl' | 'color' | 'sessionId'>;

/** Who runs the plugin unless a test or the preview says otherwise. */
export const defaultUser: FakeUser = { id: '1203948576', name: 'Maya Ortiz', photoUrl: null, color: '#7b61ff', sessionId: 1 };

/** What Figma says when a plugin with `documentAccess: "dynamic-page"` assigns figma.currentPage. */
export const currentPageSetterError = 'in set_currentPage: Cannot call with documentAccess: dynamic-page. Use figma.setCurrentPageAsync instead.';

/**
 * An in-memory Figma file, typed as the part of the plugin API the main thread uses. It has one
 * page to start with (addPage adds more) and behaves as for a manifest with
 * `documentAccess: "dynamic-page"`: other pages stay unloaded until the plugin loads them.
 */
export class FakeFigma implements FigmaHost {
  readonly calls = new CallLog();
  readonly ui: FakeUi;
  readonly root: FakeDocumentNode;
  private current: FakePageNode;
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
  /** The manifest's `permissions`, as the plugin's own manifest.json has them unless a test changes them. */
  permissions: string[] = [...((pluginManifest as { permissions?: string[] }).permissions ?? [])];
  /** Who runs the plugin: a test sets another person, or null for a session Figma cannot name. */
  user: FakeUser | null = defaultUser;

  constructor(private readonly bridge?: UiBridge) {
    const page = (): FakePageNode => this.current;
    this.world = {
      calls: this.calls,
      nodes: new Map(),
      availableFonts: new Set(defaultFonts.map((name) => fontKey({ family: name.split(' ')[0]!, style: name.split(' ').slice(1).join(' ') }))),
      loadedFonts: new Set(),
      pluginId: defaultPluginId,
      newId: () => `1:${this.nextId++}`,
      adopt: (node) => page().adopt(node as FakeSceneNode),
    };
    this.ui = new FakeUi(this.calls, bridge);
    this.clientStorage = new FakeClientStorage(this.calls, () => this.world.pluginId);
    this.root = new FakeDocumentNode(this.world);
    this.current = this.addPage('Page 1');
    this.current.loaded = true;
    this.viewport = new FakeViewport(this.calls);
  }

  /** Figma refuses the read outright when the manifest lacks the "currentuser" permission. */
  get currentUser(): FakeUser | null {
    if (!this.permissions.includes('currentuser')) throw new Error(currentUserPermissionError);
    return this.user ? { ...this.user } : null;
  }

  get currentPage(): FakePageNode {
    return this.current;
  }
  set currentPage(_page: FakePageNode) {
    throw new Error(currentPageSetterError);
  }

  /** Switches to a page, loading it first, as a person clicking it in the pages panel would. */
  setCurrentPageAsync(page: FakePageNode): Promise<void> {
    if (!this.root.children.includes(page)) return Promise.reject(new Error('in setCurrentPageAsync: Expected a page of this file'));
    page.loaded = true;
    this.current = page;
    return Promise.resolve();
  }

  loadAllPagesAsync(): Promise<void> {
    for (const page of this.root.children) page.loaded = true;
    return Promise.resolve();
  }

  /** Adds a page to the file, unloaded until a plugin loads it (not counted). */
  addPage(name: string): FakePageNode {
    const page = new FakePageNode(name, this.world);
    page.parent = this.root;
    page.onSelectionChange = () => {
      if (page === this.current) this.selectionListeners.forEach((listener) => listener());
    };
    this.root.children.push(page);
    return page;
  }

  /** Opens a page as the person using the plugin would before running it (not counted). */
  openPage(page: FakePageNode): void {
    page.loaded = true;
    this.current = page;
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

  /** Finds a node on any page; the page holding it is loaded, as Figma loads it for the plugin. */
  getNodeByIdAsync(id: string): Promise<FakeSceneNode | FakeSectionNode | FakeDocumentNode | FakePageNode | null> {
    if (id === this.root.id) return Promise.resolve(this.root);
    const page = this.root.children.find((candidate) => candidate.id === id);
    if (page) return Promise.resolve(page);
    const node = (this.world.nodes.get(id) as FakeSceneNode | FakeSectionNode | undefined) ?? null;
    const holder = node && pageOf(node);
    if (holder) holder.loaded = true;
    return Promise.resolve(node);
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
  add(type: 'COMPONENT', name: string, geometry?: Geometry, parent?: FakeFrameNode | FakeGroupNode): FakeComponentNode;
  add(type: 'INSTANCE', name: string, geometry?: Geometry, parent?: FakeFrameNode | FakeGroupNode): FakeInstanceNode;
  add(type: 'FRAME', name: string, geometry?: Geometry, parent?: FakeFrameNode | FakeGroupNode): FakeFrameNode;
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
            : type === 'COMPONENT'
              ? new FakeComponentNode(this.world, name)
              : type === 'INSTANCE'
                ? new FakeInstanceNode(this.world, name)
                : new FakeFrameNode(this.world, name);
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

countCalls(FakeFigma, '', ['currentUser.get', 'currentPage.set', 'setCurrentPageAsync', 'loadAllPagesAsync', 'showUI', 'notify', 'on', 'commitUndo', 'loadFontAsync', 'getNodeByIdAsync', 'createFrame', 'createSection']);

type Geometry = Partial<{ x: number; y: number; width: number; height: number }>;
