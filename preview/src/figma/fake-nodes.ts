import type { HostExportSettings, HostFrame, HostGroup, HostSection, HostShape } from '@onbrand/figma-plugin/host';
import { countCalls, type CallLog } from '../call-log';
import { fakeExport } from './fake-export';
import { checkNamespace, checkPluginDataSize, mixed, type FakeWorld } from './fake-world';

// Simulated scene nodes with the official property names and types for the part the plugin uses.
// They keep their tree in memory and count every method call and property write in the file's
// CallLog, as named by countCalls after each class (reads are free, as they are cheap in Figma).
// Geometry follows Figma: x/y relative to the parent frame (group children too), resize() applies
// the children's constraints, resizeWithoutConstraints() does not, rescale() scales everything
// from the top-left.

export type FakeNodeType = Extract<NodeType, 'FRAME' | 'COMPONENT' | 'INSTANCE' | 'GROUP' | 'TEXT' | 'RECTANGLE' | 'ELLIPSE' | 'SECTION'>;

type Parent = FakeContainer | FakeSectionNode | FakePageNode;

/** Plugin data and shared plugin data, as every node and the document have them. */
export class FakePluginData {
  protected readonly pluginData = new Map<string, string>();
  protected readonly sharedData = new Map<string, string>();

  constructor(protected readonly world: FakeWorld) {}

  /** The file's log, where this node's calls are counted. */
  get calls(): CallLog {
    return this.world.calls;
  }

  getPluginData(key: string): string {
    return this.pluginData.get(this.privateKey(key)) ?? '';
  }

  setPluginData(key: string, value: string): void {
    checkPluginDataSize('setPluginData', this.world.pluginId, key, value);
    if (value === '') this.pluginData.delete(this.privateKey(key));
    else this.pluginData.set(this.privateKey(key), value);
  }

  /** Private plugin data belongs to the plugin id that wrote it; another id reads nothing. */
  private privateKey(key: string): string {
    return `${this.world.pluginId}\u0000${key}`;
  }

  getSharedPluginData(namespace: string, key: string): string {
    checkNamespace('getSharedPluginData', namespace);
    return this.sharedData.get(`${namespace}:${key}`) ?? '';
  }

  setSharedPluginData(namespace: string, key: string, value: string): void {
    checkNamespace('setSharedPluginData', namespace);
    checkPluginDataSize('setSharedPluginData', namespace, key, value);
    if (value === '') this.sharedData.delete(`${namespace}:${key}`);
    else this.sharedData.set(`${namespace}:${key}`, value);
  }

  /** The running plugin's private data by key, and shared data as `namespace:key`, without counting a call; for assertions. */
  pluginDataSnapshot(): Record<string, string> {
    const prefix = `${this.world.pluginId}\u0000`;
    const own = [...this.pluginData].filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]);
    return Object.fromEntries([...own, ...this.sharedData]);
  }

  protected copyDataTo(other: FakePluginData): void {
    this.pluginData.forEach((value, key) => other.pluginData.set(key, value));
    this.sharedData.forEach((value, key) => other.sharedData.set(key, value));
  }
}

countCalls(FakePluginData, '', ['getPluginData', 'setPluginData', 'getSharedPluginData', 'setSharedPluginData']);

export abstract class FakeSceneNode extends FakePluginData {
  readonly id: string;
  abstract readonly type: FakeNodeType;
  parent: Parent | null = null;
  removed = false;
  relaunchData: Record<string, string> = {};
  /** What the counted properties hold; writing here is Figma's own doing (layout, copies), not a plugin call. */
  private readonly props: { name: string; x: number; y: number; visible: boolean; locked: boolean; opacity: number };
  /** Box size: written by resize calls only. */
  protected w = 100;
  protected h = 100;
  rotation = 0;

  constructor(world: FakeWorld, name: string) {
    super(world);
    this.id = world.newId();
    world.nodes.set(this.id, this);
    this.props = { name, x: 0, y: 0, visible: true, locked: false, opacity: 1 };
  }

