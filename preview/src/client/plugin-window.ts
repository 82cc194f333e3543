import type { UiBridge } from '../figma';

/**
 * The plugin's iframe, as Figma hosts it: HTML from figma.showUI, messages wrapped in
 * `pluginMessage`, and messages posted before the UI has loaded held until it has.
 */
export class PluginWindow implements UiBridge {
  html: string | null = null;
  options: ShowUIOptions | undefined;
  private frame: HTMLIFrameElement | null = null;
  private loaded = false;
  private readonly queue: unknown[] = [];
  onShow: () => void = () => {};
  /** Called after each message from the main thread, which may follow a change to the file. */
  onPost: () => void = () => {};

  show(html: string, options: ShowUIOptions | undefined): void {
    this.html = html;
    this.options = options;
    this.loaded = false;
    this.onShow();
  }

  post(message: unknown): void {
    if (this.loaded && this.frame?.contentWindow) this.frame.contentWindow.postMessage({ pluginMessage: message }, '*');
    else this.queue.push(message);
    this.onPost();
  }

  attach(frame: HTMLIFrameElement | null): void {
    this.frame = frame;
  }

  markLoaded(): void {
    this.loaded = true;
    for (const message of this.queue.splice(0)) this.post(message);
  }

  isFrom(source: MessageEventSource | null): boolean {
    return source !== null && source === this.frame?.contentWindow;
  }
}
