import type { UiBridge } from '../figma';
import { currentTheme, type Theme } from './theme';

// A few of the variables Figma puts into a plugin's iframe with `themeColors: true`, and the
// `figma-light` / `figma-dark` class on <html>; they follow the preview's theme, as Figma's follow its own.
const themes: Record<Theme, Record<string, string>> = {
  light: {
    'bg': '#ffffff', 'bg-secondary': '#f5f5f5', 'bg-brand': '#0d99ff', 'bg-warning': '#ffc21a', 'bg-assistive': '#9747ff',
    'text': '#1e1e1e', 'text-secondary': '#757575', 'text-onbrand': '#ffffff', 'text-danger': '#dc3412', 'text-warning': '#b86200', 'text-onwarning': '#000000',
    'border': '#e6e6e6', 'border-selected': '#0d99ff',
  },
  dark: {
    'bg': '#2c2c2c', 'bg-secondary': '#383838', 'bg-brand': '#0c8ce9', 'bg-warning': '#f3c11b', 'bg-assistive': '#8638e5',
    'text': '#ffffff', 'text-secondary': '#b3b3b3', 'text-onbrand': '#ffffff', 'text-danger': '#fca397', 'text-warning': '#f7d15f', 'text-onwarning': '#000000',
    'border': '#444444', 'border-selected': '#0c8ce9',
  },
};

function themeRule(theme: Theme): string {
  const variables = Object.entries(themes[theme]).map(([name, value]) => `--figma-color-${name}: ${value};`).join(' ');
  return `:root { ${variables} color-scheme: ${theme}; }`;
}

/** Adds Figma's theme variables and class to the plugin's HTML, as Figma does. */
export function withTheme(html: string, theme: Theme): string {
  const style = `<style id="figma-theme">${themeRule(theme)}</style>`;
  const tagged = html.replace(/<html([^>]*)>/i, `<html$1 class="figma-${theme}">`);
  return /<head>/i.test(tagged) ? tagged.replace(/<head>/i, `<head>${style}`) : `${style}${tagged}`;
}

/**
 * The plugin's iframe, as Figma hosts it: HTML from figma.showUI (with theme variables), messages wrapped in
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
    this.html = options?.themeColors ? withTheme(html, currentTheme()) : html;
    this.options = options;
    this.loaded = false;
    this.onShow();
  }

  post(message: unknown): void {
    if (this.loaded && this.frame?.contentWindow) this.frame.contentWindow.postMessage({ pluginMessage: message }, '*');
    else this.queue.push(message);
    this.onPost();
  }

  /** Figma switches a running plugin's theme in place when the person switches theme. */
  setTheme(theme: Theme): void {
    if (!this.options?.themeColors) return;
    const root = this.frame?.contentDocument?.documentElement;
    if (!root) return;
    root.classList.remove('figma-light', 'figma-dark');
    root.classList.add(`figma-${theme}`);
    const style = root.querySelector('#figma-theme');
    if (style) style.textContent = themeRule(theme);
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