  get name(): string { return this.props.name; }
  set name(value: string) { this.props.name = value; }
  get x(): number { return this.props.x; }
  set x(value: number) { this.props.x = value; }
  get y(): number { return this.props.y; }
  set y(value: number) { this.props.y = value; }
  get visible(): boolean { return this.props.visible; }
  set visible(value: boolean) { this.props.visible = value; }
  get locked(): boolean { return this.props.locked; }
  set locked(value: boolean) { this.props.locked = value; }
  get opacity(): number { return this.props.opacity; }
  set opacity(value: number) { this.props.opacity = value; }
  get width(): number { return this.w; }
  get height(): number { return this.h; }

  /** Places the node without counting a call: building a file, or Figma's own layout. */
  place(geometry: Partial<{ x: number; y: number; width: number; height: number }>): this {
    if (geometry.x !== undefined) this.props.x = geometry.x;
    if (geometry.y !== undefined) this.props.y = geometry.y;
    if (geometry.width !== undefined) this.w = geometry.width;
    if (geometry.height !== undefined) this.h = geometry.height;
    return this;
  }

  /** Sets the lock state as a person would in the layers panel (not counted). */
  lockAsUser(locked = true): this {
    this.props.locked = locked;
    return this;
  }

  resizeWithoutConstraints(width: number, height: number): void {
    this.checkSize(width, height);
    this.beforeResize('resizeWithoutConstraints');
    this.w = width;
    this.h = height;
    this.afterResize();
  }

  /** An auto-layout parent places its children again when one changes size, as Figma does. */
  protected afterResize(): void {
    if (this.parent instanceof FakeFrameNode) this.parent.reflow();
  }

  resize(width: number, height: number): void {
    this.checkSize(width, height);
    this.beforeResize('resize');
    this.resizeApplyingConstraints(width, height);
  }

  /** A node that cannot be resized now throws here, before anything changes. */
  protected beforeResize(_action: string): void {}

  /** Figma's resize: the box changes, and children follow their constraints. */
  resizeApplyingConstraints(width: number, height: number): void {
    this.w = width;
    this.h = height;
    this.afterResize();
  }

  rescale(scale: number): void {
    if (!(scale >= 0.01)) throw new Error('in rescale: Expected "scale" to have value >= 0.01');
    this.beforeResize('rescale');
    this.scaleContent(scale);
  }

  /** Scales this node's size and content from its top-left (its own x/y stay). */
  scaleContent(scale: number): void {
    this.w *= scale;
    this.h *= scale;
  }

  private checkSize(width: number, height: number): void {
    if (!(width >= 0.01) || !(height >= 0.01)) throw new Error('in resize: Expected width and height to be >= 0.01');
  }

  setRelaunchData(data: { [command: string]: string }): void {
    this.relaunchData = { ...data };
  }

  remove(): void {
    // An instance's layers come from its main component: Figma refuses to take one away.
    if (this.parent && insideInstance(this.parent)) throw new Error(instanceRemovalError);
    this.detach();
    this.markRemovedTree();
  }

  /** Takes this node (and, in containers, its subtree) out of the file's registry. */
  markRemovedTree(): void {
    this.removed = true;
    this.world.nodes.delete(this.id);
  }

  detach(): void {
    if (!this.parent) return;
    const siblings = childrenOf(this.parent) as FakeSceneNode[];
    const index = siblings.indexOf(this);
    if (index >= 0) siblings.splice(index, 1);
    this.parent = null;
  }

  exportAsync(settings: HostExportSettings): Promise<Uint8Array> {
    return Promise.resolve(fakeExport(settings, this.width, this.height, this.name));
  }

  /** A deep copy with new ids, parented under the current page as Figma does. */
  clone(): this {
    const copy = this.copyTree();
    this.world.adopt(copy);
    return copy;
  }

