import type { CallLog } from '../call-log';

// Simulated scene nodes. Each exposes the official property names and types for the part the
// plugin uses; the fake keeps its tree in memory and records every call in the host's CallLog.

let nextId = 1;
/** Figma ids look like `12:34`; tests only need them unique and stable within a run. */
export function newNodeId(): string {
  return `1:${nextId++}`;
}

export type FakeNodeType = Extract<NodeType, 'FRAME' | 'COMPONENT' | 'INSTANCE' | 'GROUP' | 'TEXT' | 'RECTANGLE' | 'ELLIPSE' | 'SECTION'>;

export class FakeSceneNode {
  readonly id = newNodeId();
  parent: FakeSceneNode | FakePageNode | null = null;
  name: SceneNode['name'];
  x: SceneNode['x'] = 0;
  y: SceneNode['y'] = 0;
  width: SceneNode['width'] = 100;
  height: SceneNode['height'] = 100;
  visible: SceneNode['visible'] = true;
  locked: SceneNode['locked'] = false;
  children: FakeSceneNode[] = [];

  constructor(
    readonly type: FakeNodeType,
    name: string,
    protected readonly calls: CallLog,
  ) {
    this.name = name;
  }

  appendChild(child: FakeSceneNode): void {
    this.calls.record('appendChild');
    child.parent = this;
    this.children.push(child);
  }
}

export class FakePageNode {
  readonly id = newNodeId();
  readonly type = 'PAGE' as const;
  children: FakeSceneNode[] = [];
  private currentSelection: FakeSceneNode[] = [];
  onSelectionChange: () => void = () => {};

  constructor(
    public name: PageNode['name'],
    private readonly calls: CallLog,
  ) {}

  get selection(): readonly FakeSceneNode[] {
    this.calls.record('selection.get');
    return this.currentSelection;
  }

  set selection(nodes: readonly FakeSceneNode[]) {
    this.calls.record('selection.set');
    this.selectAsUser(nodes);
  }

  /** What a person clicking on the canvas does: not a plugin call, so not counted. */
  selectAsUser(nodes: readonly FakeSceneNode[]): void {
    this.currentSelection = [...nodes];
    this.onSelectionChange();
  }

  /** The selection without counting a host call; for the preview and assertions. */
  selectionSnapshot(): readonly FakeSceneNode[] {
    return this.currentSelection;
  }

  appendChild(child: FakeSceneNode): void {
    this.calls.record('appendChild');
    child.parent = this;
    this.children.push(child);
  }
}
