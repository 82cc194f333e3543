import type { FigmaHost } from '@onbrand/figma-plugin/host';
import { CallLog } from '../call-log';
import { FakePageNode, FakeSceneNode, type FakeNodeType } from './fake-nodes';

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
    private readonly calls: CallLog,
    private readonly bridge: UiBridge | undefined,
  ) {}

  postMessage(message: unknown, _options?: UIPostMessageOptions): void {
    this.calls.record('ui.postMessage');
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

/** An in-memory Figma with one page, typed as the part of the plugin API the main thread uses. */
export class FakeFigma implements FigmaHost {
  readonly calls = new CallLog();
  readonly ui: FakeUi;
  readonly currentPage: FakePageNode;
  readonly notifications: string[] = [];
  skipInvisibleInstanceChildren = false;
  shownUi: { html: string; options: ShowUIOptions | undefined } | null = null;
  private readonly selectionListeners = new Set<() => void>();

  constructor(private readonly bridge?: UiBridge) {
    this.ui = new FakeUi(this.calls, bridge);
    this.currentPage = new FakePageNode('Page 1', this.calls);
    this.currentPage.onSelectionChange = () => this.selectionListeners.forEach((listener) => listener());
  }

  showUI(html: string, options?: ShowUIOptions): void {
    this.calls.record('showUI');
    this.shownUi = { html, options };
    this.bridge?.show(html, options);
  }

  notify(message: string, _options?: NotificationOptions): Pick<NotificationHandler, 'cancel'> {
    this.calls.record('notify');
    this.notifications.push(message);
    return { cancel: () => {} };
  }

  on(type: 'selectionchange', callback: () => void): void {
    this.calls.record('on');
    if (type === 'selectionchange') this.selectionListeners.add(callback);
  }

  /** Builds a node on the current page, or inside `parent`; a test and preview convenience. */
  add(type: FakeNodeType, name: string, geometry: Partial<Pick<FakeSceneNode, 'x' | 'y' | 'width' | 'height'>> = {}, parent?: FakeSceneNode): FakeSceneNode {
    const node = new FakeSceneNode(type, name, this.calls);
    Object.assign(node, geometry);
    if (parent) parent.children.push(Object.assign(node, { parent }));
    else this.currentPage.children.push(Object.assign(node, { parent: this.currentPage }));
    return node;
  }

  /** Finds a node anywhere on the page by id. */
  findById(id: string): FakeSceneNode | undefined {
    const stack = [...this.currentPage.children];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.id === id) return node;
      stack.push(...node.children);
    }
    return undefined;
  }
}