  /** Copies this node without counting, into `into` or a new node of its kind; subclasses copy their own state. */
  copyTree(into: this = this.blank()): this {
    const copy = into;
    copy.place({ x: this.x, y: this.y, width: this.w, height: this.h });
    Object.assign(copy.props, { name: this.name, visible: this.visible, locked: this.locked, opacity: this.opacity });
    copy.rotation = this.rotation;
    copy.relaunchData = { ...this.relaunchData };
    this.copyDataTo(copy);
    return copy;
  }

  protected abstract blank(): this;

  /** This node copied as part of a copy of its parent: the same as copyTree, but for components. */
  copyInTree(): FakeSceneNode {
    return this.copyTree();
  }
}

countCalls(FakeSceneNode, '', [
  'name.set', 'x.set', 'y.set', 'visible.set', 'locked.set', 'opacity.set', 'resizeWithoutConstraints', 'resize', 'rescale', 'setRelaunchData', 'remove', 'exportAsync', 'clone',
]);

/** Fills, strokes' cousin: a paint list read as a frozen copy, written as a whole. */
export class PaintList {
  private paints: readonly Paint[];
  constructor(initial: readonly Paint[]) {
    this.paints = Object.freeze(initial.map((paint) => Object.freeze({ ...paint })));
  }
  get(): readonly Paint[] {
    return this.paints;
  }
  put(paints: readonly Paint[]): void {
    this.paints = Object.freeze(paints.map((paint) => Object.freeze(structuredClone(paint))));
  }
}

/** A layer with constraints, fills and strokes: shapes, text and frames. */
export abstract class FakeLayer extends FakeSceneNode {
  constraints: Constraints = { horizontal: 'MIN', vertical: 'MIN' };
  protected readonly paintList = new PaintList([]);
  private readonly strokeList = new PaintList([]);
  private weight = 1;
  layoutPositioning: 'AUTO' | 'ABSOLUTE' = 'AUTO';
  layoutGrow = 0;
  layoutAlign: 'MIN' | 'CENTER' | 'MAX' | 'STRETCH' | 'INHERIT' = 'INHERIT';
  layoutSizingHorizontal: 'FIXED' | 'HUG' | 'FILL' = 'FIXED';
  layoutSizingVertical: 'FIXED' | 'HUG' | 'FILL' = 'FIXED';

  get fills(): ReadonlyArray<Paint> | PluginAPI['mixed'] {
    return this.paintList.get();
  }
  set fills(paints: ReadonlyArray<Paint> | PluginAPI['mixed']) {
    if (paints === mixed) throw new Error('in set_fills: Cannot set fills to figma.mixed');
    this.paintList.put(paints as readonly Paint[]);
  }

  /** Sets fills as a file would hold them (not counted). */
  paint(paints: readonly Paint[]): this {
    this.paintList.put(paints);
    return this;
  }

  get strokes(): ReadonlyArray<Paint> {
    return this.strokeList.get();
  }
  set strokes(paints: ReadonlyArray<Paint>) {
    this.strokeList.put(paints);
  }

  get strokeWeight(): number {
    return this.weight;
  }
  set strokeWeight(value: number) {
    this.weight = value;
  }

  override scaleContent(scale: number): void {
    super.scaleContent(scale);
    // The Scale tool scales strokes too.
    this.weight *= scale;
  }

  override copyTree(into?: this): this {
    const copy = super.copyTree(into);
    copy.constraints = { ...this.constraints };
    copy.paintList.put(this.paintList.get());
    copy.strokeList.put(this.strokeList.get());
    copy.weight = this.weight;
    copy.layoutPositioning = this.layoutPositioning;
    copy.layoutGrow = this.layoutGrow;
    copy.layoutAlign = this.layoutAlign;
    copy.layoutSizingHorizontal = this.layoutSizingHorizontal;
    copy.layoutSizingVertical = this.layoutSizingVertical;
    return copy;
  }
}

countCalls(FakeLayer, '', ['fills.set', 'strokes.set', 'strokeWeight.set']);

