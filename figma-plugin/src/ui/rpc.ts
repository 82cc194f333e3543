import { createChannelClient, createClient } from '@onbrand/shared/rpc';
import { figmaContract, type FigmaEvents } from '../contract';

type Listener = (payload: never) => void;
const listeners = new Map<string, Set<Listener>>();

// Figma wraps every message between the UI and the main thread in `pluginMessage`.
const channel = createChannelClient(
  (message) => parent.postMessage({ pluginMessage: message }, '*'),
  (name, payload) => listeners.get(name)?.forEach((listener) => listener(payload as never)),
);
window.addEventListener('message', (event: MessageEvent) => {
  const data = event.data as { pluginMessage?: unknown } | null;
  if (data && typeof data === 'object' && 'pluginMessage' in data) channel.receive(data.pluginMessage);
});

/** Calls the main thread: `call('getSelectionFrames', {})`. */
export const call = createClient(figmaContract, channel.send);

/** Subscribes to a main-thread event; returns the unsubscribe function. */
export function on<K extends keyof FigmaEvents>(name: K, listener: (payload: FigmaEvents[K]) => void): () => void {
  const set = listeners.get(name) ?? new Set<Listener>();
  listeners.set(name, set);
  set.add(listener as Listener);
  return () => set.delete(listener as Listener);
}
