// The part of Figma's plugin API the main thread relies on, carved out of the official typings.
// code.ts assigns the real `figma` to FigmaHost, so the compiler proves the carve-out is faithful;
// the preview's fake implements the same type, so tests and the preview exercise the same code.

export type HostNode = Pick<SceneNode, 'id' | 'name' | 'type'>;

export type HostFrame = Pick<FrameNode | ComponentNode | InstanceNode, 'id' | 'name' | 'type' | 'width' | 'height'> & {
  readonly children: readonly HostNode[];
};

export interface HostPage {
  readonly selection: readonly HostNode[];
}

export interface FigmaHost {
  readonly currentPage: HostPage;
  readonly ui: Pick<UIAPI, 'postMessage' | 'onmessage'>;
  showUI(html: string, options?: ShowUIOptions): void;
  notify(message: string, options?: NotificationOptions): Pick<NotificationHandler, 'cancel'>;
  on(type: 'selectionchange', callback: () => void): void;
  skipInvisibleInstanceChildren: boolean;
}

const frameTypes: ReadonlySet<string> = new Set(['FRAME', 'COMPONENT', 'INSTANCE']);

/** Frames, components and instances can be master creatives; other layers cannot. */
export function isFrameLike(node: HostNode): node is HostNode & HostFrame {
  return frameTypes.has(node.type);
}