export class FakeShapeNode extends FakeLayer implements HostShape {
  constructor(world: FakeWorld, name: string, readonly type: 'RECTANGLE' | 'ELLIPSE' = 'RECTANGLE') {
    super(world, name);
  }
  protected blank(): this {
    return new FakeShapeNode(this.world, this.name, this.type) as this;
  }
}

/** One axis of Figma's constraints: where a child's box goes when its frame changes size. */
export function constrainAxis(constraint: ConstraintType, start: number, size: number, oldRoom: number, newRoom: number): { start: number; size: number } {
  switch (constraint) {
    case 'MAX':
      return { start: start + newRoom - oldRoom, size };
    case 'CENTER':
      return { start: start + (newRoom - oldRoom) / 2, size };
    case 'STRETCH':
      return { start, size: Math.max(0.01, size + newRoom - oldRoom) };
    case 'SCALE': {
      const ratio = oldRoom > 0 ? newRoom / oldRoom : 1;
      return { start: start * ratio, size: Math.max(0.01, size * ratio) };
    }
    default:
      return { start, size };
  }
}

type ChildNode = FakeLayer | FakeGroupNode;

/** What frames and groups share: children, and the calls that insert them. */
export abstract class FakeContainer extends FakeLayer {
  children: ChildNode[] = [];

  appendChild(child: FakeSceneNode): void {
    this.insertAt(this.children.length, child, 'appendChild');
  }

  insertChild(index: number, child: FakeSceneNode): void {
    this.insertAt(index, child, 'insertChild');
  }

  protected insertAt(index: number, child: FakeSceneNode, action: string): void {
    checkMove(this, child, action);
    if (child.parent === this && this.children.indexOf(child as ChildNode) < index) index--;
    child.detach();
    child.parent = this;
    this.children.splice(Math.max(0, Math.min(index, this.children.length)), 0, child as ChildNode);
    if (this instanceof FakeFrameNode) this.reflow();
  }

  findAllWithCriteria(criteria: { types: ['TEXT'] }): import('./fake-text').FakeTextNode[] {
    const out: import('./fake-text').FakeTextNode[] = [];
    const walk = (nodes: readonly FakeSceneNode[]) => {
      for (const node of nodes) {
        if ((criteria.types as string[]).includes(node.type)) out.push(node as import('./fake-text').FakeTextNode);
        if (node instanceof FakeContainer) walk(node.children);
      }
    };
    walk(this.children);
    return out;
  }

  override markRemovedTree(): void {
    super.markRemovedTree();
    for (const child of this.children) child.markRemovedTree();
  }

  override scaleContent(scale: number): void {
    super.scaleContent(scale);
    for (const child of this.children) {
      child.place({ x: child.x * scale, y: child.y * scale });
      child.scaleContent(scale);
    }
  }

  override copyTree(into?: this): this {
    const copy = super.copyTree(into);
    for (const child of this.children) {
      const childCopy = child.copyInTree() as ChildNode;
      childCopy.parent = copy;
      copy.children.push(childCopy);
    }
    return copy;
  }
}

countCalls(FakeContainer, '', ['appendChild', 'insertChild', 'findAllWithCriteria']);

type Spacing = 'paddingTop' | 'paddingRight' | 'paddingBottom' | 'paddingLeft' | 'itemSpacing';

/** What Figma says when a plugin puts a layer into an instance. */
export const instanceParentError = 'Cannot move node. New parent is an instance or is inside of an instance';
/** What Figma says when a plugin removes a layer of an instance. */
export const instanceRemovalError = 'in remove: Removing this node is not allowed';

/** Whether a node is an instance or lies inside one. */
export function insideInstance(node: Parent | FakeSceneNode): boolean {
  for (let at: Parent | FakeSceneNode | null = node; at && !(at instanceof FakePageNode); at = at.parent) if (at.type === 'INSTANCE') return true;
  return false;
}

/** Moving a layer into, or out of, an instance is refused. */
function checkMove(parent: Parent, child: FakeSceneNode | FakeSectionNode, action: string): void {
  if (insideInstance(parent)) throw new Error(`in ${action}: ${instanceParentError}`);
  if (child.parent && insideInstance(child.parent)) throw new Error(`in ${action}: Cannot move node. Node is inside of an instance`);
}

