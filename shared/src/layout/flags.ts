/** Something a resized version needs a person to look at. */
export interface LayoutFlag {
  kind: 'text-overflow' | 'logo-clear-space' | 'logo-outside' | 'layout';
  nodeId: string;
  nodeName: string;
  message: string;
}
