export type Theme = 'light' | 'dark';

// The person's choice, kept on this machine; without one the preview follows the system setting.
const storageKey = 'onbrand-preview-theme';
const listeners = new Set<(theme: Theme) => void>();
const systemDark = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

function stored(): Theme | null {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

/** `?theme=dark` or `?theme=light` in the address, then the remembered choice, then the system's. */
export function currentTheme(): Theme {
  const fromUrl = new URLSearchParams(location.search).get('theme');
  if (fromUrl === 'light' || fromUrl === 'dark') return fromUrl;
  return stored() ?? (systemDark() ? 'dark' : 'light');
}

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
  for (const listener of listeners) listener(theme);
}

/** Remembers the person's choice and applies it everywhere at once. */
export function chooseTheme(theme: Theme): void {
  try {
    localStorage.setItem(storageKey, theme);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this visit.
  }
  const url = new URL(location.href);
  if (url.searchParams.has('theme')) {
    url.searchParams.delete('theme');
    history.replaceState(null, '', url);
  }
  apply(theme);
}

export function onThemeChange(listener: (theme: Theme) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Applies the theme now and follows the system's setting while the person has not chosen one. */
export function startTheme(): void {
  apply(currentTheme());
  if (typeof matchMedia === 'function') matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => apply(currentTheme()));
}