export class FakeFrameNode extends FakeContainer implements HostFrame {
  clipsContent = true;
  layoutMode: 'NONE' | 'HORIZONTAL' | 'VERTICAL' | 'GRID' = 'NONE';
  private space: Record<Spacing, number> = { paddingTop: 0, paddingRight: 0, paddingBottom: 0, paddingLeft: 0, itemSpacing: 0 };
  primaryAxisSizingMode: 'FIXED' | 'AUTO' = 'FIXED';
  counterAxisSizingMode: 'FIXED' | 'AUTO' = 'FIXED';
  primaryAxisAlignItems: 'MIN' | 'CENTER' | 'MAX' | 'SPACE_BETWEEN' = 'MIN';
  counterAxisAlignItems: 'MIN' | 'CENTER' | 'MAX' | 'BASELINE' = 'MIN';

  constructor(world: FakeWorld, name: string, readonly type: 'FRAME' | 'COMPONENT' | 'INSTANCE' = 'FRAME') {
    super(world, name);
    this.paint([{ type: 'SOLID', color: { r: 1, g: 1, b: 1 }, opacity: 1, visible: true, blendMode: 'NORMAL' }]);
  }

  private setSpacing(key: Spacing, value: number): void {
    this.space[key] = value;
    this.reflow();
  }
  get paddingTop(): number { return this.space.paddingTop; }
  set paddingTop(value: number) { this.setSpacing('paddingTop', value); }
  get paddingRight(): number { return this.space.paddingRight; }
  set paddingRight(value: number) { this.setSpacing('paddingRight', value); }
  get paddingBottom(): number { return this.space.paddingBottom; }
  set paddingBottom(value: number) { this.setSpacing('paddingBottom', value); }
  get paddingLeft(): number { return this.space.paddingLeft; }
  set paddingLeft(value: number) { this.setSpacing('paddingLeft', value); }
  get itemSpacing(): number { return this.space.itemSpacing; }
  set itemSpacing(value: number) { this.setSpacing('itemSpacing', value); }

  /** Makes this an auto-layout frame as a file would hold it (not counted), placing its children. */
  autoLayout(mode: 'HORIZONTAL' | 'VERTICAL', spacing: Partial<Record<Spacing, number>>, align: Partial<Pick<FakeFrameNode, 'primaryAxisAlignItems' | 'counterAxisAlignItems'>> = {}): this {
    this.layoutMode = mode;
    Object.assign(this.space, spacing);
    Object.assign(this, align);
    this.reflow();
    return this;
  }

  /**
   * Auto layout as Figma applies it to fixed-size frames: flow children one after another from the
   * padding, spaced by itemSpacing and aligned on both axes; absolute children stay put.
   */
  reflow(): void {
    if (this.layoutMode !== 'HORIZONTAL' && this.layoutMode !== 'VERTICAL') return;
    const horizontal = this.layoutMode === 'HORIZONTAL';
    const flow = this.children.filter((child) => child.visible && !(child instanceof FakeLayer && child.layoutPositioning === 'ABSOLUTE'));
    const main = (child: ChildNode) => (horizontal ? child.width : child.height);
    const cross = (child: ChildNode) => (horizontal ? child.height : child.width);
    const [startPad, endPad, crossStart, crossEnd] = horizontal
      ? [this.space.paddingLeft, this.space.paddingRight, this.space.paddingTop, this.space.paddingBottom]
      : [this.space.paddingTop, this.space.paddingBottom, this.space.paddingLeft, this.space.paddingRight];
    const room = (horizontal ? this.w : this.h) - startPad - endPad;
    const crossRoom = (horizontal ? this.h : this.w) - crossStart - crossEnd;
    const used = flow.reduce((sum, child) => sum + main(child), 0);
    let gap = this.space.itemSpacing;
    let cursor = startPad;
    const free = room - used - gap * Math.max(0, flow.length - 1);
    if (this.primaryAxisAlignItems === 'SPACE_BETWEEN' && flow.length > 1) gap = (room - used) / (flow.length - 1);
    else if (this.primaryAxisAlignItems === 'CENTER') cursor += free / 2;
    else if (this.primaryAxisAlignItems === 'MAX') cursor += free;
    for (const child of flow) {
      const slack = crossRoom - cross(child);
      const across = crossStart + (this.counterAxisAlignItems === 'CENTER' ? slack / 2 : this.counterAxisAlignItems === 'MAX' ? slack : 0);
      child.place(horizontal ? { x: cursor, y: across } : { x: across, y: cursor });
      cursor += main(child) + gap;
    }
  }

