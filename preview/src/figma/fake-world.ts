import type { CallLog } from '../call-log';

// State every simulated node shares with its file: the call log, the id registry (what
// getNodeByIdAsync searches), the fonts this machine has and those a plugin has loaded.

/** Figma's `figma.mixed`: one symbol a property reads when its ranges differ. */
export const mixed: PluginAPI['mixed'] = Symbol('figma.mixed') as never;

export interface FakeWorld {
  readonly calls: CallLog;
  readonly nodes: Map<string, { id: string; removed: boolean }>;
  /** Fonts installed on this machine: `Family\u0000Style`. A layer using another font has a missing font. */
  readonly availableFonts: Set<string>;
  /** Fonts a plugin has loaded with loadFontAsync. */
  readonly loadedFonts: Set<string>;
  /** The running plugin's manifest id: private plugin data belongs to it. */
  pluginId: string;
  newId(): string;
  /** Receives every node a clone creates, so the page can hold it. */
  adopt(node: unknown): void;
}

export function fontKey(font: FontName): string {
  return `${font.family}\u0000${font.style}`;
}

/** What Figma says when a text property changes before its font is loaded. */
export function unloadedFontError(action: string, font: FontName): Error {
  return new Error(
    `in ${action}: Cannot write to node with unloaded font "${font.family} ${font.style}". Please call figma.loadFontAsync({ family: "${font.family}", style: "${font.style}" }) and await the returned promise first.`,
  );
}

/**
 * One plugin-data entry, counted as its owner (the plugin id, or the shared namespace), key and
 * value in UTF-8 bytes, may hold 100 kB; the fake reads kB as 1000 bytes, the stricter reading.
 */
export const pluginDataLimit = 100_000;

const utf8 = new TextEncoder();

export function checkPluginDataSize(action: 'setPluginData' | 'setSharedPluginData', owner: string, key: string, value: string): void {
  const bytes = utf8.encode(owner + key + value).length;
  if (bytes > pluginDataLimit) throw new Error(`in ${action}: This pluginData entry exceeds 100 kB per entry limit.`);
}

/** A shared plugin data namespace must be at least 3 alphanumeric characters. */
export function checkNamespace(action: string, namespace: string): void {
  if (!/^[A-Za-z0-9]{3,}$/.test(namespace)) throw new Error(`in ${action}: The namespace must be at least 3 alphanumeric characters, got "${namespace}"`);
}
