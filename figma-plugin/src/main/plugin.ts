import { createChannelServer, createDispatcher, type Handlers } from '@onbrand/shared/rpc';
import { figmaContract, type FigmaEvents } from '../contract';
import type { FigmaHost } from './host';
import { readSelectionFrames } from './selection';

export const uiSize = { width: 360, height: 560 };

function handlers(host: FigmaHost): Handlers<typeof figmaContract> {
  return {
    getSelectionFrames: () => readSelectionFrames(host),
  };
}

/** Opens the UI and answers its requests; the host is the real `figma` or the preview's fake. */
export function startPlugin(host: FigmaHost, html: string): void {
  host.skipInvisibleInstanceChildren = true;
  host.showUI(html, { ...uiSize, themeColors: true, title: 'Onbrand' });
  const dispatch = createDispatcher(figmaContract, handlers(host));
  const channel = createChannelServer(dispatch, (message) => host.ui.postMessage(message));
  const emit = <K extends keyof FigmaEvents>(name: K, payload: FigmaEvents[K]) => channel.emit(name, payload);
  host.ui.onmessage = (message: unknown) => void channel.receive(message);
  host.on('selectionchange', () => emit('selectionChanged', { count: host.currentPage.selection.length }));
}