  protected override afterResize(): void {
    this.reflow();
    super.afterResize();
  }

  protected blank(): this {
    return new FakeFrameNode(this.world, this.name, this.type) as this;
  }

  /** Gives another frame this frame's properties and copies of its layers (what a copy of another kind holds). */
  protected copyContentTo(target: FakeFrameNode): void {
    this.copyTree(target as this);
  }

  override copyTree(into?: this): this {
    const copy = super.copyTree(into);
    copy.space = { ...this.space };
    for (const key of ['clipsContent', 'layoutMode', 'primaryAxisSizingMode', 'counterAxisSizingMode', 'primaryAxisAlignItems', 'counterAxisAlignItems'] as const)
      (copy as Record<string, unknown>)[key] = this[key];
    return copy;
  }

  override resizeApplyingConstraints(width: number, height: number): void {
    const oldWidth = this.w;
    const oldHeight = this.h;
    super.resizeApplyingConstraints(width, height);
    if (this.layoutMode !== 'NONE') return;
    const follow = (node: ChildNode) => {
      // Groups have no constraints of their own: their children follow theirs, in frame coordinates.
      if (node instanceof FakeGroupNode) {
        node.children.forEach(follow);
        node.fitToChildren();
        return;
      }
      const h = constrainAxis(node.constraints.horizontal, node.x, node.width, oldWidth, width);
      const v = constrainAxis(node.constraints.vertical, node.y, node.height, oldHeight, height);
      node.place({ x: h.start, y: v.start });
      if (h.size !== node.width || v.size !== node.height) node.resizeApplyingConstraints(h.size, v.size);
    };
    this.children.forEach(follow);
  }
}

countCalls(FakeFrameNode, '', ['paddingTop.set', 'paddingRight.set', 'paddingBottom.set', 'paddingLeft.set', 'itemSpacing.set']);

/** A main component: cloning it makes another main component; createInstance makes a copy linked to it. */
export class FakeComponentNode extends FakeFrameNode {
  declare readonly type: 'COMPONENT';

  constructor(world: FakeWorld, name: string) {
    super(world, name, 'COMPONENT');
  }

  protected override blank(): this {
    return new FakeComponentNode(this.world, this.name) as this;
  }

  /** Inside a copy of its parent, a main component is copied as an instance of it, as Figma clones. */
  override copyInTree(): FakeInstanceNode {
    const instance = new FakeInstanceNode(this.world, this.name, this);
    this.copyContentTo(instance);
    return instance;
  }

  /** An instance of this component on the current page, at the component's size, with copies of its layers. */
  createInstance(): FakeInstanceNode {
    const instance = this.copyInTree();
    this.world.adopt(instance);
    return instance;
  }
}

countCalls(FakeComponentNode, '', ['createInstance']);

/** An instance: its layers follow the main component, so none can be added, moved out or removed. */
export class FakeInstanceNode extends FakeFrameNode {
  declare readonly type: 'INSTANCE';

  constructor(
    world: FakeWorld,
    name: string,
    readonly mainComponent: FakeComponentNode | null = null,
  ) {
    super(world, name, 'INSTANCE');
  }

  protected override blank(): this {
    return new FakeInstanceNode(this.world, this.name, this.mainComponent) as this;
  }

  getMainComponentAsync(): Promise<FakeComponentNode | null> {
    return Promise.resolve(this.mainComponent);
  }

  /**
   * Replaces the instance with a plain frame holding the same layers, in the same place (new ids).
   * An instance inside other instances has those detached first, outermost first, as Figma does.
   */
  detachInstance(): FakeFrameNode {
    return this.detachHere();
  }

  private detachHere(): FakeFrameNode {
    let outer: FakeInstanceNode | null = null;
    for (let at = this.parent; at && !(at instanceof FakePageNode); at = at.parent) if (at instanceof FakeInstanceNode) outer = at;
    if (outer) {
      // The path from the outer instance down to this one, child index by child index.
      const path: number[] = [];
      for (let at: FakeSceneNode = this; at !== outer; at = at.parent as FakeContainer) path.unshift((at.parent as FakeContainer).children.indexOf(at as ChildNode));
      let twin: FakeSceneNode = outer.detachHere();
      for (const index of path) twin = (twin as FakeContainer).children[index]!;
      return (twin as FakeInstanceNode).detachHere();
    }
    const frame = new FakeFrameNode(this.world, this.name);
    this.copyContentTo(frame);
    const parent = this.parent;
    if (parent) {
      const siblings = childrenOf(parent);
      siblings.splice(siblings.indexOf(this), 1, frame);
      frame.parent = parent;
    }
    this.parent = null;
    this.markRemovedTree();
    return frame;
  }
}

countCalls(FakeInstanceNode, '', ['getMainComponentAsync', 'detachInstance']);

export class FakeGroupNode extends FakeContainer implements HostGroup {
  readonly type = 'GROUP' as const;

  protected blank(): this {
    return new FakeGroupNode(this.world, this.name) as this;
  }

  /** A group's box is the union of its children's, in the same (frame) coordinates. */
  fitToChildren(): void {
    if (!this.children.length) return;
    const left = Math.min(...this.children.map((child) => child.x));
    const top = Math.min(...this.children.map((child) => child.y));
    const right = Math.max(...this.children.map((child) => child.x + child.width));
    const bottom = Math.max(...this.children.map((child) => child.y + child.height));
    this.place({ x: left, y: top, width: right - left, height: bottom - top });
  }

  override get x(): number {
    return this.children.length ? Math.min(...this.children.map((child) => child.x)) : super.x;
  }
  override set x(value: number) {
    // Moving a group moves its children; the group's box follows them.
    const dx = value - this.x;
    for (const child of this.children) child.place({ x: child.x + dx });
  }
  override get y(): number {
    return this.children.length ? Math.min(...this.children.map((child) => child.y)) : super.y;
  }
  override set y(value: number) {
    const dy = value - this.y;
    for (const child of this.children) child.place({ y: child.y + dy });
  }
  override get width(): number {
    return this.children.length ? Math.max(...this.children.map((child) => child.x + child.width)) - this.x : super.width;
  }
  override get height(): number {
    return this.children.length ? Math.max(...this.children.map((child) => child.y + child.height)) - this.y : super.height;
  }
}

countCalls(FakeGroupNode, '', ['x.set', 'y.set']);

export class FakeSectionNode extends FakePluginData implements HostSection {
  readonly type = 'SECTION' as const;
  readonly id: string;
  parent: FakePageNode | null = null;
  removed = false;
  visible = true;
  locked = false;
  name = 'Section';
  x = 0;
  y = 0;
  width = 100;
  height = 100;
  fills: ReadonlyArray<Paint> | PluginAPI['mixed'] = [];
  children: FakeSceneNode[] = [];

  constructor(world: FakeWorld) {
    super(world);
    this.id = world.newId();
    world.nodes.set(this.id, this);
  }

  resizeWithoutConstraints(width: number, height: number): void {
    this.width = width;
    this.height = height;
  }

  appendChild(child: FakeSceneNode): void {
    checkMove(this, child, 'appendChild');
    child.detach();
    child.parent = this;
    this.children.push(child);
  }

  detach(): void {
    if (!this.parent) return;
    const siblings = childrenOf(this.parent);
    const index = siblings.indexOf(this);
    if (index >= 0) siblings.splice(index, 1);
    this.parent = null;
  }
}

countCalls(FakeSectionNode, '', ['resizeWithoutConstraints', 'appendChild']);

/** What Figma says when a plugin reads the layers of a page it has not loaded. */
export const unloadedPageError =
  "in get_children: Cannot access property `children` on a page that has not been explicitly loaded. Remember to call `await page.loadAsync()` or `await figma.loadAllPagesAsync()' first.";

/** What Figma says when a selection holds a layer of another page. */
export const foreignSelectionError = 'in set_selection: The selection of a page can only include nodes in that page';

/** A parent's children without the loaded-page check: Figma's own bookkeeping, not a plugin read. */
export function childrenOf(parent: Parent): (FakeSceneNode | FakeSectionNode)[] {
  return parent instanceof FakePageNode ? parent.contents : (parent.children as (FakeSceneNode | FakeSectionNode)[]);
}

/** The page a node sits on, or null when it is not on any page (removed, or not yet placed). */
export function pageOf(node: FakeSceneNode | FakeSectionNode): FakePageNode | null {
  let at: Parent | null = node.parent;
  while (at && !(at instanceof FakePageNode)) at = (at as FakeSceneNode | FakeSectionNode).parent;
  return at;
}

/**
 * A page. Under `documentAccess: "dynamic-page"` only the current page is loaded when a plugin
 * starts; reading another page's children throws until it is loaded. Each page keeps its own selection.
 */
export class FakePageNode extends FakePluginData {
  readonly id: string;
  readonly type = 'PAGE' as const;
  readonly removed = false;
  parent: FakeDocumentNode | null = null;
  /** The layers on the page, whether or not a plugin has loaded it. */
  readonly contents: (FakeSceneNode | FakeSectionNode)[] = [];
  /** Whether a plugin has loaded the page (the current page is loaded from the start). */
  loaded = false;
  private currentSelection: FakeSceneNode[] = [];
  onSelectionChange: () => void = () => {};

  constructor(
    public name: PageNode['name'],
    world: FakeWorld,
  ) {
    super(world);
    this.id = world.newId();
  }

  get children(): readonly (FakeSceneNode | FakeSectionNode)[] {
    if (!this.loaded) throw new Error(unloadedPageError);
    return this.contents;
  }

  loadAsync(): Promise<void> {
    this.loaded = true;
    return Promise.resolve();
  }

  get selection(): readonly FakeSceneNode[] {
    return this.currentSelection;
  }

  set selection(nodes: readonly FakeSceneNode[]) {
    this.selectAsUser(nodes);
  }

  /** What a person clicking on the canvas does: not a plugin call, so not counted. */
  selectAsUser(nodes: readonly (FakeSceneNode | FakeSectionNode)[]): void {
    if (nodes.some((node) => pageOf(node) !== this)) throw new Error(foreignSelectionError);
    this.currentSelection = [...nodes] as FakeSceneNode[];
    this.onSelectionChange();
  }

  /** The selection without counting a host call; for the preview and assertions. */
  selectionSnapshot(): readonly (FakeSceneNode | FakeSectionNode)[] {
    return this.currentSelection;
  }

  appendChild(child: FakeSceneNode | FakeSectionNode): void {
    checkMove(this, child, 'appendChild');
    this.adopt(child);
  }

  /** Puts a node on the page without counting a call. */
  adopt(child: FakeSceneNode | FakeSectionNode): void {
    child.detach();
    child.parent = this;
    this.contents.push(child);
  }
}

countCalls(FakePageNode, '', ['selection.get', 'selection.set', 'appendChild', 'loadAsync']);

export class FakeDocumentNode extends FakePluginData {
  readonly id = '0:0';
  readonly type = 'DOCUMENT' as const;
  readonly removed = false;
  name = 'Untitled';
  /** The file's pages, in order; always readable, loaded or not. */
  readonly children: FakePageNode[] = [];
}
